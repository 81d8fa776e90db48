"""Findings + scanner outcomes -> verdict, and which compliance controls were evaluated."""

from __future__ import annotations

from collections.abc import Iterable

from gate.decision.confidence import below_precision
from gate.findings import Finding, Severity
from gate.policy.config import Config
from gate.policy.packs import Catalog
from gate.policy.profiles import threshold_for
from gate.report import ControlStatus, FileCoverage, ScannerRun, Verdict

_NEVER = "never"


def _threshold(finding: Finding, config: Config, key: str) -> str:
    return threshold_for(config.raw, finding.path, key, str(config[key]))


def reportable(finding: Finding, config: Config) -> bool:
    """At or above the lower of the path's warn_on and fail_on: what a reviewer acts on.
    With both set to "never" everything is reported (there is no threshold to hide by)."""
    warn, fail = _threshold(finding, config, "warn_on"), _threshold(finding, config, "fail_on")
    if warn == _NEVER and fail == _NEVER:
        return True
    return _at_or_above(finding, warn) or _at_or_above(finding, fail)


def _at_or_above(finding: Finding, threshold: str) -> bool:
    return threshold != _NEVER and finding.severity.at_least(Severity(threshold))


def decide_verdict(
    findings: Iterable[Finding],
    scanners: Iterable[ScannerRun],
    coverage: Iterable[FileCoverage],
    config: Config,
    catalog: Catalog | None = None,
) -> tuple[Verdict, str]:
    active = [f for f in findings if f.is_active]
    failed = [s for s in scanners if s.status == "error"]
    analysed = [c for c in coverage if c.scanners]
    if failed and config["on_scanner_error"] == "fail":
        names = "; ".join(f"{s.name}: {s.error}" for s in failed)
        return Verdict.ERROR, f"a scanner did not finish, so the change is not cleared ({names})"
    at_fail = [f for f in active if _at_or_above(f, _threshold(f, config, "fail_on"))]
    # Rules measured under min_precision_to_fail warn instead of failing (decision.confidence).
    minimum = float(config.raw.get("min_precision_to_fail", 0.0))
    unsure = [
        f
        for f in at_fail
        if catalog is not None and below_precision(catalog.rule(f.rule_id), minimum)
    ]
    unsure_ids = {id(f) for f in unsure}
    blocking = [f for f in at_fail if id(f) not in unsure_ids]
    if blocking:
        worst = max(blocking, key=lambda f: f.severity.rank)
        return Verdict.FAIL, (
            f"{len(blocking)} finding(s) at or above the fail threshold; worst: "
            f"{worst.severity.value} {worst.rule_id} at {worst.path}:{worst.start_line}"
        )
    warning = [f for f in active if _at_or_above(f, _threshold(f, config, "warn_on"))]
    if failed:
        names = "; ".join(f"{s.name}: {s.error}" for s in failed)
        return Verdict.WARN, f"a scanner failed and on_scanner_error is 'warn' ({names})"
    if unsure:
        rules = ", ".join(sorted({f.rule_id for f in unsure}))
        return Verdict.WARN, (
            f"{len(unsure)} finding(s) at or above the fail threshold from rules whose measured "
            f"precision is under {minimum:.0%} ({rules}): they warn instead of failing"
        )
    if warning:
        return Verdict.WARN, f"{len(warning)} finding(s) at or above the warn threshold"
    if not analysed:
        return Verdict.PASS, "nothing to analyse: no changed file in a supported language"
    return Verdict.PASS, (
        f"no finding at or above '{config.warn_on}' on the {len(analysed)} analysed file(s)"
    )


def control_coverage(
    catalog: Catalog,
    findings: Iterable[Finding],
    coverage: Iterable[FileCoverage],
    config: Config | None = None,
) -> tuple[ControlStatus, ...]:
    """For every control of every enabled framework: findings, evaluated or not applicable.
    With `config`, only findings at or above warn_on count (the JSON keeps the rest)."""
    active = [f for f in findings if f.is_active and (config is None or reportable(f, config))]
    languages = {c.language for c in coverage if c.scanners}
    result: list[ControlStatus] = []
    for pack in catalog.packs:
        if not pack.framework_id:
            continue
        for control, title in pack.controls:
            qualified = f"{pack.framework_id}:{control}"
            hits = sum(1 for f in active if qualified in f.controls)
            rules = [r for r in catalog.rules.values() if qualified in r.controls]
            rule_languages = {lang for r in rules for lang in r.languages}
            if hits:
                status, reason = "findings", ""
            elif not rules:
                status, reason = "not-applicable", "no rule in the enabled packs checks it"
            elif rule_languages & ({"any", "generic", "regex"} | languages) and languages:
                status, reason = "evaluated", ""
            else:
                status, reason = "not-applicable", "no changed file in a language its rules cover"
            result.append(
                ControlStatus(
                    framework=pack.framework_id,
                    control=control,
                    title=title,
                    status=status,
                    findings=hits,
                    reason=reason,
                )
            )
    return tuple(result)
