"""Scanner outcomes -> Report: snippets read by gate, policy marks, fingerprints,
coverage, control status, verdict and risk."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from gate import __version__
from gate.change.model import Change
from gate.decision.verdict import control_coverage, decide_verdict, reportable
from gate.findings import Finding, assign_fingerprints, merge_duplicates
from gate.policy.config import Config
from gate.policy.filters import apply_policy
from gate.policy.packs import Catalog
from gate.report import ChangeInfo, FileCoverage, PackRef, Report, Risk, ScannerRun, WaiverUse
from gate.scanning.base import Scanner, ScanOutcome
from gate.scanning.coverage import collect_gaps, completeness_verdict, coverage_text
from gate.scanning.plan import Plan
from gate.scanning.redact import redact

# findings -> (findings with waivers applied, the register, notes): gate.policy.waiving
Waive = Callable[
    [tuple[Finding, ...]], tuple[tuple[Finding, ...], tuple[WaiverUse, ...], tuple[str, ...]]
]
_SNIPPET_LINES = 6
_SNIPPET_WIDTH = 240


class _Lines:
    def __init__(self, root: Path) -> None:
        self.root, self.cache = root, {}  # type: ignore[var-annotated]

    def __call__(self, path: str) -> list[str]:
        if path not in self.cache:
            try:
                data = (self.root / path).read_bytes()
                self.cache[path] = data.decode("utf-8", "replace").splitlines()
            except OSError:
                self.cache[path] = []
        lines: list[str] = self.cache[path]
        return lines


def _with_snippet(finding: Finding, lines: _Lines, catalog: Catalog) -> Finding:
    text = finding.snippet
    if not text:
        content = lines(finding.path)
        start = max(finding.start_line, 1)
        end = min(max(finding.end_line, start), start + _SNIPPET_LINES - 1)
        # Redact whole lines before cutting them: half a token no longer matches a detector.
        text = textwrap.dedent(
            "\n".join(redact(line)[:_SNIPPET_WIDTH] for line in content[start - 1 : end])
        ).strip("\n")
    controls = finding.controls or catalog.controls_for_cwe(finding.cwe)
    return replace(
        finding, snippet=redact(text), message=redact(finding.message), controls=controls
    )


def build_report(
    *,
    change: Change,
    config: Config,
    catalog: Catalog,
    scanners: Mapping[str, Scanner],
    plan: Plan,
    outcomes: Mapping[str, ScanOutcome],
    risk_fn: Callable[[Change, tuple[Finding, ...], Config], Risk] | None = None,
    notes: tuple[str, ...] = (),
    waive: Waive | None = None,
    baseline: Callable[[tuple[Finding, ...]], tuple[tuple[Finding, ...], tuple[str, ...]]]
    | None = None,
    in_ci: bool = False,
) -> Report:
    lines = _Lines(change.content_root)
    raw: list[Finding] = []
    analysed_by: dict[str, list[str]] = {}
    runs: list[ScannerRun] = []
    for name, scanner in scanners.items():
        outcome = outcomes.get(name)
        if outcome is None:
            runs.append(ScannerRun(name=name, version=scanner.version(), status="not-needed"))
            continue
        targeted = {t.path for t in plan.targets[name]}
        raw.extend(f for f in outcome.findings if f.path in targeted)
        unanalysed = dict(outcome.unanalysed)
        if outcome.ok:
            for path in outcome.files:
                if path not in unanalysed:
                    analysed_by.setdefault(path, []).append(name)
        runs.append(
            ScannerRun(
                name=name,
                version=outcome.version,
                status="ok" if outcome.ok else "error",
                files=len(outcome.files),
                duration=round(outcome.duration, 3),
                error=outcome.error,
                cached=outcome.cached,
            )
        )
    enriched = tuple(_with_snippet(f, lines, catalog) for f in raw)
    files = {f.path: f for f in change.files}
    decided = apply_policy(merge_duplicates(enriched), files, config, lines)
    findings = assign_fingerprints(decided)
    gaps = collect_gaps(plan, outcomes, catalog)
    baseline_notes: tuple[str, ...] = ()
    if baseline is not None:  # pre-existing findings on changed lines (gate.decision.baseline)
        findings, baseline_notes = baseline(findings)
    waivers: tuple[WaiverUse, ...] = ()
    if waive is not None:  # waivers match fingerprints, so they come after them
        findings, waivers, waiver_notes = waive(findings)
        notes = notes + waiver_notes
    coverage = tuple(
        FileCoverage(
            path=f.path,
            language=plan.languages.get(f.path, "unknown"),
            change=f.kind.value,
            scanners=tuple(sorted(analysed_by.get(f.path, ()))),
            skipped=plan.coverage_skips.get(f.path)
            or coverage_text(gaps.get(f.path, ()), bool(analysed_by.get(f.path))),
        )
        for f in change.files
    )
    verdict, reason = decide_verdict(findings, runs, coverage, config, catalog)
    verdict, reason = completeness_verdict(
        verdict, reason, [g for items in gaps.values() for g in items], config, in_ci
    )
    risk = risk_fn(change, findings, config) if risk_fn else Risk()
    # Data classes the change touches: from findings and from the tier's look at the
    # identifiers on added lines (signals named "data:PAN", ...).
    data_classes = sorted(
        {c for f in findings if f.is_active and reportable(f, config) for c in f.data_classes}
        | {s.signal.split(":", 1)[1] for s in risk.signals if s.signal.startswith("data:")}
        - {"identifiers-not-classified"}
    )
    return Report(
        gate_version=__version__,
        verdict=verdict,
        verdict_reason=reason,
        change=ChangeInfo(
            mode=change.mode.value,
            description=change.description,
            base_ref=change.base_ref,
            base_sha=change.base_sha,
            head_sha=change.head_sha,
            files_changed=len(change.files),
            lines_added=sum(f.added_count() for f in change.files if not f.whole),
        ),
        findings=findings,
        coverage=coverage,
        scanners=tuple(runs),
        packs=tuple(
            PackRef(
                id=p.id,
                version=p.version,
                digest=p.digest,
                framework=p.framework,
                framework_id=p.framework_id,
                rules=len(p.rule_ids),
            )
            for p in catalog.packs
        ),
        controls=control_coverage(catalog, findings, coverage, config),
        data_classes=tuple(data_classes),
        risk=risk,
        fail_on=config.fail_on,
        warn_on=config.warn_on,
        filter_mode=config.filter_mode,
        config_source=config.source,
        config=_plain(config.raw),
        notes=notes + baseline_notes + change.notes,
        waivers=waivers,
    )


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
