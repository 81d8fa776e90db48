"""GitHub Actions workflow commands that annotate the PR's files (print them to stdout).

``::error`` for findings at or above ``fail_on``, ``::warning`` for those at or above
``warn_on``, ``::notice`` for the rest; a failed scanner is an ``::error`` without a file.
GitHub shows at most 10 error and 10 warning annotations per step (and drops the rest
silently), so the most severe come first, at most 10 of each level are written, and a
final ``::notice::`` says how many more findings are in the report. Messages and
properties are escaped as the workflow-command docs require, so no text from the PR can
start a command of its own (``::add-mask::``, ``::stop-commands::``, ...).
"""

from __future__ import annotations

from gate.reporters import escape
from gate.reporters._common import Level, level, most_severe_first, plural, reported

from gate.findings import Finding
from gate.report import Report

default_filename = "gate-annotations.txt"

PER_LEVEL = 10
_COMMANDS: dict[Level, str] = {Level.FAIL: "error", Level.WARN: "warning", Level.NOTE: "notice"}


def render(report: Report) -> str:
    lines: list[str] = []
    used: dict[Level, int] = dict.fromkeys(Level, 0)
    for scanner in sorted(report.scanners, key=lambda s: s.name):
        if scanner.status == "error":
            title = escape.workflow_property(f"gate: scanner {scanner.name} failed")
            message = escape.workflow_data(
                f"{scanner.name} {scanner.version} failed: {scanner.error or 'no detail'}. "
                "The files it should have read were not checked by it."
            )
            lines.append(f"::error title={title}::{message}")
            used[Level.FAIL] += 1

    left_out = 0
    findings = most_severe_first(reported(report, "github-annotations"))
    for finding in findings:
        lvl = level(report, finding)
        # keep one notice slot free for the closing summary notice
        budget = PER_LEVEL - 1 if lvl is Level.NOTE else PER_LEVEL
        if used[lvl] >= budget:
            left_out += 1
            continue
        used[lvl] += 1
        lines.append(_annotation(_COMMANDS[lvl], finding))

    if left_out:
        lines.append(
            "::notice title=gate::"
            + escape.workflow_data(
                f"{plural(left_out, 'more finding')} not annotated here (GitHub shows "
                f"{PER_LEVEL} errors and {PER_LEVEL} warnings per step); "
                f"all {len(findings)} are in the job summary and the gate report."
            )
        )
    return "".join(line + "\n" for line in lines)


def _annotation(command: str, finding: Finding) -> str:
    start = max(1, finding.start_line)
    props = [
        f"file={escape.workflow_property(finding.path)}",
        f"line={start}",
        f"endLine={max(start, finding.end_line)}",
    ]
    if finding.start_col > 0:
        props.append(f"col={finding.start_col}")
        if finding.end_col > 0 and finding.end_line <= start:
            props.append(f"endColumn={finding.end_col}")
    title = f"{finding.severity.value}: {finding.title or finding.rule_id} ({finding.rule_id})"
    props.append(f"title={escape.workflow_property(title)}")
    message = finding.message
    if finding.remediation:
        message += f"\nFix: {finding.remediation}"
    meta = finding.controls + finding.cwe
    if meta:
        message += "\n" + ", ".join(meta)
    return f"::{command} {','.join(props)}::{escape.workflow_data(message)}"
