"""Small pure helpers shared by the reporters: ordering, levels, labels, links."""

from __future__ import annotations

import re
from collections import Counter
from enum import Enum

from gate.reporters.escape import url_path

from gate.findings import Category, Finding, Severity, Status, fingerprint
from gate.policy.profiles import threshold_for
from gate.report import Report, Verdict


class Level(str, Enum):
    """How a finding weighs on the verdict, from the report's thresholds."""

    FAIL = "fail"
    WARN = "warn"
    NOTE = "note"


def threshold(name: str) -> Severity | None:
    """The severity a ``fail_on`` / ``warn_on`` value names; None for "never"."""
    try:
        return Severity.parse(name)
    except ValueError:
        return None


def level(report: Report, finding: Finding) -> Level:
    """From the report's thresholds for the finding's path (test profile, overrides)."""
    fail_on = threshold(_path_threshold(report, finding, "fail_on", report.fail_on))
    warn_on = threshold(_path_threshold(report, finding, "warn_on", report.warn_on))
    if fail_on is not None and finding.severity.at_least(fail_on):
        return Level.FAIL
    if warn_on is not None and finding.severity.at_least(warn_on):
        return Level.WARN
    return Level.NOTE


def _path_threshold(report: Report, finding: Finding, key: str, default: str) -> str:
    return threshold_for(report.config, finding.path, key, default) if report.config else default


def reportable(report: Report, finding: Finding) -> bool:
    """An active finding a reviewer acts on: at or above the path's warn_on or fail_on.
    Below both it stays in the JSON result (and `--verbose`), but not in the comment,
    annotations, inline comments, SARIF or the default terminal report. With both
    thresholds "never" there is nothing to hide by, so everything is reported."""
    if not finding.is_active:
        return False
    warn = threshold(_path_threshold(report, finding, "warn_on", report.warn_on))
    fail = threshold(_path_threshold(report, finding, "fail_on", report.fail_on))
    if warn is None and fail is None:
        return True
    return any(t is not None and finding.severity.at_least(t) for t in (warn, fail))


def reported(report: Report, output: str = "") -> tuple[Finding, ...]:
    """The active findings `output` shows: the reportable ones, or every active finding
    when the configuration lists `output` under ``show_below_warn_on``."""
    if output and output in (report.config.get("show_below_warn_on") or ()):
        return report.active
    return tuple(f for f in report.active if reportable(report, f))


def below_warn(report: Report) -> tuple[Finding, ...]:
    """Active findings below the thresholds: kept, listed with `--verbose`, not counted."""
    return tuple(f for f in report.active if not reportable(report, f))


def most_severe_first(findings: tuple[Finding, ...]) -> list[Finding]:
    """Most severe first; ties by place, then rule and fingerprint (total order)."""
    return sorted(
        findings,
        key=lambda f: (-f.severity.rank, f.path, f.start_line, f.rule_id, f.fingerprint),
    )


def by_place(findings: tuple[Finding, ...]) -> list[Finding]:
    """Path, line, most severe first on the same line (total order)."""
    return sorted(
        findings,
        key=lambda f: (f.path, f.start_line, -f.severity.rank, f.rule_id, f.fingerprint),
    )


def fingerprint_of(finding: Finding) -> str:
    """gate's fingerprint, computed on the spot for a finding that never got one."""
    return finding.fingerprint or fingerprint(finding.rule_id, finding.path, finding.snippet, 0)


def status_counts(report: Report) -> dict[Status, int]:
    counts = Counter(f.status for f in report.findings)
    return {status: counts.get(status, 0) for status in Status}


def pre_existing_line(findings: tuple[Finding, ...]) -> str:
    """The folded line for findings that were in the base already (gate.decision.baseline)."""
    newly = sum(1 for f in findings if f.status_reason.startswith("newly enabled rule"))
    text = (
        f"{plural(len(findings), 'pre-existing finding')} on lines this change touched "
        "(in the base already: moved, re-indented or reformatted; not counted)"
    )
    if newly:
        text += f"; {newly} of them from newly enabled rules"
    return text


CATEGORY_LABELS: dict[Category, str] = {
    Category.SECURITY: "Security",
    Category.COMPLIANCE: "Compliance",
    Category.SECRETS: "Secrets",
    Category.ERROR_HANDLING: "Error handling",
    Category.GATE: "gate configuration",
}

SEVERITY_ICONS: dict[Severity, str] = {
    Severity.CRITICAL: "\U0001f7e5",  # red square
    Severity.HIGH: "\U0001f7e7",  # orange square
    Severity.MEDIUM: "\U0001f7e8",  # yellow square
    Severity.LOW: "\U0001f7e6",  # blue square
    Severity.INFO: "\u2b1c",  # white square
}

VERDICT_ICONS: dict[Verdict, str] = {
    Verdict.PASS: "\u2705",
    Verdict.WARN: "\u26a0\ufe0f",
    Verdict.FAIL: "\u274c",
    Verdict.ERROR: "\U0001f6d1",
}

_REPO = re.compile(r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+$")
_SHA = re.compile(r"^[0-9a-fA-F]{7,64}$")


def lines_label(finding: Finding) -> str:
    if finding.end_line > finding.start_line:
        return f"{finding.start_line}-{finding.end_line}"
    return str(finding.start_line)


def blob_url(report: Report, finding: Finding) -> str:
    """Link to the finding's lines at the PR head commit, or "" when either is unknown."""
    repo, sha = report.repository, report.change.head_sha
    if not (_REPO.match(repo) and _SHA.match(sha) and finding.path):
        return ""
    start = max(1, finding.start_line)
    end = max(start, finding.end_line)
    return f"https://github.com/{repo}/blob/{sha}/{url_path(finding.path)}#L{start}-L{end}"


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, marked with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)].rstrip() + "\u2026"


def plural(count: int, word: str, words: str = "") -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"
