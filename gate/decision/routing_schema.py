"""The shape of `routing.groups`, `teams`, `rules` and `codeowners` (docs/routing.md) and
their cross-key checks; `gate.decision.tier_config.validate_routing` uses both.

Conditions go under `when` (all must hold; any item of a list), outcomes beside it.
`require` names groups, @users, org/teams or "codeowners". The tier and reviewer specs
are passed in by tier_config, which owns them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from gate.policy.schema import Bool, Int, ListOf, MapOf, Spec, Str, Struct, Where
from gate.policy.yamlio import did_you_mean

__all__ = ["Items", "check_keys", "check_rules", "routing_fields"]


class Items(Spec):
    """A list of mappings; errors name the item (`routing.rules[2].paths`) and its line."""

    def __init__(self, item: Struct) -> None:
        self.item, self.default = item, ()

    def check(self, value: Any, where: Where) -> Any:
        if not isinstance(value, list):
            raise where.fail("expected a list")
        return tuple(
            self.item.check(
                entry,
                Where(where.source, getattr(entry, "line", 0) or where.line, f"{where.key}[{i}]"),
            )
            for i, entry in enumerate(value)
        )


def routing_fields(tier: Callable[[int], Spec], reviewer: Callable[[], Spec]) -> dict[str, Spec]:
    group = Struct({"members": ListOf(reviewer()), "backup": ListOf(reviewer()), "note": Str("")})
    when = Struct(
        {
            "min_tier": tier(0),
            "tiers": ListOf(tier(0)),
            "paths": ListOf(Str()),
            "data_classes": ListOf(Str()),
            "packs": ListOf(Str()),
            "controls": ListOf(Str()),
            "codeowners": ListOf(Str()),
        }
    )
    rule = Struct(
        {
            "name": Str(""),
            "when": when,
            "require": ListOf(Str()),
            "approvals": Int(1, minimum=1),
            "labels": ListOf(Str()),
            "note": Str(""),
        }
    )
    return {
        "groups": MapOf(group),
        "teams": MapOf(ListOf(reviewer())),
        "rules": Items(rule),
        "codeowners": Struct({"require": Bool(False)}),
    }


def check_keys(raw: Any, where: Where, fields: Mapping[str, Spec]) -> None:
    """An unknown key with no close match (`routing.payments`) says where it belongs."""
    for key in raw if isinstance(raw, dict) else ():
        if key not in fields and not did_you_mean(str(key), fields):
            line = raw.line_of(key) if hasattr(raw, "line_of") else 0
            raise where.child(str(key), line).fail(
                "unknown key; route by area with routing.rules (when: {paths: [...]}), "
                "or per tier with routing.tier-0 ... tier-3"
            )


def check_rules(
    checked: Mapping[str, Any],
    raw: Any,
    source: str,
    line: int,
    *,
    is_person: Callable[[str], object],
    data_classes: tuple[str, ...],
) -> None:
    """Cross-key checks: names given and unique, `require` resolvable, data classes known."""
    rules = raw.get("rules") if isinstance(raw, dict) else None
    seen: set[str] = set()
    for index, rule in enumerate(checked["rules"]):
        entry = rules[index] if isinstance(rules, list) else None
        where = Where(source, getattr(entry, "line", 0) or line, f"routing.rules[{index}]")
        name = rule["name"].strip()
        if not name:
            raise where.fail("missing 'name' (it is shown by `gate explain-tier`)")
        if name in seen:
            raise where.fail(f"rule name '{name}' is used twice")
        seen.add(name)
        for item in rule["require"]:
            text = item.strip()
            person = text.startswith("@") or "/" in text  # @user or org/team
            if text in checked["groups"] or text == "codeowners":
                continue
            if person and is_person(text):
                continue
            raise where.fail(
                f"require: '{item}' is not a group of routing.groups, an @user, an org/team "
                f"or 'codeowners'{did_you_mean(text, tuple(checked['groups']))}"
            )
        for data_class in rule["when"]["data_classes"]:
            if data_class.upper() not in data_classes:
                raise where.fail(
                    f"when.data_classes: '{data_class}' is not one of {', '.join(data_classes)}"
                )
        if not rule["require"] and not rule["labels"] and not rule["note"]:
            raise where.fail("the rule does nothing: give require, labels or note")
