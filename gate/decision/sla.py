"""Review SLA: find open PRs of a tier that have waited too long for a review, and escalate.

The tier of a PR comes from the label the gate put on it (`routing.tier-N.labels`,
default `gate:tier-N-NAME`). A PR waits from its creation until someone other than its
author submits a review. Past the tier's limit it is escalated as configured: a
comment (marked, so never posted twice), a label (which also marks it escalated), or a
review request to the tier's reviewers.

    sla:
      tier-2: 48h                       # shorthand: escalate with a comment and a label
      tier-3:
        after: 8h                       # Nd, Nh, Nm, combined: 1d12h
        escalate: [comment, label, reviewers]
        label: gate:review-overdue
        reviewers: [acme/security-leads] # default: routing.tier-3.reviewers
        comment: "Ping #security-reviews on Slack."

Without an `sla:` section the defaults are tier-2: 48h and tier-3: 24h; a section that
is given replaces them (tiers it leaves out have no SLA).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Any, Protocol

from gate.decision.tier_config import TIERS, Reviewer, validate_risk, validate_routing
from gate.errors import GateError
from gate.policy.config import Config, Enum_, ListOf, Spec, Str, Struct, Where
from gate.policy.yamlio import LineDict

ACTIONS = ("comment", "label", "reviewers")
MARKER = "<!-- gate:sla-escalation -->"
DEFAULT_LABEL = "gate:review-overdue"
DEFAULT_SLA = {"tier-2": "48h", "tier-3": "24h"}
_DURATION = re.compile(r"(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?\Z")
_TIER_LABEL = re.compile(r"gate:tier-([0-3])\b")
_REVIEWED = frozenset({"APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED"})


class Duration(Spec):
    """`24h`, `2d`, `90m`, `1d12h` -> seconds."""

    def check(self, value: Any, where: Where) -> Any:
        text = str(value).strip().lower() if isinstance(value, str) else ""
        match = _DURATION.match(text) if text else None
        if match is None or not any(match.groups()):
            raise where.fail(f"expected a duration such as 24h, 2d or 1d12h, got {value!r}")
        days, hours, minutes = (int(g or 0) for g in match.groups())
        seconds = days * 86400 + hours * 3600 + minutes * 60
        if seconds <= 0:
            raise where.fail("must be longer than 0")
        return seconds


_TIER_RULE = Struct(
    {
        "after": Duration(),
        "escalate": ListOf(Enum_(ACTIONS, "comment"), default=("comment", "label")),
        "label": Str(DEFAULT_LABEL),
        "reviewers": ListOf(Reviewer()),
        "comment": Str(""),
    }
)


class _TierRule(Spec):
    def check(self, value: Any, where: Where) -> Any:
        if isinstance(value, LineDict) and not where.line:
            where = Where(where.source, value.line, where.key)
        if isinstance(value, dict):
            if "after" not in value:
                raise where.fail("missing 'after' (how long a PR may wait, e.g. 24h)")
            return _TIER_RULE.check(value, where)
        return {**_TIER_RULE.default, "after": Duration().check(value, where)}


SLA_SCHEMA = Struct({f"tier-{tier}": _TierRule() for tier in TIERS})


def validate_sla(raw: Any, source: str, line: int = 0) -> dict[str, Any]:
    """tier-N -> {after (seconds), escalate, label, reviewers, comment}, or None (no SLA)."""
    where = Where(source, line or (raw.line if isinstance(raw, LineDict) else 0), "sla")
    given = DEFAULT_SLA if raw is None or raw == {} else raw
    checked: dict[str, Any] = SLA_SCHEMA.check(given, where)
    for key in checked:
        if key not in given:
            checked[key] = None
    return checked


class SlaClient(Protocol):
    """What run_sla needs; reporters.github_client.GitHubClient satisfies it."""

    def paginate(
        self, path: str, params: Mapping[str, str | int] | None = None
    ) -> Iterator[Any]: ...

    def request(self, method: str, path: str, *, json: Any = None) -> object: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Overdue:
    number: int
    title: str
    url: str
    tier: int
    tier_name: str
    waited: timedelta
    limit: timedelta
    actions: tuple[str, ...] = ()  # what was done (or, in a dry run, would be)
    already_escalated: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class SlaReport:
    repo: str
    checked_at: datetime
    open_prs: int
    with_tier: int
    overdue: tuple[Overdue, ...] = ()
    problems: tuple[str, ...] = ()  # escalations that failed (403 on a fork token, ...)
    dry_run: bool = False

    def lines(self) -> tuple[str, ...]:
        """Plain text for the terminal, one PR per line."""
        head = (
            f"{self.repo}: {self.open_prs} open PR(s), {self.with_tier} with a gate tier, "
            f"{len(self.overdue)} overdue for review"
            + (" (dry run: nothing posted)" if self.dry_run else "")
        )
        rows = [head]
        for item in self.overdue:
            done = "already escalated" if item.already_escalated else ", ".join(item.actions)
            rows.append(
                f"#{item.number} tier {item.tier} ({item.tier_name}) waited "
                f"{_hours(item.waited)} (limit {_hours(item.limit)}): {done or 'nothing to do'}"
            )
        rows.extend(f"problem: {p}" for p in self.problems)
        return tuple(rows)


def run_sla(
    client: SlaClient, repo: str, config: Config, now: datetime, *, dry_run: bool = False
) -> SlaReport:
    """List open PRs of `repo` ("owner/name"), escalate those past their tier's SLA."""
    now = now if now.tzinfo else now.replace(tzinfo=timezone.utc)
    risk = validate_risk(config.raw.get("risk"), config.source)
    routing = validate_routing(config.raw.get("routing"), config.source, risk)
    rules = validate_sla(config.raw.get("sla"), config.source)
    label_tiers = {label: tier for tier in TIERS for label in routing[f"tier-{tier}"]["labels"]}
    pulls = list(client.paginate(f"repos/{repo}/pulls", {"state": "open", "per_page": 100}))
    overdue: list[Overdue] = []
    problems: list[str] = []
    with_tier = 0
    for pull in pulls:
        labels = [str(label.get("name", "")) for label in pull.get("labels") or ()]
        tier = _tier(labels, label_tiers)
        if tier is None:
            continue
        with_tier += 1
        rule = rules[f"tier-{tier}"]
        if rule is None or pull.get("draft"):
            continue
        waited = now - _parse_time(str(pull["created_at"]))
        limit = timedelta(seconds=rule["after"])
        if waited <= limit or _reviewed(client, repo, pull):
            continue
        item = Overdue(
            number=int(pull["number"]),
            title=str(pull.get("title", "")),
            url=str(pull.get("html_url", "")),
            tier=tier,
            tier_name=risk["names"][tier],
            waited=waited,
            limit=limit,
        )
        if _escalated(client, repo, pull, rule, labels):
            overdue.append(replace(item, already_escalated=True))
            continue
        reviewers = tuple(rule["reviewers"]) or tuple(routing[f"tier-{tier}"]["reviewers"])
        actions, failed = _escalate(client, repo, pull, item, rule, reviewers, dry_run)
        overdue.append(replace(item, actions=actions))
        problems.extend(failed)
    return SlaReport(
        repo=repo,
        checked_at=now,
        open_prs=len(pulls),
        with_tier=with_tier,
        overdue=tuple(overdue),
        problems=tuple(problems),
        dry_run=dry_run,
    )


def _tier(labels: list[str], label_tiers: Mapping[str, int]) -> int | None:
    found = [label_tiers[label] for label in labels if label in label_tiers]
    found += [int(m.group(1)) for label in labels if (m := _TIER_LABEL.match(label))]
    return max(found) if found else None


def _parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _author(pull: Mapping[str, Any]) -> str:
    user = pull.get("user") or {}
    return str(user.get("login", "")) if isinstance(user, Mapping) else ""


def _reviewed(client: SlaClient, repo: str, pull: Mapping[str, Any]) -> bool:
    author = _author(pull)
    for review in client.paginate(f"repos/{repo}/pulls/{pull['number']}/reviews"):
        user = review.get("user") or {}
        if review.get("state") in _REVIEWED and user.get("login") != author:
            return True
    return False


def _escalated(
    client: SlaClient,
    repo: str,
    pull: Mapping[str, Any],
    rule: Mapping[str, Any],
    labels: list[str],
) -> bool:
    if "label" in rule["escalate"] and rule["label"] in labels:
        return True
    if "comment" not in rule["escalate"]:
        return False
    comments = client.paginate(f"repos/{repo}/issues/{pull['number']}/comments")
    return any(MARKER in str(c.get("body", "")) for c in comments)


def _escalate(
    client: SlaClient,
    repo: str,
    pull: Mapping[str, Any],
    item: Overdue,
    rule: Mapping[str, Any],
    reviewers: tuple[str, ...],
    dry_run: bool,
) -> tuple[tuple[str, ...], list[str]]:
    number = item.number
    author = _author(pull)
    calls: list[tuple[str, str, dict[str, Any]]] = []
    if "reviewers" in rule["escalate"]:
        users = [r for r in reviewers if "/" not in r and r.lower() != author.lower()]
        teams = [r.split("/", 1)[1] for r in reviewers if "/" in r]
        body: dict[str, Any] = {}
        if users:
            body["reviewers"] = users
        if teams:
            body["team_reviewers"] = teams
        if body:
            path = f"repos/{repo}/pulls/{number}/requested_reviewers"
            calls.append((f"requested review from {', '.join(reviewers)}", path, body))
    if "comment" in rule["escalate"]:
        text = _comment(item, reviewers, rule["comment"])
        calls.append(("commented", f"repos/{repo}/issues/{number}/comments", {"body": text}))
    if "label" in rule["escalate"]:
        label_body = {"labels": [rule["label"]]}
        calls.append(
            (f"labelled {rule['label']}", f"repos/{repo}/issues/{number}/labels", label_body)
        )
    done: list[str] = []
    failed: list[str] = []
    for action, path, payload in calls:
        if dry_run:
            done.append(f"would have {action}")
            continue
        try:
            client.request("POST", path, json=payload)
        except GateError as exc:
            failed.append(f"#{number}: {action} failed: {exc}")
        else:
            done.append(action)
    return tuple(done), failed


def _comment(item: Overdue, reviewers: tuple[str, ...], extra: str) -> str:
    who = f" Requested reviewers: {', '.join('@' + r for r in reviewers)}." if reviewers else ""
    text = (
        f"{MARKER}\n**Review overdue.** This tier {item.tier} ({item.tier_name}) pull request "
        f"has waited {_hours(item.waited)} for a review; the limit for its tier is "
        f"{_hours(item.limit)}.{who}"
    )
    return f"{text}\n\n{extra.strip()}" if extra.strip() else text


def _hours(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    return f"{hours:.0f}h" if hours < 72 else f"{hours / 24:.1f}d"
