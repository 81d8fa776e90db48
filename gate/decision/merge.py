"""`gate merge`: shard results (`gate run --shard K/N --json`) -> one Report.

The set must be complete and consistent, else `check_shards` refuses it (exit 2, one
line): every result made with ``--shard K/N``, the same N, each K from 1 to N exactly
once, the same base and head, configuration, gate version, rule packs and scanner
versions. A partial set would otherwise pass a change nobody fully scanned.

The tier and the change statistics are recomputed for the whole change, not taken from
one shard: the merged change is read from git (base and head are in the results; run
`gate merge` in a checkout that has them), so size, path, content and finding signals
see every file and every finding together.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from gate.decision.verdict import decide_verdict
from gate.errors import GateError, UsageError
from gate.findings import Finding, assign_fingerprints
from gate.policy.config import Config
from gate.policy.waivers import merge_registers
from gate.report import ChangeInfo, ControlStatus, Report, Risk, ScannerRun

_CONTROL_ORDER = {"findings": 0, "evaluated": 1, "not-applicable": 2}


_DRIFT_NOTE = "policy change in this diff: "  # gate.runner's note for each drift


def check_shards(reports: tuple[Report, ...], names: tuple[str, ...] = ()) -> None:
    """Refuse a missing, duplicate or mismatched shard (UsageError, one line)."""
    if not reports:
        raise UsageError("gate merge: no results given")
    shown = names or tuple(f"result {i + 1}" for i in range(len(reports)))
    parsed = []
    for name, report in zip(shown, reports, strict=True):
        k, _, n = report.shard.partition("/")
        if not (k.isdigit() and n.isdigit()):
            raise UsageError(f"gate merge: {name} was not made with `gate run --shard K/N`")
        parsed.append((int(k), int(n)))
    totals = {total for _, total in parsed}
    if len(totals) > 1:
        raise UsageError(
            f"gate merge: the results split the change differently (N = {sorted(totals)})"
        )
    (total,) = totals
    counts = Counter(index for index, _ in parsed)
    duplicate = sorted(k for k, n in counts.items() if n > 1)
    if duplicate:
        raise UsageError(f"gate merge: shard {duplicate[0]}/{total} is given more than once")
    missing = sorted(set(range(1, total + 1)) - set(counts))
    if missing:
        listed = ", ".join(f"{k}/{total}" for k in missing)
        raise UsageError(f"gate merge: shard {listed} missing: merge all {total} results")
    first = reports[0]
    for name, other in zip(shown[1:], reports[1:], strict=True):
        mismatch = _mismatch(first, other)
        if mismatch:
            raise UsageError(f"gate merge: {name} has a different {mismatch} than {shown[0]}")


def _mismatch(first: Report, other: Report) -> str:
    if other.change.base_sha != first.change.base_sha:
        return "base commit"
    if other.change.head_sha != first.change.head_sha:
        return "head commit"
    if (other.config_source, dict(other.config)) != (first.config_source, dict(first.config)):
        return "configuration"
    if other.gate_version != first.gate_version:
        return "gate version"
    if [(p.id, p.digest) for p in other.packs] != [(p.id, p.digest) for p in first.packs]:
        return "set of rule packs"
    mine = {s.name: s.version for s in first.scanners if s.version}
    theirs = {s.name: s.version for s in other.scanners if s.version}
    if any(mine[n] != theirs[n] for n in mine.keys() & theirs.keys()):
        return "scanner version"
    return ""


def merge_reports(
    reports: tuple[Report, ...], names: tuple[str, ...] = (), repo: Path | None = None
) -> Report:
    check_shards(reports, names)
    first = reports[0]
    findings = {f.fingerprint: f for r in reports for f in r.findings}
    coverage = {c.path: c for r in reports for c in r.coverage if c.scanners or c.skipped}
    config = Config(source=first.config_source, raw=first.config)
    merged_findings = assign_fingerprints(findings.values())
    scanners = _merge_scanners(reports)
    verdict, reason = decide_verdict(merged_findings, scanners, coverage.values(), config)
    drift = tuple(
        dict.fromkeys(
            n.removeprefix(_DRIFT_NOTE)
            for r in reports
            for n in r.notes
            if n.startswith(_DRIFT_NOTE)
        )
    )
    change_info, risk = _whole_change(first, merged_findings, config, drift, repo or Path.cwd())
    return replace(
        first,
        shard="",
        change=change_info,
        verdict=verdict,
        verdict_reason=reason,
        findings=merged_findings,
        coverage=tuple(sorted(coverage.values(), key=lambda c: c.path)),
        scanners=scanners,
        controls=_merge_controls(reports),
        data_classes=tuple(sorted({d for r in reports for d in r.data_classes})),
        risk=replace(risk, **_routing(reports)),
        notes=tuple(dict.fromkeys(n for r in reports for n in r.notes if "shard" not in n))
        + (f"merged from {len(reports)} shard result(s)",),
        waivers=merge_registers(tuple(r.waivers for r in reports)),
    )


def _whole_change(
    first: Report, findings: tuple[Finding, ...], config: Config, drift: tuple[str, ...], root: Path
) -> tuple[ChangeInfo, Risk]:
    """The merged change from git, its statistics and its risk tier."""
    from gate.change.diff import cleanup, resolve_change
    from gate.decision.tier import assess_risk

    base, head = first.change.base_sha, first.change.head_sha
    if not base or not head:
        raise UsageError("gate merge: the results name no base and head commit to recompute from")
    try:
        change = resolve_change(root, base=base, head=head)
    except GateError as exc:
        raise UsageError(
            f"gate merge: cannot read the merged change {base[:12]}..{head[:12]} to recompute "
            f"the risk tier ({exc}); run it in a checkout that has both commits"
        ) from None
    try:
        risk = assess_risk(change, findings, config, config_drift=drift)
        info = replace(
            first.change,
            files_changed=len(change.files),
            lines_added=sum(f.added_count() for f in change.files if not f.whole),
        )
    finally:
        cleanup(change)
    return info, risk


def _merge_scanners(reports: tuple[Report, ...]) -> tuple[ScannerRun, ...]:
    merged: dict[str, ScannerRun] = {}
    for report in reports:
        for run in report.scanners:
            seen = merged.get(run.name)
            if seen is None:
                merged[run.name] = run
                continue
            status = (
                "error"
                if "error" in (seen.status, run.status)
                else ("ok" if "ok" in (seen.status, run.status) else seen.status)
            )
            merged[run.name] = replace(
                seen,
                status=status,
                files=seen.files + run.files,
                duration=max(seen.duration, run.duration),
                error="; ".join(e for e in (seen.error, run.error) if e),
                cached=seen.cached and run.cached,
            )
    return tuple(merged.values())


def _merge_controls(reports: tuple[Report, ...]) -> tuple[ControlStatus, ...]:
    merged: dict[tuple[str, str], ControlStatus] = {}
    for report in reports:
        for control in report.controls:
            key = (control.framework, control.control)
            seen = merged.get(key)
            if seen is None:
                merged[key] = control
                continue
            best = min((seen, control), key=lambda c: _CONTROL_ORDER.get(c.status, 3))
            merged[key] = replace(best, findings=seen.findings + control.findings)
    return tuple(merged.values())


def _routing(reports: tuple[Report, ...]) -> dict[str, Any]:
    """Every shard's required groups and routes (each shard routed its own files)."""
    required = {(g.name, g.members): g for r in reports for g in r.risk.required}
    return {
        "required": tuple(required.values()),
        "routes": tuple(dict.fromkeys(line for r in reports for line in r.risk.routes)),
    }
