"""Risk tier (0-3) of a change, from explainable signals, and who must review it.

`assess_risk` looks at the paths a change touches, the sensitive data classes on its
added lines, its findings, edits to the gate's own files and dependency manifests, and
its size. Each trigger becomes a `RiskSignal` naming the tier it alone would give; the
tier is the highest of them (COMPLIANCE.md §3). Routing (reviewers, labels, whether the
verdict blocks) comes from the `routing:` section for that tier.

Every threshold lives in `.gate.yml` (`risk:` and `routing:`); defaults and the shape
are documented in docs/risk.md and validated by `validate_risk` / `validate_routing`.

One module, past the ~350-line guide on purpose: every signal is one small function of the
same inputs, read together as the tier table of COMPLIANCE.md section 3.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, cast

from gate.change.model import Change, ChangedFile, ChangeKind
from gate.decision.authz import authz_signals
from gate.decision.tier_config import (
    BUILTIN_GATE_FILES,
    DEFAULT_REVIEW,
    TOP_TIER,
    validate_risk,
    validate_routing,
)
from gate.decision.tier_format import formatting_only
from gate.decision.tier_paths import (
    CI_FILES,
    capped_tier,
    codeowners_globs,
    configured_critical_paths,
    is_data_file,
    runs_gate,
)
from gate.decision.verdict import reportable
from gate.findings import Finding, Severity, Status
from gate.globs import matches_any
from gate.policy.carriers import data_carriers, documentation_lines
from gate.policy.config import SCHEMA, Config
from gate.report import DataEvidence, Risk, RiskSignal
from gate.scanning.vendored import VENDORED_PATHS, is_vendored

_MAX_LISTED = 5
_MAX_IDENTIFIERS_PER_FILE = 20_000
_MAX_READ_BYTES = 2_000_000


# --- assessment ------------------------------------------------------------------------


def assess_risk(
    change: Change,
    findings: tuple[Finding, ...],
    config: Config,
    *,
    config_drift: tuple[str, ...] = (),
) -> Risk:
    """Tier, signals and routing for a change. Pure apart from reading added lines."""
    settings = validate_risk(config.raw.get("risk"), config.source)
    routing = validate_routing(config.raw.get("routing"), config.source, settings)
    settings = {**settings, "critical_paths": _configured_critical_paths(config)}
    # Findings below warn_on are not reported, so they do not raise the tier either.
    counted = tuple(f for f in findings if reportable(f, config))
    signals = risk_signals(change, counted, settings, config_drift=config_drift)
    tier = max((s.tier for s in signals), default=0)
    # What the note counts as work: active findings at or above warn_on (the rest is info).
    active = tuple(f for f in findings if f.status is Status.ACTIVE and reportable(f, config))
    route = routing[f"tier-{tier}"]
    return Risk(
        tier=tier,
        name=settings["names"][tier],
        signals=signals,
        reviewers=tuple(route["reviewers"]),
        labels=tuple(route["labels"]),
        blocking=bool(route["blocking"]),
        review_note=review_note(tier, settings["names"][tier], route, active),
    )


def review_note(tier: int, name: str, route: Mapping[str, Any], active: tuple[Finding, ...]) -> str:
    parts = [f"Tier {tier} ({name})."]
    if tier == 0 and not active:
        parts.append(
            "No sensitive paths, data classes or findings: this PR needs only a normal "
            "architecture/business-logic review (1 peer who is not the author)."
        )
    else:
        parts.append(DEFAULT_REVIEW[tier])
        if active:
            parts.append(f"{len(active)} active finding(s) to address or waive.")
    if route["reviewers"]:
        parts.append(f"Required reviewers: {', '.join(route['reviewers'])}.")
        if route["blocking"]:
            parts.append("The gate blocks until they approve.")
    if route["note"]:
        parts.append(str(route["note"]).strip())
    return " ".join(parts)


def risk_signals(
    change: Change,
    findings: tuple[Finding, ...],
    settings: Mapping[str, Any],
    *,
    config_drift: tuple[str, ...] = (),
) -> tuple[RiskSignal, ...]:
    """Every trigger, ordered from the highest tier down (ties keep discovery order)."""
    signals: list[RiskSignal] = []
    files = change.files
    low_areas = {n: a for n, a in settings["areas"].items() if a["tier"] == 0 and a["paths"]}
    areas = {n: a for n, a in settings["areas"].items() if a["tier"] > 0 and a["paths"]}
    gate_globs = BUILTIN_GATE_FILES + tuple(settings["gate_files"])

    reader = _Reader(change)

    def low(f: ChangedFile) -> bool:
        return any(_touches(f, a["paths"]) for a in low_areas.values())

    def dependency(f: ChangedFile) -> bool:  # a manifest, a lockfile or vendored code
        return _touches(f, settings["dependency_files"]) or is_vendored(
            f.path, change.content_root, VENDORED_PATHS
        )

    # Application code: not docs/tests, not build manifests, not formatting-only edits.
    changed_code = [
        f for f in files if not low(f) and not dependency(f) and not _touches(f, CI_FILES)
    ]
    formatted = formatting_only(change, changed_code, reader.lines)
    code_files = [f for f in changed_code if f.path not in formatted]

    if config_drift:
        signals.append(
            RiskSignal(
                signal="gate-config-changed",
                detail="This PR changes the gate's policy, judged with the base branch's "
                "instead: " + "; ".join(config_drift),
                tier=TOP_TIER,
            )
        )
    gate_hits = [
        f.path
        for f in files
        if _touches(f, gate_globs)
        and (
            not _touches(f, CI_FILES)
            or f.kind is ChangeKind.DELETED
            or runs_gate(reader.lines(f))
            or _touches(f, settings["gate_files"])
        )
    ]
    if gate_hits:
        signals.append(
            RiskSignal(
                signal="gate-files",
                detail=f"Edits the gate's own files (CI, policy, waivers, owners): "
                f"{_listed(gate_hits)}; the gate's owners must review it.",
                tier=TOP_TIER,
            )
        )
    critical = [f.path for f in code_files if _touches(f, settings["critical_paths"])]
    if critical:
        signals.append(
            RiskSignal(
                signal="path:critical",
                detail=f"Touches the repository's critical paths: {_listed(critical)}.",
                tier=TOP_TIER,
            )
        )
    ci = [f.path for f in files if _touches(f, CI_FILES) and f.path not in gate_hits]
    if ci:
        signals.append(
            RiskSignal(
                signal="ci",
                detail=f"Changes CI or hook configuration that does not run gate: {_listed(ci)}.",
                tier=settings["code_tier"],
            )
        )
    owned = codeowners_globs(change.repo_root)
    for name, area in areas.items():
        hits = [f.path for f in code_files if _touches(f, area["paths"])]
        if hits:
            tier = capped_tier(name, area, settings)
            if owned and any(_touches(f, owned) for f in code_files if f.path in hits):
                tier = int(area["tier"])  # the repository's CODEOWNERS corroborates it
            guess = " (a name guess; set risk.areas to make it count fully)"
            signals.append(
                RiskSignal(
                    signal=f"path:{name}",
                    detail=f"Touches {name.replace('_', ' ')} paths: {_listed(hits)}"
                    f"{guess if tier < area['tier'] else ''}.",
                    tier=tier,
                )
            )
    unmatched = [
        f.path
        for f in code_files
        if not any(_touches(f, a["paths"]) for a in areas.values()) and not is_data_file(f)
    ]
    if unmatched:
        signals.append(
            RiskSignal(
                signal="path:code",
                detail=f"Changes application code: {_listed(unmatched)}.",
                tier=settings["code_tier"],
            )
        )
    deps = [f.path for f in files if dependency(f)]
    if deps:
        signals.append(
            RiskSignal(
                signal="dependencies",
                detail=f"Changes dependency manifests, lockfiles or vendored code: "
                f"{_listed(deps)}; check new packages, vendors and where copied code came "
                "from.",
                tier=settings["dependency_tier"],
            )
        )
    signals.extend(_size_signal(reader, [f for f in code_files if not is_data_file(f)], settings))
    signals.extend(_finding_signals(findings, settings))
    signals.extend(_data_signals(reader, code_files, findings, settings))
    signals.extend(_content_signals(reader, code_files, settings))
    signals.extend(authz_signals(reader, code_files, change, settings))
    if formatted:
        files_word = "file" if len(formatted) == 1 else "files"
        signals.append(
            RiskSignal(
                signal="formatting-only",
                detail=f"formatting-only change ({len(formatted)} {files_word}): "
                f"{_listed(list(formatted))}; the same code tokens before and after "
                "(comments, blank lines and layout aside).",
                tier=0,
            )
        )
    return tuple(sorted(signals, key=lambda s: -s.tier))


def _configured_critical_paths(config: Config) -> tuple[str, ...]:
    default = SCHEMA.fields["critical_paths"].default
    return configured_critical_paths(config.raw, default)


def _touches(changed: ChangedFile, globs: Iterable[str]) -> bool:
    """Does the file (or, for a rename, its old path) match? As in .gitignore, a glob that
    matches a directory covers everything in it; matching ignores case."""
    lowered = tuple(g.lower() for g in globs)
    for path in filter(None, (changed.path, changed.old_path)):
        parts = path.lower().split("/")
        prefixes = ("/".join(parts[: i + 1]) for i in range(len(parts)))
        if any(matches_any(prefix, lowered) for prefix in prefixes):
            return True
    return False


def _listed(paths: list[str]) -> str:
    shown = ", ".join(paths[:_MAX_LISTED])
    more = len(paths) - _MAX_LISTED
    return f"{shown} (+{more} more)" if more > 0 else shown


def _size_signal(
    reader: _Reader, code_files: list[ChangedFile], settings: Mapping[str, Any]
) -> list[RiskSignal]:
    limit = settings["large_change_lines"]
    added = sum(_added_count(reader, f) for f in code_files)
    if added <= limit:
        return []
    return [
        RiskSignal(
            signal="size",
            detail=f"Adds {added} lines outside docs/tests (more than {limit}); "
            "large changes hide problems from reviewers.",
            tier=settings["large_change_tier"],
        )
    ]


def _added_count(reader: _Reader, changed: ChangedFile) -> int:
    if changed.kind is ChangeKind.DELETED or changed.is_binary:
        return 0
    if changed.whole:
        return len(reader.lines(changed))
    return changed.added_count()


def _finding_signals(
    findings: tuple[Finding, ...], settings: Mapping[str, Any]
) -> list[RiskSignal]:
    signals = []
    counted = [f for f in findings if f.status in (Status.ACTIVE, Status.SUPPRESSED)]
    for severity in Severity:
        tier = settings["severity_tiers"][severity.value]
        group = [f for f in counted if f.severity is severity]
        if not group or tier == 0:
            continue
        rules = list(dict.fromkeys(f"{f.rule_id} ({f.path}:{f.start_line})" for f in group))
        controls = list(dict.fromkeys(c for f in group for c in f.controls))
        suppressed = sum(f.status is Status.SUPPRESSED for f in group)
        detail = f"{len(group)} {severity.value} finding(s): {_listed(rules)}"
        if controls:
            detail += f"; controls with findings: {_listed(controls)}"
        if suppressed:
            detail += f"; {suppressed} suppressed inline (suppressing does not lower the tier)"
        signals.append(
            RiskSignal(signal=f"severity:{severity.value}", detail=detail + ".", tier=tier)
        )
    waived = [f for f in findings if f.status is Status.WAIVED]
    if waived:
        rules = list(dict.fromkeys(f"{f.rule_id} ({f.path}:{f.start_line})" for f in waived))
        signals.append(
            RiskSignal(
                signal="waiver",
                detail=f"{len(waived)} finding(s) waived: {_listed(rules)}; waivers need a "
                "security approver.",
                tier=settings["waiver_tier"],
            )
        )
    return signals


ClassifyName = Callable[[str], frozenset[str]]


def _classifier() -> ClassifyName | None:
    try:
        module = importlib.import_module("gate.policy.classify")
    except ImportError:
        return None
    found = getattr(module, "classify_name", None)
    return cast(ClassifyName, found) if callable(found) else None


def _data_signals(
    reader: _Reader,
    code_files: list[ChangedFile],
    findings: tuple[Finding, ...],
    settings: Mapping[str, Any],
) -> list[RiskSignal]:
    evidence: dict[str, list[DataEvidence]] = {}
    by_path = {f.path: f for f in reader.change.files}
    for finding in findings:
        if finding.status in (Status.OUTSIDE_DIFF, Status.EXCLUDED):
            continue
        for data_class in finding.data_classes:
            evidence.setdefault(data_class.upper(), []).append(
                _finding_evidence(reader, by_path.get(finding.path), finding, data_class.upper())
            )
    signals: list[RiskSignal] = []
    if settings["classify_identifiers"]:
        classify = _classifier()
        if classify is None:
            signals.append(
                RiskSignal(
                    signal="data:identifiers-not-classified",
                    detail="Identifier classification (gate.policy.classify.classify_name) is not "
                    "available; data classes come from findings only.",
                    tier=0,
                )
            )
        else:
            for data_class, where in _classified_identifiers(reader, code_files, classify).items():
                evidence.setdefault(data_class, []).extend(where)
    tiers = settings["data_class_tiers"]
    for data_class in sorted(evidence, key=lambda c: (-tiers.get(c, 1), c)):
        items = tuple(dict.fromkeys(evidence[data_class]))
        # in the sentence, a finding's identifier and line stand for the plain sighting too
        by_rule = {(e.identifier, e.path, e.line) for e in items if e.how not in _SIGHTINGS}
        said = [
            _said(e)
            for e in items
            if e.how not in _SIGHTINGS or (e.identifier, e.path, e.line) not in by_rule
        ]
        signals.append(
            RiskSignal(
                signal=f"data:{data_class}",
                detail=f"Touches {data_class} data: {_listed(said)}.",
                tier=tiers.get(data_class, 1),
                evidence=items,
            )
        )
    return signals


_SIGHTINGS = ("identifier", "value")


def _finding_evidence(
    reader: _Reader, changed: ChangedFile | None, finding: Finding, data_class: str
) -> DataEvidence:
    """A finding's data class with the identifier on its lines that carries it, if any."""
    lines = reader.lines(changed) if changed is not None else []
    language = "go" if finding.path.endswith(".go") else ""
    last = max(finding.start_line, finding.end_line)
    for number in range(finding.start_line, min(last, finding.start_line + 20) + 1):
        text = lines[number - 1] if 0 < number <= len(lines) else ""
        for carrier in data_carriers(text, language):
            if data_class in carrier.classes:
                return DataEvidence(
                    identifier=carrier.name, path=finding.path, line=number, how=finding.rule_id
                )
    return DataEvidence(
        identifier="", path=finding.path, line=finding.start_line, how=finding.rule_id
    )


def _said(item: DataEvidence) -> str:
    where = f"{item.path}:{item.line}"
    if item.how == "identifier":
        return f"'{item.identifier}' at {where}"
    if item.how == "value":
        return f"'{item.identifier}' at {where} (by its value)"
    if item.identifier:
        return f"'{item.identifier}' at {where} ({item.how})"
    return f"{item.how} at {where}"


def _classified_identifiers(
    reader: _Reader, code_files: list[ChangedFile], classify: ClassifyName
) -> dict[str, list[DataEvidence]]:
    """Data classes of the identifiers that carry data on added lines, each with its
    evidence: the identifier and its line (see gate.policy.carriers)."""
    found: dict[str, list[DataEvidence]] = {}
    for changed in code_files:
        language = "go" if changed.path.endswith(".go") else ""
        seen = 0
        docs = documentation_lines(reader.lines(changed))
        for number, text in reader.added(changed):
            if number in docs:
                continue  # comments and docstrings: examples, not data
            for carrier in data_carriers(text, language):
                seen += 1
                if seen > _MAX_IDENTIFIERS_PER_FILE:
                    break
                how = "value" if carrier.by_value else "identifier"
                for data_class in sorted(carrier.classes):
                    found.setdefault(data_class, []).append(
                        DataEvidence(
                            identifier=carrier.name, path=changed.path, line=number, how=how
                        )
                    )
    return found


def _content_signals(
    reader: _Reader, code_files: list[ChangedFile], settings: Mapping[str, Any]
) -> list[RiskSignal]:
    signals = []
    for name, check in settings["content"].items():
        if not check["patterns"]:
            continue
        pattern = re.compile("|".join(f"(?:{p})" for p in check["patterns"]))
        hits = [
            f"{changed.path}:{number}"
            for changed in code_files
            for number, text in reader.added(changed)
            if pattern.search(text)
        ]
        if hits:
            signals.append(
                RiskSignal(
                    signal=f"content:{name}",
                    detail=f"Added lines change {name.replace('_', ' ')} code: {_listed(hits)}.",
                    tier=check["tier"],
                )
            )
    return signals


class _Reader:
    """New content of changed files, read once per assessment (binary/missing: empty)."""

    def __init__(self, change: Change) -> None:
        self.change = change
        self._cache: dict[str, list[str]] = {}

    def lines(self, changed: ChangedFile) -> list[str]:
        if changed.path not in self._cache:
            self._cache[changed.path] = self._read(changed)
        return self._cache[changed.path]

    def added(self, changed: ChangedFile) -> list[tuple[int, str]]:
        lines = self.lines(changed)
        return [(n, text) for n, text in enumerate(lines, start=1) if changed.line_added(n)]

    def _read(self, changed: ChangedFile) -> list[str]:
        if changed.kind is ChangeKind.DELETED or changed.is_binary or changed.is_submodule:
            return []
        path = self.change.content_root / changed.path
        try:
            if path.is_symlink() or not path.is_file() or path.stat().st_size > _MAX_READ_BYTES:
                return []
            return path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return []
