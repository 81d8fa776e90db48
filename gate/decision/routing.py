"""Review routing: which groups must approve a change, from `routing:` rules and CODEOWNERS.

`route` takes the `Risk` that `gate.decision.tier.assess_risk` computed and adds:

- `required`: `ReviewGroup`s whose approval the check waits for (`gate review-check`);
- labels, reviewer requests and the rules' notes;
- `routes`: one line per rule or CODEOWNERS area that routed the PR, for `gate explain-tier`.

Sources, in order: the tier's route (`routing.tier-N` with `blocking: true` and reviewers
requires one of them), every matching `routing.rules` entry, and, with
`routing.codeowners.require: true`, every CODEOWNERS area the change touches (GitLab
sections keep their approval count; optional sections are listed, not required).

A rule matches when every condition under `when` holds; a condition with a list holds
when any item does. Conditions: `min_tier` / `tiers`, `paths` (gate globs), `data_classes`
(from the tier's data signals and findings), `packs` and `controls` (of active or
suppressed findings; a control matches by prefix, so `pci-dss-4.0:6` covers 6.2.4),
`codeowners` (an owner, e.g. `acme/payments`, or a GitLab section name).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from gate.change.model import Change
from gate.decision.tier_config import validate_risk, validate_routing
from gate.findings import Finding, Status
from gate.globs import matches_any
from gate.policy.codeowners import Area, Codeowners, load_codeowners
from gate.policy.config import Config
from gate.report import ReviewGroup, Risk

__all__ = ["route", "route_with"]

CODEOWNERS_WORD = "codeowners"


def route(risk: Risk, change: Change, findings: tuple[Finding, ...], config: Config) -> Risk:
    """`risk` with the routing rules applied; CODEOWNERS is read from the change's base
    commit when it has one (CI), else from the working tree."""
    owners = (
        load_codeowners(change.repo_root, change.base_sha or None)
        if _uses_codeowners(config)
        else None  # an unusual CODEOWNERS never breaks a policy that does not read it
    )
    paths = tuple(
        p for f in change.files for p in dict.fromkeys((f.path, f.old_path)) if p is not None
    )
    return route_with(risk, paths, findings, config, owners)


def _uses_codeowners(config: Config) -> bool:
    settings = validate_risk(config.raw.get("risk"), config.source)
    routing = validate_routing(config.raw.get("routing"), config.source, settings)
    return bool(routing["codeowners"]["require"]) or any(
        rule["when"]["codeowners"] or CODEOWNERS_WORD in rule["require"]
        for rule in routing["rules"]
    )


def route_with(
    risk: Risk,
    paths: tuple[str, ...],
    findings: tuple[Finding, ...],
    config: Config,
    owners: Codeowners | None,
) -> Risk:
    """The pure part of `route`: everything it needs is passed in."""
    settings = validate_risk(config.raw.get("risk"), config.source)
    routing = validate_routing(config.raw.get("routing"), config.source, settings)
    groups: Mapping[str, Any] = routing["groups"]
    areas = _areas(paths, owners)
    required: list[ReviewGroup] = []
    routes: list[str] = []
    labels = list(risk.labels)
    notes: list[str] = []
    tier_route = routing[f"tier-{risk.tier}"]
    if tier_route["blocking"] and tier_route["reviewers"]:
        required.append(
            ReviewGroup(
                name=f"tier-{risk.tier}",
                members=tuple(tier_route["reviewers"]),
                reason=f"routing.tier-{risk.tier} is blocking",
            )
        )
        routes.append(
            f"routing.tier-{risk.tier}: blocking -> requires 1 of "
            + ", ".join(tier_route["reviewers"])
        )
    counted = [f for f in findings if f.status in (Status.ACTIVE, Status.SUPPRESSED)]
    data_classes = {
        s.signal.split(":", 1)[1].upper() for s in risk.signals if s.signal.startswith("data:")
    }
    data_classes |= {c.upper() for f in counted for c in f.data_classes}
    for rule in routing["rules"]:
        why = _match(rule["when"], risk.tier, paths, data_classes, counted, areas)
        if why is None:
            continue
        made = _required(rule, groups, areas)
        required.extend(made)
        labels.extend(rule["labels"])
        if rule["note"].strip():
            notes.append(rule["note"].strip())
        outcome = "; ".join(
            [f"requires {g.approvals} of {', '.join(g.members)}" for g in made]
            + ([f"labels {', '.join(rule['labels'])}"] if rule["labels"] else [])
        )
        routes.append(f"rule '{rule['name']}': {why} -> {outcome or 'note only'}")
    if routing["codeowners"]["require"]:
        for group in _codeowner_groups(areas):
            required.append(group)
            routes.append(
                f"CODEOWNERS: {group.reason} -> requires {group.approvals} of "
                + ", ".join(group.members)
            )
        for area_name, listed in _optional(areas).items():
            routes.append(
                f"CODEOWNERS: optional section [{area_name}] ({', '.join(listed)}): not required"
            )
    merged = _merge(required)
    reviewers = list(risk.reviewers)
    for group in merged:
        reviewers.extend(m for m in group.members if m not in reviewers)
    note = risk.review_note
    if merged:
        waits = "; ".join(f"{g.approvals} of {', '.join(g.members)} ({g.name})" for g in merged)
        note = f"{note} Required approvals (not the author or last committer): {waits}."
    if notes:
        note = f"{note} {' '.join(notes)}"
    return replace(
        risk,
        required=merged,
        routes=tuple(routes),
        labels=tuple(dict.fromkeys(labels)),
        reviewers=tuple(reviewers),
        review_note=note.strip(),
    )


def _areas(paths: tuple[str, ...], owners: Codeowners | None) -> dict[str, tuple[Area, ...]]:
    if owners is None:
        return {}
    found = {path: owners.areas(path) for path in paths}
    return {path: areas for path, areas in found.items() if areas}


def _match(
    when: Mapping[str, Any],
    tier: int,
    paths: tuple[str, ...],
    data_classes: set[str],
    findings: list[Finding],
    areas: Mapping[str, tuple[Area, ...]],
) -> str | None:
    """A short reason when every given condition holds, else None."""
    reasons: list[str] = []
    if tier < when["min_tier"]:
        return None
    if when["min_tier"]:
        reasons.append(f"tier {tier} >= {when['min_tier']}")
    if when["tiers"]:
        if tier not in when["tiers"]:
            return None
        reasons.append(f"tier {tier}")
    if when["paths"]:
        lowered = tuple(g.lower() for g in when["paths"])
        hits = [p for p in paths if _path_matches(p, lowered)]
        if not hits:
            return None
        reasons.append(f"paths {_short(hits)}")
    if when["data_classes"]:
        hits = sorted(data_classes & {c.upper() for c in when["data_classes"]})
        if not hits:
            return None
        reasons.append(f"data classes {', '.join(hits)}")
    if when["packs"]:
        hits = sorted({f.pack for f in findings if f.pack in when["packs"]})
        if not hits:
            return None
        reasons.append(f"findings of packs {', '.join(hits)}")
    if when["controls"]:
        hits = sorted({c for f in findings for c in f.controls if _control_in(c, when["controls"])})
        if not hits:
            return None
        reasons.append(f"findings on controls {_short(hits)}")
    if when["codeowners"]:
        wanted = {w.lstrip("@").lower() for w in when["codeowners"]}
        hits = [
            path
            for path, found in areas.items()
            if any(
                a.section.lower() in wanted or wanted & {o.lower() for o in a.owners} for a in found
            )
        ]
        if not hits:
            return None
        reasons.append(f"CODEOWNERS areas of {', '.join(sorted(wanted))}: {_short(hits)}")
    return ", ".join(reasons) or "always"


def _path_matches(path: str, lowered: tuple[str, ...]) -> bool:
    parts = path.lower().split("/")
    return any(matches_any("/".join(parts[: i + 1]), lowered) for i in range(len(parts)))


def _control_in(control: str, wanted: Iterable[str]) -> bool:
    for item in wanted:
        if (
            control == item
            or control.startswith(item.rstrip(".") + ".")
            or (item.endswith(":") and control.startswith(item))
        ):
            return True
    return False


def _required(
    rule: Mapping[str, Any], groups: Mapping[str, Any], areas: Mapping[str, tuple[Area, ...]]
) -> list[ReviewGroup]:
    made: list[ReviewGroup] = []
    for item in rule["require"]:
        name = item.strip().lstrip("@")
        if name == CODEOWNERS_WORD:
            made.extend(
                replace(g, reason=f"rule '{rule['name']}': {g.reason}")
                for g in _codeowner_groups(areas)
            )
        elif name in groups:
            made.append(
                ReviewGroup(
                    name=name,
                    members=tuple(groups[name]["members"]),
                    approvals=int(rule["approvals"]),
                    reason=f"rule '{rule['name']}'",
                )
            )
        else:
            made.append(
                ReviewGroup(
                    name=name,
                    members=(name,),
                    approvals=int(rule["approvals"]),
                    reason=f"rule '{rule['name']}'",
                )
            )
    return made


def _codeowner_groups(areas: Mapping[str, tuple[Area, ...]]) -> list[ReviewGroup]:
    """One group per (section, owners) pair a required section gives the changed files."""
    grouped: dict[tuple[str, tuple[str, ...]], tuple[int, list[str]]] = {}
    for path, found in sorted(areas.items()):
        for area in found:
            if area.optional:
                continue
            key = (area.section, area.owners)
            approvals, hits = grouped.setdefault(key, (area.approvals, []))
            hits.append(path)
            grouped[key] = (max(approvals, area.approvals), hits)
    groups = []
    for (section, owners), (approvals, hits) in grouped.items():
        where = f"[{section}] " if section else ""
        groups.append(
            ReviewGroup(
                name=f"codeowners:{section or 'default'}:{'+'.join(owners)}",
                members=owners,
                approvals=approvals,
                reason=f"{where}owners of {_short(hits)}",
            )
        )
    return groups


def _optional(areas: Mapping[str, tuple[Area, ...]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for group in areas.values():
        for area in group:
            if area.optional:
                found.setdefault(area.section, [])
                found[area.section].extend(o for o in area.owners if o not in found[area.section])
    return found


def _merge(groups: list[ReviewGroup]) -> tuple[ReviewGroup, ...]:
    """Same members required twice: one group with the larger approval count."""
    merged: dict[tuple[str, ...], ReviewGroup] = {}
    for group in groups:
        key = tuple(sorted(group.members))
        known = merged.get(key)
        if known is None:
            merged[key] = group
        elif group.approvals > known.approvals:
            merged[key] = replace(group, reason=f"{known.reason}; {group.reason}")
        elif group.reason not in known.reason:
            merged[key] = replace(known, reason=f"{known.reason}; {group.reason}")
    return tuple(merged.values())


def _short(items: list[str], limit: int = 4) -> str:
    shown = ", ".join(items[:limit])
    return f"{shown} (+{len(items) - limit} more)" if len(items) > limit else shown
