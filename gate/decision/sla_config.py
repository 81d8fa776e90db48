"""`sla:` in `.gate.yml`: per-tier limits, escalation levels, the calendar and the bots
whose marker comments count. Validated with one-line errors; see gate.decision.sla."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from gate.decision.business_hours import CALENDAR_SCHEMA
from gate.decision.tier_config import TIERS, Reviewer
from gate.policy.schema import Enum_, Int, ListOf, Spec, Str, Struct, Where
from gate.policy.yamlio import LineDict

__all__ = ["ACTIONS", "DEFAULT_LABEL", "DEFAULT_SLA", "Duration", "validate_sla"]

ACTIONS = ("comment", "label", "reviewers", "notify")
DEFAULT_LABEL = "gate:review-overdue"
DEFAULT_SLA = {"tier-2": "48h", "tier-3": "24h"}
_DURATION = re.compile(r"(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?\Z")


class Duration(Spec):
    """`24h`, `2d`, `90m`, `1d12h` -> seconds (of working time when a calendar is set)."""

    def check(self, value: Any, where: Where) -> Any:
        text = str(value).strip().lower() if isinstance(value, str) else ""
        match = _DURATION.match(text) if text else None
        if match is None or not any(match.groups()):
            raise where.fail(f"expected a duration such as 24h, 2d or 1d12h, got {value!r}")
        days, hours, minutes = (int(g) for g in (g or 0 for g in match.groups()))
        seconds = days * 86400 + hours * 3600 + minutes * 60
        if seconds <= 0:
            raise where.fail("must be longer than 0")
        return seconds


_LEVEL_FIELDS = {
    "after": Duration(),
    "escalate": ListOf(Enum_(ACTIONS, "comment"), default=("comment", "label")),
    "label": Str(DEFAULT_LABEL),
    "reviewers": ListOf(Reviewer()),
    "comment": Str(""),
    "issue": Int(0, minimum=0),
}
_LEVEL_RULE = Struct(_LEVEL_FIELDS)


class _Levels(Spec):
    default = ()

    def check(self, value: Any, where: Where) -> Any:
        if not isinstance(value, list):
            raise where.fail("expected a list of levels ({after: ..., escalate: [...]})")
        levels = []
        for index, item in enumerate(value):
            here = Where(
                where.source, getattr(item, "line", 0) or where.line, f"{where.key}[{index}]"
            )
            if not isinstance(item, dict) or "after" not in item:
                raise here.fail("missing 'after' (when this level starts, e.g. 16h)")
            levels.append(_LEVEL_RULE.check(item, here))
        return tuple(levels)


_TIER_RULE = Struct({**_LEVEL_FIELDS, "levels": _Levels()})


class _TierRule(Spec):
    def check(self, value: Any, where: Where) -> Any:
        if isinstance(value, LineDict) and not where.line:
            where = Where(where.source, value.line, where.key)
        if isinstance(value, dict):
            if "after" not in value:
                raise where.fail("missing 'after' (how long a PR may wait, e.g. 24h)")
            checked = _TIER_RULE.check(value, where)
            previous = checked["after"]
            for index, level in enumerate(checked["levels"]):
                if level["after"] <= previous:
                    raise where.fail(
                        f"levels[{index}].after must be later than the level before it"
                    )
                previous = level["after"]
            return checked
        return {**_TIER_RULE.default, "after": Duration().check(value, where)}


SLA_SCHEMA = Struct(
    {
        **{f"tier-{tier}": _TierRule() for tier in TIERS},
        "calendar": CALENDAR_SCHEMA,
        "bots": ListOf(Reviewer()),
    }
)


def validate_sla(raw: Any, source: str, line: int = 0) -> dict[str, Any]:
    """tier-N -> rule or None (no SLA); `calendar`: the working-time calendar (or None);
    `bots`: logins whose marker comments count (default: any bot account)."""
    where = Where(source, line or (raw.line if isinstance(raw, LineDict) else 0), "sla")
    tiers_given = isinstance(raw, dict) and any(str(k).startswith("tier-") for k in raw)
    given: Mapping[str, Any] = raw if isinstance(raw, dict) else {}
    if not tiers_given:
        given = {**DEFAULT_SLA, **given}
    checked: dict[str, Any] = SLA_SCHEMA.check(
        dict(given) if not isinstance(given, LineDict) else given, where
    )
    for key in list(checked):
        if key.startswith("tier-") and key not in given:
            checked[key] = None
    if "calendar" not in given:
        checked["calendar"] = None
    return checked
