"""Inline `gate: ignore[...]` under a policy: critical and PCI PAN/SAD findings need a waiver."""

from __future__ import annotations

from gate.findings import Finding, Severity, Status
from gate.policy.config import Config, parse_config
from gate.policy.filters import SUPPRESSION_REFUSED_RULE, SUPPRESSION_RULE, apply_policy
from tests.governance.conftest import Payments


def _finding(
    rule: str = "sec-sql-injection", severity: Severity = Severity.HIGH, **kw: object
) -> Finding:
    return Finding(
        rule_id=rule,
        sources=("semgrep",),
        severity=severity,
        path="app.py",
        start_line=1,
        end_line=1,
        message="m",
        **kw,  # type: ignore[arg-type]
    )


def _apply(finding: Finding, comment: str, config: Config | None = None) -> tuple[Finding, ...]:
    lines = [f"query = build()  # gate: ignore[{finding.rule_id}] -- {comment}"]
    judged = (config or Config(source="t")).with_overrides(filter_mode="nofilter")
    return apply_policy((finding,), {}, judged, lambda _p: lines)


def test_high_finding_with_a_real_reason_is_suppressed() -> None:
    (result,) = _apply(_finding(), "input is an enum, see PAY-12")
    assert result.status is Status.SUPPRESSED


def test_one_word_reason_is_too_short_and_does_not_suppress() -> None:
    result, refusal = _apply(_finding(), "ok")
    assert result.status is Status.ACTIVE
    assert refusal.rule_id == SUPPRESSION_REFUSED_RULE
    assert "shorter than 10 characters" in refusal.message


def test_critical_finding_cannot_be_suppressed_inline() -> None:
    result, refusal = _apply(_finding(severity=Severity.CRITICAL), "this is fine, trust me")
    assert result.status is Status.ACTIVE
    assert "critical findings cannot be suppressed inline" in result.status_reason
    assert "waiver" in refusal.remediation


def test_pci_data_exposure_rules_and_data_classes_cannot_be_suppressed_inline() -> None:
    (result, _) = _apply(_finding(rule="pci-pan-logged"), "the log is PCI scoped anyway")
    assert result.status is Status.ACTIVE
    other = _finding(rule="sec-log-injection", data_classes=("SAD",))
    (result, _) = _apply(other, "the log is PCI scoped anyway")
    assert "findings about SAD cannot be suppressed inline" in result.status_reason


def test_policy_is_configurable() -> None:
    config = parse_config(
        "inline_suppressions:\n  forbid_severities: []\n  forbid_packs: [security]\n"
        "  min_reason: 3\n",
        ".gate.yml",
    )
    (result,) = _apply(_finding(severity=Severity.CRITICAL), "why", config)
    assert result.status is Status.SUPPRESSED
    (result, _) = _apply(_finding(pack="security"), "because", config)
    assert result.status is Status.ACTIVE


def test_reasonless_suppression_is_still_its_own_finding() -> None:
    lines = ["x()  # gate: ignore[sec-sql-injection]"]
    config = Config(source="t").with_overrides(filter_mode="nofilter")
    result, extra = apply_policy((_finding(),), {}, config, lambda _p: lines)
    assert result.status is Status.ACTIVE and extra.rule_id == SUPPRESSION_RULE


def test_author_cannot_silence_a_critical_secret_in_their_own_pr(payments: Payments) -> None:
    payments.repo.write(
        "app.py",
        "x = 1\n"
        'AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"'
        "  # gate: ignore[secret-aws-secret-key] -- ok\n",
    )
    payments.head()
    report = payments.run_local()
    assert report.verdict.value == "fail"
    assert any(f.rule_id == SUPPRESSION_REFUSED_RULE for f in report.findings)
