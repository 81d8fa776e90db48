"""Reports built from the dataclasses directly: a realistic one, a scanner error, a clean one.

Golden files are regenerated with ``GATE_REGEN_GOLDEN=1 pytest tests/reporters``.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from gate.findings import Category, Confidence, Finding, Severity, Status, assign_fingerprints
from gate.report import (
    ChangeInfo,
    ControlStatus,
    FileCoverage,
    PackRef,
    Report,
    Risk,
    RiskSignal,
    ScannerRun,
    Verdict,
)

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("GATE_REGEN_GOLDEN") == "1"

HEAD_SHA = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"
BASE_SHA = "0f0e0d0c0b0a09080706050403020100ffeeddcc"

ALL_SCANNERS = ("semgrep", "bandit", "heuristics", "secrets")


def _findings() -> tuple[Finding, ...]:
    findings = [
        Finding(
            rule_id="pci-pan-logged",
            sources=("semgrep",),
            source_rule_ids=("gate.pci-dss.pci-pan-logged",),
            severity=Severity.CRITICAL,
            confidence=Confidence.HIGH,
            category=Category.COMPLIANCE,
            pack="pci-dss",
            path="app/payments/charge.py",
            start_line=42,
            end_line=42,
            start_col=9,
            end_col=58,
            title="Card number written to a log",
            message="The full card number (PAN) is written to the application log; logs are "
            "retained and widely readable, so PAN must never appear in them.",
            remediation="Log a masked form (first 6 / last 4) or a token instead.",
            cwe=("CWE-532",),
            owasp=("A09:2021",),
            controls=("pci-dss-4.0:3.5.1", "pci-dss-4.0:10.3", "soc2:CC6.7"),
            data_classes=("PAN",),
            references=("https://cwe.mitre.org/data/definitions/532.html",),
            snippet='logger.info("charging card %s", card.number)',
        ),
        Finding(
            rule_id="sql-injection",
            sources=("semgrep", "bandit"),
            source_rule_ids=("python.lang.security.sqli", "B608"),
            severity=Severity.HIGH,
            confidence=Confidence.MEDIUM,
            category=Category.SECURITY,
            pack="security",
            path="app/db.py",
            start_line=17,
            end_line=19,
            start_col=5,
            title="SQL built from request data",
            message="A query string is built with string formatting from request data, "
            "which allows SQL injection.",
            remediation="Use bound parameters: cursor.execute(sql, params).",
            cwe=("CWE-89",),
            owasp=("A03:2021",),
            controls=("pci-dss-4.0:6.2.4",),
            snippet='cursor.execute(\n    f"SELECT * FROM orders WHERE id = {order_id}"\n)',
        ),
        Finding(
            rule_id="secret-aws-access-key",
            sources=("secrets",),
            severity=Severity.HIGH,
            confidence=Confidence.HIGH,
            category=Category.SECRETS,
            pack="secrets",
            path="config/settings.py",
            start_line=3,
            end_line=3,
            start_col=14,
            end_col=34,
            title="AWS access key in source",
            message="An AWS access key id is committed to the repository.",
            remediation="Revoke the key, then load it from the environment or a secrets store.",
            cwe=("CWE-798",),
            controls=("pci-dss-4.0:8.3.2", "soc2:CC6.1"),
            data_classes=("CRED",),
            snippet='AWS_ACCESS_KEY_ID = "AKIA************MPLE"',
        ),
        Finding(
            rule_id="eh-swallowed-exception",
            sources=("heuristics",),
            severity=Severity.MEDIUM,
            confidence=Confidence.HIGH,
            category=Category.ERROR_HANDLING,
            pack="error-handling",
            path="app/payments/charge.py",
            start_line=58,
            end_line=59,
            title="Exception swallowed",
            message="`except Exception: pass` hides payment failures from callers and logs.",
            remediation="Catch the specific exception, log it, and re-raise or return an error.",
            cwe=("CWE-390",),
            controls=("soc2:CC7.2",),
            snippet="except Exception:\n    pass",
        ),
        Finding(
            rule_id="B101",
            sources=("bandit",),
            source_rule_ids=("B101",),
            severity=Severity.LOW,
            confidence=Confidence.HIGH,
            category=Category.SECURITY,
            pack="security",
            path="app/util.py",
            start_line=8,
            end_line=8,
            start_col=1,
            title="assert used for a runtime check",
            message="assert statements are removed under python -O; the check disappears.",
            remediation="Raise an explicit exception instead of assert.",
            cwe=("CWE-703",),
            snippet="assert amount > 0",
        ),
        Finding(
            rule_id="secret-generic-api-key",
            sources=("secrets",),
            severity=Severity.HIGH,
            confidence=Confidence.MEDIUM,
            category=Category.SECRETS,
            pack="secrets",
            path="tests/fixtures.py",
            start_line=5,
            end_line=5,
            title="API key in source",
            message="A string that looks like an API key is committed.",
            remediation="Load it from the environment.",
            cwe=("CWE-798",),
            snippet='API_KEY = "test_************"',
            status=Status.SUPPRESSED,
            status_reason="test fixture, not a real key",
        ),
        Finding(
            rule_id="sql-injection",
            sources=("semgrep",),
            severity=Severity.HIGH,
            confidence=Confidence.MEDIUM,
            category=Category.SECURITY,
            pack="security",
            path="app/db.py",
            start_line=90,
            end_line=90,
            title="SQL built from request data",
            message="A query string is built with string formatting from request data.",
            remediation="Use bound parameters.",
            cwe=("CWE-89",),
            snippet='cursor.execute("DELETE FROM t WHERE id=%s" % tid)',
            status=Status.OUTSIDE_DIFF,
            status_reason="line 90 not added by this change (filter mode: added)",
        ),
    ]
    return assign_fingerprints(findings)


def _coverage(scanners: tuple[str, ...] = ALL_SCANNERS) -> tuple[FileCoverage, ...]:
    analysed = ["app/clean.py", "app/db.py", "app/payments/charge.py", "app/util.py"]
    rows = [
        FileCoverage(path=p, language="python", change="modified", scanners=scanners)
        for p in analysed
    ]
    rows += [
        FileCoverage(
            path="config/settings.py", language="python", change="added", scanners=scanners
        ),
        FileCoverage(
            path="tests/fixtures.py", language="python", change="added", scanners=scanners
        ),
        FileCoverage(path="docs/logo.png", language="", change="added", skipped="binary file"),
        FileCoverage(
            path="static/vendor.min.js",
            language="javascript",
            change="modified",
            skipped="too large (2.1 MB > 1 MB)",
        ),
    ]
    return tuple(rows)


def build_report() -> Report:
    return Report(
        gate_version="0.1.0",
        verdict=Verdict.FAIL,
        verdict_reason="1 critical and 2 high findings at or above fail_on=high",
        change=ChangeInfo(
            mode="pr",
            description="feature/payments (a1b2c3d) against main (0f0e0d0)",
            base_ref="main",
            base_sha=BASE_SHA,
            head_sha=HEAD_SHA,
            files_changed=8,
            lines_added=214,
        ),
        findings=_findings(),
        coverage=_coverage(),
        scanners=(
            ScannerRun(name="semgrep", version="1.150.0", status="ok", files=6, duration=3.214),
            ScannerRun(name="bandit", version="1.8.6", status="ok", files=6, duration=0.842),
            ScannerRun(name="heuristics", version="0.1.0", status="ok", files=6, duration=0.051),
            ScannerRun(name="secrets", version="0.1.0", status="ok", files=7, duration=0.02),
        ),
        packs=(
            PackRef(
                id="pci-dss",
                version="1.0.0",
                digest="sha256:1111",
                framework="PCI DSS",
                framework_id="pci-dss-4.0",
                rules=12,
            ),
            PackRef(
                id="soc2",
                version="1.0.0",
                digest="sha256:2222",
                framework="SOC 2",
                framework_id="soc2",
                rules=6,
            ),
            PackRef(id="security", version="1.0.0", digest="sha256:3333", rules=20),
            PackRef(id="secrets", version="1.0.0", digest="sha256:4444", rules=9),
            PackRef(id="error-handling", version="1.0.0", digest="sha256:5555", rules=5),
        ),
        controls=(
            ControlStatus(
                framework="pci-dss-4.0",
                control="3.5.1",
                title="PAN is rendered unreadable anywhere it is stored",
                status="findings",
                findings=1,
            ),
            ControlStatus(
                framework="pci-dss-4.0",
                control="6.2.4",
                title="Software engineering techniques prevent common attacks",
                status="findings",
                findings=1,
            ),
            ControlStatus(
                framework="pci-dss-4.0",
                control="8.3.2",
                title="Strong cryptography renders authentication factors unreadable",
                status="findings",
                findings=1,
            ),
            ControlStatus(
                framework="pci-dss-4.0",
                control="3.3.1",
                title="SAD is not retained after authorization",
                status="evaluated",
            ),
            ControlStatus(
                framework="soc2",
                control="CC7.2",
                title="System components are monitored for anomalies",
                status="findings",
                findings=1,
            ),
            ControlStatus(
                framework="soc2",
                control="CC8.1",
                title="Changes to infrastructure are authorized and tested",
                status="not-applicable",
                reason="no infrastructure files in this change",
            ),
        ),
        data_classes=("CRED", "PAN"),
        risk=Risk(
            tier=3,
            name="high",
            signals=(
                RiskSignal(
                    signal="severity:critical", detail="1 critical finding in the change", tier=3
                ),
                RiskSignal(
                    signal="path:payments",
                    detail="touches app/payments/ (cardholder-data flow)",
                    tier=2,
                ),
                RiskSignal(signal="data:PAN", detail="code handles card numbers (PAN)", tier=3),
            ),
            reviewers=("@acme/security", "@acme/payments-leads"),
            labels=("risk:high", "pci"),
            blocking=True,
            review_note="Security review required before merge.",
        ),
        fail_on="high",
        warn_on="medium",
        filter_mode="added",
        config_source=".gate.yml",
        config={"fail_on": "high", "warn_on": "medium", "filter_mode": "added"},
        notes=("semgrep results cached for 2 unchanged files",),
        repository="acme/shop",
        pull_request=42,
    )


def build_error_report() -> Report:
    """bandit crashed: verdict error, and the files it should have read lack it."""
    report = build_report()
    without_bandit = tuple(s for s in ALL_SCANNERS if s != "bandit")
    scanners = tuple(
        dataclasses.replace(
            s, status="error", files=0, error="bandit exited 2: invalid syntax in app/db.py"
        )
        if s.name == "bandit"
        else s
        for s in report.scanners
    )
    return dataclasses.replace(
        report,
        verdict=Verdict.ERROR,
        verdict_reason="scanner bandit failed; gate fails closed",
        scanners=scanners,
        coverage=_coverage(without_bandit),
    )


def build_clean_report() -> Report:
    return Report(
        gate_version="0.1.0",
        verdict=Verdict.PASS,
        verdict_reason="no findings at or above warn_on=medium",
        change=ChangeInfo(
            mode="pr",
            description="docs/typo (1234567) against main (89abcde)",
            base_ref="main",
            head_sha="1234567890abcdef1234567890abcdef12345678",
            files_changed=1,
            lines_added=3,
        ),
        coverage=(
            FileCoverage(
                path="app/clean.py", language="python", change="modified", scanners=ALL_SCANNERS
            ),
        ),
        scanners=(
            ScannerRun(name="semgrep", version="1.150.0", status="ok", files=1, duration=1.5),
            ScannerRun(name="bandit", version="1.8.6", status="ok", files=1, duration=0.3),
        ),
        repository="acme/shop",
    )


@pytest.fixture
def report() -> Report:
    return build_report()


@pytest.fixture
def error_report() -> Report:
    return build_error_report()


@pytest.fixture
def clean_report() -> Report:
    return build_clean_report()


def many_findings_report(count: int, *, base: Report | None = None) -> Report:
    """`count` active findings spread over files and the severities a reviewer sees
    (medium and above: lower ones are not listed by the reporters)."""
    base = base or build_report()
    severities = [Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM]
    categories = list(Category)
    findings = [
        Finding(
            rule_id=f"rule-{i % 37}",
            sources=("semgrep",),
            severity=severities[i % len(severities)],
            category=categories[i % 4],
            path=f"src/module_{i % 50}.py",
            start_line=i + 1,
            end_line=i + 2,
            title=f"Problem number {i}",
            message=f"Finding {i}: something risky happens here and it matters because X. " * 2,
            remediation="Do the safe thing instead.",
            cwe=("CWE-20",),
            controls=("pci-dss-4.0:6.2.4",),
            snippet=f"value_{i} = dangerous(input_{i})",
        )
        for i in range(count)
    ]
    return dataclasses.replace(base, findings=assign_fingerprints(findings))


def check_golden(name: str, text: str) -> None:
    """Compare `text` with tests/reporters/golden/`name`; rewrite it when regenerating."""
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        return
    if not path.is_file():
        pytest.fail(f"golden file {path} missing: run GATE_REGEN_GOLDEN=1 pytest tests/reporters")
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{name} differs from golden; review, then GATE_REGEN_GOLDEN=1"
