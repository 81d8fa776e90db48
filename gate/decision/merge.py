"""`gate merge`: shard results (`gate run --shard K/N --json`) -> one Report."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from gate.decision.verdict import decide_verdict
from gate.errors import UsageError
from gate.findings import assign_fingerprints
from gate.policy.config import Config
from gate.policy.waivers import merge_registers
from gate.report import ControlStatus, Report, ScannerRun

_CONTROL_ORDER = {"findings": 0, "evaluated": 1, "not-applicable": 2}


def merge_reports(reports: tuple[Report, ...]) -> Report:
    if not reports:
        raise UsageError("gate merge: no results given")
    first = reports[0]
    for other in reports[1:]:
        if (other.change.base_sha, other.change.head_sha) != (
            first.change.base_sha,
            first.change.head_sha,
        ):
            raise UsageError("gate merge: the results are of different changes (base/head differ)")
        if [p.digest for p in other.packs] != [p.digest for p in first.packs]:
            raise UsageError("gate merge: the results were made with different rule packs")
    findings = {f.fingerprint: f for r in reports for f in r.findings}
    coverage = {c.path: c for r in reports for c in r.coverage if c.scanners or c.skipped}
    config = Config(source=first.config_source, raw=first.config)
    merged_findings = assign_fingerprints(findings.values())
    scanners = _merge_scanners(reports)
    verdict, reason = decide_verdict(merged_findings, scanners, coverage.values(), config)
    riskiest = max(reports, key=lambda r: r.risk.tier)
    signals = {(s.signal, s.detail): s for r in reports for s in r.risk.signals}
    return replace(
        first,
        verdict=verdict,
        verdict_reason=reason,
        findings=merged_findings,
        coverage=tuple(sorted(coverage.values(), key=lambda c: c.path)),
        scanners=scanners,
        controls=_merge_controls(reports),
        data_classes=tuple(sorted({d for r in reports for d in r.data_classes})),
        risk=replace(riskiest.risk, signals=tuple(signals.values()), **_routing(reports)),
        notes=tuple(dict.fromkeys(n for r in reports for n in r.notes if "shard" not in n))
        + (f"merged from {len(reports)} shard result(s)",),
        waivers=merge_registers(tuple(r.waivers for r in reports)),
    )


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
