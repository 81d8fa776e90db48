"""The review queue: open PRs by tier with age, who they wait on and their SLA state, plus
the history of queue age per tier from earlier runs' saved snapshots.

`gate queue` (gate/commands/posting.py) builds a `QueueSnapshot` from the SLA's view of
the forge (`run_sla(..., dry_run=True)`: nothing is posted), saves it as JSON in the
history folder, and renders Markdown (`render_markdown`, for a pinned issue or the job
summary) and a self-contained HTML page (`gate.decision.queue_html.render_html`).
Every text that came from a PR (titles, logins) goes through `gate.reporters.escape`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta, timezone
from pathlib import Path
from typing import Any

from gate.decision.business_hours import parse_time
from gate.decision.sla import SlaReport, hours
from gate.reporters import escape

__all__ = [
    "QueueItem",
    "QueueSnapshot",
    "load_history",
    "render_markdown",
    "save_snapshot",
    "snapshot",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class QueueItem:
    number: int
    title: str
    url: str
    author: str
    tier: int
    tier_name: str
    age_hours: float  # working time since ready for review
    limit_hours: float | None
    state: str  # on time | due soon | breached | reviewed | draft | no SLA
    waiting_on: tuple[str, ...] = ()
    levels_done: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class QueueSnapshot:
    repo: str
    taken_at: str  # ISO 8601 UTC
    calendar: str
    open_prs: int
    items: tuple[QueueItem, ...] = ()

    def ages_by_tier(self) -> dict[int, float]:
        """Oldest waiting (not reviewed, not draft) PR per tier, in hours."""
        ages: dict[int, float] = {}
        for item in self.items:
            if item.state in ("reviewed", "draft"):
                continue
            ages[item.tier] = max(ages.get(item.tier, 0.0), item.age_hours)
        return ages

    def to_json(self) -> str:
        data = {
            "repo": self.repo,
            "taken_at": self.taken_at,
            "calendar": self.calendar,
            "open_prs": self.open_prs,
            "items": [
                {
                    **_fields(item),
                    "waiting_on": list(item.waiting_on),
                    "levels_done": list(item.levels_done),
                }
                for item in self.items
            ],
        }
        return json.dumps(data, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> QueueSnapshot:
        data = json.loads(text)
        items = tuple(
            QueueItem(
                **{
                    **item,
                    "waiting_on": tuple(item.get("waiting_on") or ()),
                    "levels_done": tuple(item.get("levels_done") or ()),
                }
            )
            for item in data.get("items") or ()
        )
        return cls(
            repo=str(data["repo"]),
            taken_at=str(data["taken_at"]),
            calendar=str(data.get("calendar") or ""),
            open_prs=int(data.get("open_prs") or 0),
            items=items,
        )


def _fields(item: QueueItem) -> dict[str, Any]:
    return {name: getattr(item, name) for name in QueueItem.__slots__}


def snapshot(report: SlaReport) -> QueueSnapshot:
    items = tuple(
        QueueItem(
            number=p.number,
            title=p.title,
            url=p.url,
            author=p.author,
            tier=p.tier,
            tier_name=p.tier_name,
            age_hours=round(p.waited.total_seconds() / 3600, 2),
            limit_hours=round(p.limit.total_seconds() / 3600, 2) if p.limit else None,
            state=p.state,
            waiting_on=p.waiting_on,
            levels_done=p.levels_done,
        )
        for p in sorted(report.prs, key=lambda p: (-p.tier, -p.waited, p.number))
    )
    return QueueSnapshot(
        repo=report.repo,
        taken_at=report.checked_at.astimezone(timezone.utc).isoformat(timespec="seconds"),
        calendar=report.calendar,
        open_prs=report.open_prs,
        items=items,
    )


def save_snapshot(folder: Path, snap: QueueSnapshot) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = parse_time(snap.taken_at).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"queue-{stamp}.json"
    path.write_text(snap.to_json(), encoding="utf-8")
    return path


def load_history(folder: Path | None) -> tuple[QueueSnapshot, ...]:
    """Snapshots saved by earlier runs, oldest first (unreadable files are skipped)."""
    if folder is None or not folder.is_dir():
        return ()
    found: list[QueueSnapshot] = []
    for path in sorted(folder.glob("queue-*.json")):
        try:
            found.append(QueueSnapshot.from_json(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError, KeyError):
            continue
    return tuple(sorted(found, key=lambda s: parse_time(s.taken_at)))


def render_markdown(snap: QueueSnapshot, history: Iterable[QueueSnapshot] = ()) -> str:
    lines = [
        f"## Review queue: {escape.md_text(snap.repo)}",
        "",
        f"{snap.open_prs} open PR(s), {len(snap.items)} with a gate tier; ages in "
        f"{escape.md_text(snap.calendar)}; taken {escape.md_text(snap.taken_at)}.",
        "",
    ]
    breaches = [i for i in snap.items if i.state == "breached"]
    lines.append(f"**{len(breaches)} SLA breach(es).**" if breaches else "No SLA breach.")
    lines.append("")
    for tier in sorted({i.tier for i in snap.items}, reverse=True):
        group = [i for i in snap.items if i.tier == tier]
        lines += [
            f"### Tier {tier} ({escape.md_text(group[0].tier_name)}): {len(group)} PR(s)",
            "",
            "| PR | Age | Limit | SLA | Waiting on | Escalated |",
            "|---|---|---|---|---|---|",
        ]
        for item in group:
            title = escape.md_text(escape.one_line(item.title))[:120]
            waiting = ", ".join(escape.md_text(w) for w in item.waiting_on) or "-"
            limit = f"{item.limit_hours:g}h" if item.limit_hours else "-"
            levels = ", ".join(f"level {n}" for n in item.levels_done) or "-"
            state = f"**{item.state}**" if item.state == "breached" else item.state
            lines.append(
                f"| {item.number}: {title} | {_age(item.age_hours)} | {limit} | {state} "
                f"| {waiting} | {levels} |"
            )
        lines.append("")
    trend = list(history)
    if len(trend) > 1:
        lines.append(f"Oldest waiting PR per tier over the last {len(trend)} runs:")
        lines.append("")
        for tier in sorted({t for s in trend for t in s.ages_by_tier()}, reverse=True):
            values = [_age(s.ages_by_tier().get(tier, 0.0)) for s in trend[-8:]]
            lines.append(f"- tier {tier}: {' → '.join(values)}")
        lines.append("")
    return "\n".join(lines)


def _age(value: float) -> str:
    return hours(timedelta(hours=value))
