"""GitLab Code Quality report (``artifacts:reports:codequality``): a JSON array.

Only active findings are listed: the merge request widget compares this report with the
target branch's, and suppressed or out-of-diff findings are not this change's problems.

Severity mapping (GitLab has info, minor, major, critical, blocker):
critical -> critical, high -> major, medium -> minor, low -> minor, info -> info.
``blocker`` is not used: gate's verdict, not a severity name, is what blocks a merge, and
keeping gate's top level equal to GitLab's ``critical`` matches GitLab's own scanners.

``fingerprint`` is gate's fingerprint (stable across line moves); should two findings
share one, the later gets a derived fingerprint so GitLab does not merge them. The output
is UTF-8 without a byte-order mark.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from gate.reporters import escape
from gate.reporters._common import by_place, fingerprint_of, reported

from gate.findings import Finding, Severity
from gate.report import Report

default_filename = "gl-code-quality-report.json"

SEVERITY: dict[Severity, str] = {
    Severity.CRITICAL: "critical",
    Severity.HIGH: "major",
    Severity.MEDIUM: "minor",
    Severity.LOW: "minor",
    Severity.INFO: "info",
}


def render(report: Report) -> str:
    issues: list[dict[str, Any]] = []
    seen: set[str] = set()
    for finding in by_place(reported(report, "gitlab")):
        fingerprint = fingerprint_of(finding)
        while fingerprint in seen:
            fingerprint = hashlib.sha256(f"{fingerprint}:dup".encode()).hexdigest()[:32]
        seen.add(fingerprint)
        issues.append(_issue(finding, fingerprint))
    return json.dumps(issues, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    start = max(1, finding.start_line)
    title = escape.one_line(finding.title)
    message = escape.one_line(finding.message)
    description = f"{title}: {message}" if title and message else (title or message)
    body = [escape.plain(finding.message)]
    if finding.remediation:
        body.append("Fix: " + escape.plain(finding.remediation))
    if finding.controls or finding.cwe:
        body.append("Controls/CWE: " + ", ".join(finding.controls + finding.cwe))
    return {
        "type": "issue",
        "description": description or escape.one_line(finding.rule_id) or "gate finding",
        "check_name": escape.one_line(finding.rule_id) or "gate",
        "fingerprint": fingerprint,
        "severity": SEVERITY[finding.severity],
        "categories": ["Security" if finding.category.value != "error-handling" else "Bug Risk"],
        "content": {"body": "\n\n".join(body)},
        "location": {
            "path": escape.plain(finding.path).replace("\n", ""),
            "lines": {"begin": start, "end": max(start, finding.end_line)},
        },
    }
