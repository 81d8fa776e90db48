"""The review queue as one self-contained HTML page: a table per tier and an inline SVG
chart of the oldest waiting PR per tier over time (from saved snapshots).

No external assets (no scripts, stylesheets, fonts or images are fetched); every text
from a PR is HTML-escaped after `gate.reporters.escape.plain`; links are kept only when
they are http(s) URLs. A Content-Security-Policy meta tag forbids scripts outright.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import timedelta

from gate.decision.business_hours import parse_time
from gate.decision.queue import QueueItem, QueueSnapshot
from gate.decision.sla import hours
from gate.reporters import escape

__all__ = ["render_html"]

_COLOURS = {0: "#5b8def", 1: "#2a9d8f", 2: "#e9a03b", 3: "#d1495b"}
_STATE_CLASS = {"breached": "bad", "due soon": "warn", "on time": "ok", "reviewed": "ok"}
_WIDTH, _HEIGHT, _PAD = 720, 240, 40
_STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;margin:8px 0 24px}th,td{border:1px solid #ccc;padding:4px 8px;
text-align:left;vertical-align:top}th{background:#f3f3f3}.bad{color:#b00020;font-weight:600}
.warn{color:#a45b00}.ok{color:#1b6e3a}svg{border:1px solid #ddd;background:#fff}
.legend span{margin-right:16px}
"""


def _t(text: object) -> str:
    return html.escape(escape.plain(str(text)), quote=True)


def render_html(snap: QueueSnapshot, history: Sequence[QueueSnapshot] = ()) -> str:
    breaches = sum(1 for i in snap.items if i.state == "breached")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        f"<title>Review queue: {_t(snap.repo)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>Review queue: {_t(snap.repo)}</h1>",
        f'<p id="summary">{snap.open_prs} open PR(s), {len(snap.items)} with a gate tier, '
        f'<span class="{"bad" if breaches else "ok"}" id="breaches">{breaches} SLA '
        f"breach(es)</span>. Ages in {_t(snap.calendar)}; taken {_t(snap.taken_at)}.</p>",
        "<h2>Queue age per tier over time</h2>",
        _chart(list(history) or [snap]),
    ]
    for tier in sorted({i.tier for i in snap.items}, reverse=True):
        group = [i for i in snap.items if i.tier == tier]
        parts.append(
            f'<h2 id="tier-{tier}">Tier {tier} ({_t(group[0].tier_name)}): {len(group)}</h2>'
        )
        parts.append(
            "<table><thead><tr><th>PR</th><th>Author</th><th>Age</th><th>Limit</th><th>SLA</th>"
            "<th>Waiting on</th><th>Escalated</th></tr></thead><tbody>"
        )
        parts.extend(_row(item) for item in group)
        parts.append("</tbody></table>")
    if not snap.items:
        parts.append("<p>No open PR with a gate tier.</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _row(item: QueueItem) -> str:
    title = _t(escape.one_line(item.title)[:160])
    url = item.url if item.url.startswith(("https://", "http://")) else ""
    link = f'<a href="{_t(url)}">#{item.number}</a>' if url else f"#{item.number}"
    state = _STATE_CLASS.get(item.state, "")
    limit = f"{item.limit_hours:g}h" if item.limit_hours else "-"
    waiting = ", ".join(_t(w) for w in item.waiting_on) or "-"
    levels = ", ".join(f"level {n}" for n in item.levels_done) or "-"
    age = hours(timedelta(hours=item.age_hours))
    return (
        f'<tr class="pr" data-number="{item.number}"><td>{link} {title}</td>'
        f"<td>{_t(item.author)}</td>"
        f'<td>{age}</td><td>{limit}</td><td class="{state}">{_t(item.state)}</td>'
        f"<td>{waiting}</td><td>{levels}</td></tr>"
    )


def _chart(history: Sequence[QueueSnapshot]) -> str:
    """Polyline per tier: x = snapshot time, y = oldest waiting PR's age (hours)."""
    times = [parse_time(s.taken_at).timestamp() for s in history]
    series = {
        tier: [s.ages_by_tier().get(tier, 0.0) for s in history]
        for tier in sorted({t for s in history for t in s.ages_by_tier()})
    }
    top = max([v for values in series.values() for v in values] + [1.0])
    start, end = min(times), max(times)
    span = (end - start) or 1.0

    def x(moment: float) -> float:
        return round(_PAD + (moment - start) / span * (_WIDTH - 2 * _PAD), 1)

    def y(value: float) -> float:
        return round(_HEIGHT - _PAD - value / top * (_HEIGHT - 2 * _PAD), 1)

    parts = [
        f'<svg id="age-chart" xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" '
        f'height="{_HEIGHT}" viewBox="0 0 {_WIDTH} {_HEIGHT}" role="img" '
        f'aria-label="Oldest waiting PR per tier over time">',
        f'<line x1="{_PAD}" y1="{_HEIGHT - _PAD}" x2="{_WIDTH - _PAD}" '
        f'y2="{_HEIGHT - _PAD}" stroke="#999"/>',
        f'<line x1="{_PAD}" y1="{_PAD}" x2="{_PAD}" y2="{_HEIGHT - _PAD}" stroke="#999"/>',
        f'<text x="4" y="{_PAD - 8}" font-size="11">{_t(hours_label(top))}</text>',
        f'<text x="{_PAD}" y="{_HEIGHT - 12}" font-size="11">{_t(history[0].taken_at[:16])}</text>',
        f'<text x="{_WIDTH - _PAD - 110}" y="{_HEIGHT - 12}" font-size="11">'
        f"{_t(history[-1].taken_at[:16])}</text>",
    ]
    for tier, values in series.items():
        points = " ".join(f"{x(t)},{y(v)}" for t, v in zip(times, values, strict=True))
        colour = _COLOURS.get(tier, "#555")
        parts.append(
            f'<polyline class="tier-line" data-tier="{tier}" fill="none" stroke="{colour}" '
            f'stroke-width="2" points="{points}"/>'
        )
        for t, v in zip(times, values, strict=True):
            parts.append(f'<circle cx="{x(t)}" cy="{y(v)}" r="3" fill="{colour}"/>')
    parts.append("</svg>")
    legend = "".join(
        f'<span style="color:{_COLOURS.get(t, "#555")}">&#9632; tier {t}</span>' for t in series
    )
    return "\n".join(parts) + f'\n<p class="legend">{legend or "no waiting PR yet"}</p>'


def hours_label(value: float) -> str:
    return hours(timedelta(hours=value))
