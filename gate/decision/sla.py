"""Review SLA: how long each open PR has waited for its reviewers, and escalation by level.

The tier of a PR comes from the gate's tier label (`routing.tier-N.labels`, default
`gate:tier-N-NAME`; the poster keeps exactly one). The clock starts when the PR is ready
for review (its last `ready_for_review`, else its creation; drafts wait for nobody) and
counts working time of `sla.calendar` (docs/routing.md; around the clock without one).
It stops when a reviewer it waits on (the level's / tier's reviewers when given, else
anyone but the author) approves or requests changes: a comment-only review does not, and
nothing does while the forge says required approvals are missing (`required_pending`).

    sla:
      calendar: {timezone: Europe/Berlin, days: [mon, tue, wed, thu, fri], hours: "09:00-17:00"}
      tier-3:
        after: 8h                            # level 1: remind (comment mentioning who it waits on)
        escalate: [comment, label]
        levels:                              # later levels, each done once
          - {after: 16h, escalate: [reviewers, comment], reviewers: [acme/security-leads]}
          - {after: 24h, escalate: [notify], issue: 42, comment: "Paging the on-call lead."}

Each level done leaves a marker comment on the PR (`<!-- gate:sla-escalation level=N -->`),
written by the gate's bot: the next scheduled run reads them and never repeats a level.
Without an `sla:` section the defaults are tier-2: 48h and tier-3: 24h; a section that is
given replaces them (tiers it leaves out have no SLA).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Any, Protocol

from gate.decision.business_hours import calendar_from
from gate.decision.sla_config import DEFAULT_LABEL, validate_sla
from gate.decision.sla_state import Note, answered_by, backup_reviewers, levels_done, tier_of
from gate.decision.tier_config import TIERS, validate_risk, validate_routing
from gate.errors import GateError
from gate.policy.config import Config

__all__ = [
    "DEFAULT_LABEL",
    "MARKER",
    "Note",
    "OpenPR",
    "PrStatus",
    "SlaForge",
    "SlaReport",
    "run_sla",
    "validate_sla",
]

MARKER = "<!-- gate:sla-escalation"


# --- what the forges report --------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenPR:
    number: int
    title: str
    url: str
    author: str
    labels: tuple[str, ...] = ()
    draft: bool = False
    created_at: datetime
    requested: tuple[str, ...] = ()  # reviewers and org/teams asked to review
    head_sha: str = ""


class SlaForge(Protocol):
    """What `run_sla` needs from GitHub or GitLab (gate.forges.sla_forges)."""

    def open_prs(self) -> Iterator[OpenPR]: ...

    def ready_at(self, pr: OpenPR) -> datetime: ...

    def reviews(self, pr: OpenPR) -> tuple[tuple[str, str], ...]: ...  # (login, STATE)

    def required_pending(self, pr: OpenPR) -> bool | None: ...  # None: the forge can't say

    def notes(self, pr: OpenPR) -> Iterator[Note]: ...

    def comment(self, number: int, body: str) -> None: ...

    def notify(self, issue: int, body: str) -> None: ...

    def add_label(self, pr: OpenPR, label: str) -> None: ...

    def request_reviewers(self, pr: OpenPR, reviewers: tuple[str, ...]) -> None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class PrStatus:
    """One open PR with a tier: how long it has waited and where its SLA stands."""

    number: int
    title: str
    url: str
    author: str
    tier: int
    tier_name: str
    draft: bool = False
    waited: timedelta = timedelta(0)  # working time since ready for review
    limit: timedelta | None = None  # level 1's `after`; None: no SLA for the tier
    waiting_on: tuple[str, ...] = ()
    answered_by: tuple[str, ...] = ()  # reviewers it waited on who approved or asked changes
    levels_done: tuple[int, ...] = ()
    actions: tuple[str, ...] = ()  # what this run did (or, in a dry run, would do)

    @property
    def state(self) -> str:
        if self.draft:
            return "draft"
        if self.answered_by:
            return "reviewed"
        if self.limit is None:
            return "no SLA"
        if self.waited > self.limit:
            return "breached"
        return "due soon" if self.waited > self.limit * 0.75 else "on time"


@dataclass(frozen=True, slots=True, kw_only=True)
class SlaReport:
    repo: str
    checked_at: datetime
    open_prs: int
    with_tier: int
    calendar: str = "around the clock"
    prs: tuple[PrStatus, ...] = ()
    problems: tuple[str, ...] = ()  # escalations that failed (403 on a fork token, ...)
    dry_run: bool = False

    @property
    def overdue(self) -> tuple[PrStatus, ...]:
        return tuple(p for p in self.prs if p.state == "breached")

    def lines(self) -> tuple[str, ...]:
        """Plain text for the terminal, one PR per line."""
        head = (
            f"{self.repo}: {self.open_prs} open PR(s), {self.with_tier} with a gate tier, "
            f"{len(self.overdue)} overdue for review ({self.calendar})"
            + (" (dry run: nothing posted)" if self.dry_run else "")
        )
        rows = [head]
        for item in self.overdue:
            done = ", ".join(item.actions) or (
                f"levels {', '.join(map(str, item.levels_done))} already done"
                if item.levels_done
                else "nothing to do"
            )
            limit = hours(item.limit) if item.limit else "-"
            rows.append(
                f"#{item.number} tier {item.tier} ({item.tier_name}) waited "
                f"{hours(item.waited)} (limit {limit}): {done}"
            )
        rows.extend(f"problem: {p}" for p in self.problems)
        return tuple(rows)


# --- the run ------------------------------------------------------------------------------


def run_sla(
    forge: SlaForge, repo: str, config: Config, now: datetime, *, dry_run: bool = False
) -> SlaReport:
    """Every open PR with a tier, its SLA state; levels that are due are escalated once."""
    now = now if now.tzinfo else now.replace(tzinfo=timezone.utc)
    risk = validate_risk(config.raw.get("risk"), config.source)
    routing = validate_routing(config.raw.get("routing"), config.source, risk)
    rules = validate_sla(config.raw.get("sla"), config.source)
    calendar = calendar_from(rules["calendar"])
    label_tiers = {label: tier for tier in TIERS for label in routing[f"tier-{tier}"]["labels"]}
    teams = {k.lower(): tuple(v) for k, v in routing["teams"].items()}
    statuses: list[PrStatus] = []
    problems: list[str] = []
    pulls = list(forge.open_prs())
    for pull in pulls:
        tier = tier_of(pull.labels, label_tiers)
        if tier is None:
            continue
        rule = rules[f"tier-{tier}"]
        tier_reviewers = tuple(routing[f"tier-{tier}"]["reviewers"])
        status = PrStatus(
            number=pull.number,
            title=pull.title,
            url=pull.url,
            author=pull.author,
            tier=tier,
            tier_name=risk["names"][tier],
            draft=pull.draft,
            waiting_on=pull.requested or tier_reviewers,
        )
        if pull.draft:
            statuses.append(status)
            continue
        waits_on = (tuple(rule["reviewers"]) if rule else ()) or tier_reviewers
        # Required approvals still missing (the gate check is action_required, GitLab has
        # approvals left): nobody's review stops the clock yet.
        pending = forge.required_pending(pull)
        reviews = () if pending else forge.reviews(pull)
        answered = answered_by(reviews, pull.author, waits_on, teams)
        waited = calendar.working_time(forge.ready_at(pull), now)
        limit = timedelta(seconds=rule["after"]) if rule else None
        status = _with(status, waited=waited, limit=limit, answered_by=answered)
        if rule is None or answered or waited <= limit:  # type: ignore[operator]
            statuses.append(status)
            continue
        done = levels_done(forge.notes(pull), pull.author, rules["bots"])
        levels = (rule, *rule["levels"])
        actions: list[str] = []
        for number, level in enumerate(levels, start=1):
            if number in done or waited <= timedelta(seconds=level["after"]):
                continue
            backup = backup_reviewers(routing["groups"], (*waits_on, *status.waiting_on))
            did, failed = _escalate(forge, pull, status, number, level, backup, dry_run)
            actions.extend(did)
            problems.extend(failed)
            if not failed and not dry_run:
                done.add(number)
        statuses.append(_with(status, levels_done=tuple(sorted(done)), actions=tuple(actions)))
    return SlaReport(
        repo=repo,
        checked_at=now,
        open_prs=len(pulls),
        with_tier=len(statuses),
        calendar=calendar.describe(),
        prs=tuple(statuses),
        problems=tuple(problems),
        dry_run=dry_run,
    )


def _with(status: PrStatus, **changes: Any) -> PrStatus:
    return replace(status, **changes)


def _escalate(
    forge: SlaForge,
    pull: OpenPR,
    status: PrStatus,
    level: int,
    rule: Mapping[str, Any],
    backup: tuple[str, ...],
    dry_run: bool,
) -> tuple[list[str], list[str]]:
    reviewers = tuple(rule["reviewers"]) or status.waiting_on
    calls: list[tuple[str, Any]] = []
    asked = tuple(rule["reviewers"]) or backup  # default: the waited-on groups' backup
    if "reviewers" in rule["escalate"] and asked:
        who = tuple(r for r in asked if r.lower() != pull.author.lower())
        calls.append(
            (
                f"level {level}: requested review from {', '.join(who)}",
                lambda: forge.request_reviewers(pull, who),
            )
        )
    if "label" in rule["escalate"]:
        calls.append(
            (
                f"level {level}: labelled {rule['label']}",
                lambda: forge.add_label(pull, rule["label"]),
            )
        )
    if "notify" in rule["escalate"] and rule["issue"]:
        text = _text(status, level, reviewers, rule["comment"], on_issue=True)
        calls.append(
            (
                f"level {level}: notified #{rule['issue']}",
                lambda: forge.notify(int(rule["issue"]), text),
            )
        )
    body = _text(status, level, reviewers, rule["comment"], on_issue=False)
    if "notify" in rule["escalate"] and rule["issue"]:
        body += f"\n\nEscalated to #{rule['issue']}."
    calls.append(
        (f"level {level}: commented", lambda: forge.comment(pull.number, body))
    )  # the state
    done: list[str] = []
    failed: list[str] = []
    for action, call in calls:
        if dry_run:
            done.append(f"would have {action}")
            continue
        try:
            call()
        except GateError as exc:
            failed.append(f"#{pull.number}: {action} failed: {exc}")
            break
        done.append(action)
    return done, failed


def _text(
    status: PrStatus, level: int, reviewers: tuple[str, ...], extra: str, *, on_issue: bool
) -> str:
    who = f" Waiting on: {', '.join('@' + r for r in reviewers)}." if reviewers else ""
    limit = hours(status.limit) if status.limit else "-"
    subject = f"#{status.number}" if on_issue else "This"
    marker = "" if on_issue else f"{MARKER} level={level} -->\n"
    text = (
        f"{marker}**Review overdue (level {level}).** {subject} tier {status.tier} "
        f"({status.tier_name}) pull request has waited {hours(status.waited)} for a review; "
        f"the limit for its tier is {limit}.{who}"
    )
    return f"{text}\n\n{extra.strip()}" if extra.strip() else text


def hours(delta: timedelta) -> str:
    value = delta.total_seconds() / 3600
    return f"{value:.0f}h" if value < 72 else f"{value / 24:.1f}d"
