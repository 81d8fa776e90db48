"""semgrep's JSON results as a ScanOutcome: for the whole run, and for one finished batch.

A batch's outcome (`batch_outcome`) is final for the files the engine scanned in it, so
the result cache can keep it the moment the batch ends (`ScanRequest.on_partial`): a
later timeout, a failing batch or a killed run then loses only the unfinished files.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from gate.findings import Finding
from gate.policy.packs import Catalog
from gate.scanning.base import ScanOutcome, ScanRequest, finding_from_rule
from gate.scanning.batches import UNFINISHED
from gate.scanning.semgrep_core import cli_shaped_errors, unanalysed_from_errors
from gate.scanning.traces import trace_lines

__all__ = ["NAME", "batch_outcome", "direct_outcome", "outcome_from_results"]

NAME = "semgrep"


def outcome_from_results(
    results: Sequence[Any],
    errors: Sequence[Mapping[str, Any]],
    paths: tuple[str, ...],
    request: ScanRequest,
    version: str,
    started: float,
) -> ScanOutcome:
    findings = tuple(f for f in (_to_finding(r, request.catalog) for r in results) if f is not None)
    unanalysed = unanalysed_from_errors(errors)
    return ScanOutcome(
        scanner=NAME,
        version=version,
        findings=findings,
        files=tuple(p for p in paths if p not in dict(unanalysed)),
        unanalysed=unanalysed,
        duration=time.monotonic() - started,
    )


def direct_outcome(
    results: Sequence[Any],
    errors: Sequence[Mapping[str, Any]],
    *,
    paths: tuple[str, ...],
    no_rules: tuple[str, ...],
    unfinished: tuple[str, ...],
    request: ScanRequest,
    version: str,
    started: float,
) -> ScanOutcome:
    """The direct engine's outcome: files no rule applies to and files of batches the
    time budget ran out on are unanalysed, with the reason."""
    outcome = outcome_from_results(results, errors, paths, request, version, started)
    skipped = tuple((p, "semgrep: no rule applies to this file") for p in no_rules)
    late = tuple((p, f"{UNFINISHED} of {request.timeout:.0f}s") for p in unfinished)
    return replace(
        outcome,
        files=tuple(p for p in outcome.files if p not in unfinished),
        unanalysed=tuple(sorted(outcome.unanalysed + skipped + late)),
    )


def batch_outcome(
    paths: tuple[str, ...], output: Mapping[str, Any], request: ScanRequest, version: str
) -> ScanOutcome | None:
    """One finished batch's outcome for the files it settled (scanned, or unanalysed for a
    reason of their own); None when the engine failed on the batch or settled none of it."""
    errors = cli_shaped_errors(output.get("errors") or (), set(paths))
    if any(e["level"] == "error" and not e["path"] for e in errors):
        return None
    scanned = set((output.get("paths") or {}).get("scanned") or ())
    scanned |= {str(e["path"]) for e in errors if e["path"]}
    settled = tuple(p for p in paths if p in scanned)
    if not settled:
        return None  # it scanned nothing: not a result (gate.scanning.semgrep_direct)
    results = [r for r in output.get("results") or () if _strip(str(r.get("path"))) in settled]
    return outcome_from_results(results, errors, settled, request, version, time.monotonic())


def _strip(path: str) -> str:
    return path[2:] if path.startswith("./") else path


def _to_finding(result: Mapping[str, Any], catalog: Catalog) -> Finding | None:
    extra = result.get("extra") or {}
    metadata = extra.get("metadata") or {}
    gate_meta = metadata.get("gate") or {}
    rule_id = str(gate_meta.get("rule_id") or result.get("check_id", ""))
    rule = catalog.rule(rule_id)
    if rule is None:
        return None
    start, end = result.get("start") or {}, result.get("end") or {}
    return finding_from_rule(
        rule,
        scanner=NAME,
        path=_strip(str(result.get("path", ""))),
        start_line=int(start.get("line", 1)),
        end_line=int(end.get("line", start.get("line", 1))),
        start_col=int(start.get("col", 0)),
        end_col=int(end.get("col", 0)),
        message=str(extra.get("message") or rule.message).strip(),
        source_rule_id=str(result.get("check_id", "")),
        trace_lines=trace_lines(extra.get("dataflow_trace"), str(result.get("path", ""))),
    )
