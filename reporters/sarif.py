"""SARIF 2.1.0 for GitHub code scanning (and any other SARIF consumer).

One consolidated run with tool ``gate``, not one run per scanner, because:

- a result is gate's decision, not a scanner's: gate normalises rule ids, severities,
  CWE and controls, merges the same problem reported by semgrep and bandit into one
  finding (``sources`` lists both), and applies suppressions. One run per scanner would
  either duplicate merged findings as two alerts or assign them to one scanner at random;
- alert identity (rule id + fingerprint) then stays stable when a rule moves from one
  engine to another;
- GitHub no longer combines runs that share tool and category, so one run means one
  category: ``automationDetails.id`` = ``<category>/<head sha>``, the category being
  ``Report.category`` (``gate run --category``, the Action's ``category`` input, by
  default per workflow and job) or ``gate``. Code scanning keeps one analysis per
  category, so two gate jobs with their own categories never replace each other's
  results, and ``upload-sarif``'s own ``category:`` (ignored when the file sets one)
  is not needed.

The scanners and rule packs that ran are recorded as ``tool.extensions`` with their
versions; a scanner that failed makes ``invocations[0].executionSuccessful`` false and adds
a ``toolExecutionNotifications`` entry.

What is included: active findings at or above ``warn_on`` (all active ones when the
configuration lists ``sarif`` under ``show_below_warn_on``), and suppressed or waived
ones as ``suppressions`` (``inSource`` for inline suppressions, ``external`` for
waivers) so the audit trail survives. Pre-existing findings (on lines the change touched,
but in the base already: moved, re-indented, reformatted; see docs/baseline.md) are
included at level ``note``, as they do not weigh on the verdict. With the baseline on,
compared results carry ``baselineState``: ``new`` (counted), ``unchanged`` (the same code
in the same file of the base) or ``updated`` (the same code, moved or reformatted).
Findings outside the diff and excluded by configuration are omitted: they were not part
of this change's verdict, and uploading them from a PR analysis would show alerts for
code the PR did not touch. If there are more than GitHub's 25,000 results per run, the
most severe are kept and a notification says how many were left out.
"""

from __future__ import annotations

import json
from typing import Any

from gate.reporters import escape
from gate.reporters._common import (
    Level,
    by_place,
    clip,
    fingerprint_of,
    level,
    most_severe_first,
    reported,
)

from gate.findings import Confidence, Finding, Severity, Status
from gate.report import Report

default_filename = "gate.sarif"

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_RESULTS = 25_000
MAX_TAGS = 20
MAX_DESCRIPTION = 1024

SECURITY_SEVERITY: dict[Severity, str] = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
}
_LEVELS: dict[Level, str] = {Level.FAIL: "error", Level.WARN: "warning", Level.NOTE: "note"}
_PRECISION: dict[Confidence, str] = {
    Confidence.HIGH: "high",
    Confidence.MEDIUM: "medium",
    Confidence.LOW: "low",
}
_INCLUDED = (Status.ACTIVE, Status.SUPPRESSED, Status.WAIVED, Status.PRE_EXISTING)
_BASELINE_STATES = frozenset({"new", "unchanged", "updated"})


def render(report: Report) -> str:
    return json.dumps(to_sarif(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def automation_id(report: Report) -> str:
    """``<category>/<run>``: code scanning takes everything before the last ``/`` as the
    category, the rest as this run's id."""
    category = report.category.strip().strip("/") or "gate"
    return f"{category}/{report.change.head_sha or 'local'}"


def to_sarif(report: Report) -> dict[str, Any]:
    # Active findings below warn_on are left out unless `show_below_warn_on: [sarif]`.
    shown = set(map(id, reported(report, "sarif")))
    included = [
        f for f in report.findings if f.status in _INCLUDED and (not f.is_active or id(f) in shown)
    ]
    kept = most_severe_first(tuple(included))[:MAX_RESULTS]
    dropped = len(included) - len(kept)
    ordered = by_place(tuple(kept))
    rule_ids = sorted({f.rule_id for f in ordered})
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    rules = [_rule(report, [f for f in ordered if f.rule_id == r]) for r in rule_ids]
    results = [_result(report, f, index[f.rule_id]) for f in ordered]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "gate",
                "fullName": "gate pre-review quality gate",
                "version": report.gate_version,
                "semanticVersion": report.gate_version,
                "rules": rules,
            },
            "extensions": _extensions(report),
        },
        "automationDetails": {"id": automation_id(report)},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {
            "%SRCROOT%": {"description": {"text": "The root of the repository checkout."}}
        },
        "invocations": [_invocation(report, dropped)],
        "results": results,
        "properties": {
            "verdict": report.verdict.value,
            "verdictReason": escape.plain(report.verdict_reason),
            "riskTier": report.risk.tier,
            "riskName": report.risk.name,
            "change": escape.plain(report.change.description),
            "baseSha": report.change.base_sha,
            "headSha": report.change.head_sha,
            "filterMode": report.filter_mode,
        },
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _extensions(report: Report) -> list[dict[str, Any]]:
    scanners = [
        {
            "name": escape.plain(s.name),
            "version": escape.plain(s.version) or "unknown",
            "properties": {"kind": "scanner", "status": s.status, "files": s.files},
        }
        for s in sorted(report.scanners, key=lambda s: s.name)
    ]
    packs = [
        {
            "name": escape.plain(p.id),
            "version": escape.plain(p.version) or "unknown",
            "properties": {"kind": "rule-pack", "digest": p.digest, "rules": p.rules},
        }
        for p in sorted(report.packs, key=lambda p: p.id)
    ]
    return (scanners + packs)[:100]


def _invocation(report: Report, dropped: int) -> dict[str, Any]:
    notifications: list[dict[str, Any]] = []
    failed = sorted((s for s in report.scanners if s.status == "error"), key=lambda s: s.name)
    for scanner in failed:
        notifications.append(
            {
                "level": "error",
                "descriptor": {"id": "scanner-error"},
                "message": {
                    "text": escape.plain(
                        f"{scanner.name} {scanner.version} failed: {scanner.error or 'no detail'}"
                    )
                },
                "properties": {"scanner": escape.plain(scanner.name)},
            }
        )
    if dropped:
        notifications.append(
            {
                "level": "warning",
                "descriptor": {"id": "results-truncated"},
                "message": {
                    "text": f"{dropped} less severe results left out: GitHub keeps at most "
                    f"{MAX_RESULTS} per run. The JSON report has every finding."
                },
            }
        )
    invocation: dict[str, Any] = {"executionSuccessful": not failed}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation


def _rule(report: Report, findings: list[Finding]) -> dict[str, Any]:
    first = findings[0]
    severity = max((f.severity for f in findings), key=lambda s: s.rank)
    worst = next(f for f in findings if f.severity is severity)
    title = escape.one_line(first.title) or escape.one_line(first.rule_id)
    message = escape.plain(first.message) or title
    properties: dict[str, Any] = {
        "tags": _tags(findings),
        "precision": _PRECISION[first.confidence],
        "problem.severity": _problem_severity(level(report, worst)),
        "severity": severity.value,
        "category": first.category.value,
    }
    if severity in SECURITY_SEVERITY:
        properties["security-severity"] = SECURITY_SEVERITY[severity]
    rule: dict[str, Any] = {
        "id": first.rule_id,
        "name": clip(escape.one_line(first.rule_id), 255),
        "shortDescription": {"text": clip(title, MAX_DESCRIPTION)},
        "fullDescription": {"text": clip(message, MAX_DESCRIPTION)},
        "help": {"text": _help_text(first), "markdown": _help_markdown(first)},
        "defaultConfiguration": {"level": _LEVELS[level(report, worst)]},
        "properties": properties,
    }
    uri = next((r for r in first.references if r.startswith(("https://", "http://"))), "")
    if uri:
        rule["helpUri"] = escape.one_line(uri)
    return rule


def _problem_severity(lvl: Level) -> str:
    return {Level.FAIL: "error", Level.WARN: "warning", Level.NOTE: "recommendation"}[lvl]


def _tags(findings: list[Finding]) -> list[str]:
    tags: list[str] = ["security"]
    for finding in findings:
        tags.append(finding.category.value)
        for cwe in finding.cwe:
            number = cwe.upper().removeprefix("CWE-")
            if number.isdigit():
                tags.append(f"external/cwe/cwe-{int(number):03d}")
        tags.extend(finding.controls)
        tags.extend(f"data:{d}" for d in finding.data_classes)
    unique = list(dict.fromkeys(escape.one_line(t) for t in tags if t))
    return unique[:MAX_TAGS]


def _help_text(finding: Finding) -> str:
    parts = [escape.plain(finding.message)]
    if finding.remediation:
        parts.append("Fix: " + escape.plain(finding.remediation))
    meta = _meta_lines(finding)
    parts.extend(f"{name}: {escape.one_line(', '.join(values))}" for name, values in meta)
    return "\n\n".join(p for p in parts if p) or escape.one_line(finding.rule_id)


def _help_markdown(finding: Finding) -> str:
    parts = [f"**Why:** {escape.md_text(finding.message)}"]
    if finding.remediation:
        parts.append(f"**Fix:** {escape.md_text(finding.remediation)}")
    for name, values in _meta_lines(finding):
        parts.append(f"**{name}:** " + ", ".join(escape.md_code(v) for v in values))
    return "\n\n".join(parts)


def _meta_lines(finding: Finding) -> list[tuple[str, tuple[str, ...]]]:
    meta = [
        ("CWE", finding.cwe),
        ("Controls", finding.controls),
        ("OWASP", finding.owasp),
        ("Data classes", finding.data_classes),
        ("References", finding.references),
    ]
    return [(name, values) for name, values in meta if values]


def _result(report: Report, finding: Finding, rule_index: int) -> dict[str, Any]:
    fingerprint = fingerprint_of(finding)
    start_line = max(1, finding.start_line)
    region: dict[str, Any] = {
        "startLine": start_line,
        "endLine": max(start_line, finding.end_line),
        "startColumn": max(1, finding.start_col),
    }
    if finding.end_col > 0 and (
        region["endLine"] > start_line or finding.end_col > region["startColumn"]
    ):
        region["endColumn"] = finding.end_col
    if finding.snippet:
        region["snippet"] = {"text": escape.plain(finding.snippet)}
    message = escape.plain(finding.message) or escape.one_line(finding.title or finding.rule_id)
    weight = Level.NOTE if finding.status is Status.PRE_EXISTING else level(report, finding)
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": _LEVELS[weight],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {
                        "uri": escape.url_path(finding.path),
                        "uriBaseId": "%SRCROOT%",
                    },
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"primaryLocationLineHash": fingerprint},
        "fingerprints": {"gate/v1": fingerprint},
        "properties": {
            "severity": finding.severity.value,
            "confidence": finding.confidence.value,
            "category": finding.category.value,
            "sources": list(finding.sources),
            "sourceRuleIds": [escape.one_line(r) for r in finding.source_rule_ids],
            "controls": list(finding.controls),
            "cwe": list(finding.cwe),
        },
    }
    if finding.baseline_state in _BASELINE_STATES:
        result["baselineState"] = finding.baseline_state
    if finding.status is Status.PRE_EXISTING:
        result["properties"]["status"] = finding.status.value
    if finding.status_reason and finding.status in (Status.ACTIVE, Status.PRE_EXISTING):
        result["properties"]["statusReason"] = escape.plain(finding.status_reason)
    if finding.status is Status.SUPPRESSED:
        result["suppressions"] = [_suppression("inSource", finding)]
    elif finding.status is Status.WAIVED:
        result["suppressions"] = [_suppression("external", finding)]
    return result


def _suppression(kind: str, finding: Finding) -> dict[str, Any]:
    return {
        "kind": kind,
        "status": "accepted",
        "justification": escape.plain(finding.status_reason) or "no reason given",
    }
