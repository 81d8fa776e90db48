"""How the policy under review would change: `config_drift(base, head)`, one sentence per
difference ("pack 'soc2' removed from packs", "fail_on weakened from 'high' to
'critical'", ...); `gate.decision.tier.assess_risk(config_drift=...)` turns them into a
top-tier signal."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from gate.decision.sla_config import validate_sla
from gate.decision.tier_config import validate_risk, validate_routing
from gate.policy.config import Config

_THRESHOLDS = ("info", "low", "medium", "high", "critical", "never")  # stricter first
_COMPARED = frozenset(
    {"packs", "fail_on", "warn_on", "filter_mode", "disable_rules", "exclude", "severity"}
    | {"on_scanner_error"}
)
_FILTERS = ("nofilter", "file", "diff_context", "added")  # more findings first


def config_drift(base: Config, head: Config) -> tuple[str, ...]:
    """Key-by-key differences from `base` to `head`, one sentence each, weakenings named."""
    old, new = _effective(base), _effective(head)
    sentences: list[str] = []
    for pack in old["packs"]:
        if pack not in new["packs"]:
            sentences.append(f"pack '{pack}' removed from packs")
    for pack in new["packs"]:
        if pack not in old["packs"]:
            sentences.append(f"pack '{pack}' added to packs")
    for key in ("fail_on", "warn_on"):
        sentences.extend(_ordered(key, old[key], new[key], _THRESHOLDS, "fewer findings count"))
    sentences.extend(
        _ordered("filter_mode", old["filter_mode"], new["filter_mode"], _FILTERS, "fewer reported")
    )
    for rule in new["disable_rules"]:
        if rule not in old["disable_rules"]:
            sentences.append(f"rule '{rule}' disabled")
    for rule in old["disable_rules"]:
        if rule not in new["disable_rules"]:
            sentences.append(f"rule '{rule}' re-enabled")
    for glob in new["exclude"]:
        if glob not in old["exclude"]:
            sentences.append(f"exclude adds '{glob}' (those files are no longer scanned)")
    for glob in old["exclude"]:
        if glob not in new["exclude"]:
            sentences.append(f"exclude no longer lists '{glob}'")
    for name, scanner in new["scanners"].items():
        if old["scanners"].get(name, {}).get("enabled") and not scanner.get("enabled"):
            sentences.append(f"scanner '{name}' disabled")
    for rule, severity in new["severity"].items():
        before = old["severity"].get(rule)
        if before != severity:
            sentences.append(
                f"severity of '{rule}' set to {severity} (was {before or 'its default'})"
            )
    if old["on_scanner_error"] == "fail" and new["on_scanner_error"] != "fail":
        sentences.append(
            "on_scanner_error weakened from 'fail' to 'warn' (a crashed scanner passes)"
        )
    for key, before, after in _leaves(old, new):
        if key.split(".", 1)[0] in _COMPARED or (
            key.startswith("scanners.") and key.endswith(".enabled")
        ):
            continue
        sentences.append(f"{key} changed from {_show(before)} to {_show(after)}")
    return tuple(dict.fromkeys(sentences))


def _effective(config: Config) -> dict[str, Any]:
    """Plain JSON-like data with risk/routing/sla defaults filled, for comparison."""
    raw = _plain(config.raw)
    risk = validate_risk(raw.get("risk"), config.source)
    raw["risk"] = _plain(risk)
    raw["routing"] = _plain(validate_routing(raw.get("routing"), config.source, risk))
    raw["sla"] = _plain(validate_sla(raw.get("sla"), config.source))
    result: dict[str, Any] = raw
    return result


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str, sort_keys=True))


def _ordered(key: str, before: str, after: str, order: tuple[str, ...], why: str) -> list[str]:
    """`order` runs from strictest to weakest."""
    if before == after:
        return []
    if before not in order or after not in order:
        return [f"{key} changed from '{before}' to '{after}'"]
    if order.index(after) > order.index(before):
        return [f"{key} weakened from '{before}' to '{after}' ({why})"]
    return [f"{key} tightened from '{before}' to '{after}'"]


def _leaves(old: Any, new: Any, prefix: str = "") -> Iterator[tuple[str, Any, Any]]:
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        for key in sorted(set(old) | set(new)):
            yield from _leaves(old.get(key), new.get(key), f"{prefix}.{key}" if prefix else key)
    elif old != new:
        yield prefix, old, new


def _show(value: Any) -> str:
    if value is None:
        return "(unset)"
    return json.dumps(value, sort_keys=True)
