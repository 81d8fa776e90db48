"""JUnit XML for CI test tabs (GitLab ``artifacts:reports:junit``, Jenkins, ...).

One ``<testsuite name="gate">`` holding, so that the test tab agrees with the verdict
(a passing gate shows no failed test):

- one testcase per active finding: ``classname`` = path, ``name`` = rule id and line
  (made unique, since GitLab keeps only the first of duplicate names), ``file`` and
  ``line`` attributes (pytest's and GitLab's extension to the Surefire schema). A finding
  at or above ``fail_on`` is a ``<failure>`` (``type`` = severity, text = why, fix,
  controls, CWE, sources, fingerprint); one below it (warn or note level) passes, the
  same text in ``<system-out>`` starting with its level;
- one passing testcase per analysed file without active findings, so a green run still
  shows what was checked;
- one skipped testcase per file that was not analysed, with the reason;
- one errored testcase per scanner that failed.

Valid against the Surefire-style ``junit-10.xsd``. Times come from the report's scanner
durations; nothing reads the clock.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from gate.reporters import escape
from gate.reporters._common import Level, by_place, fingerprint_of, level, lines_label, reported

from gate.findings import Finding
from gate.report import Report

default_filename = "gate-junit.xml"


def render(report: Report) -> str:
    suite = ET.Element("testsuite", {"name": "gate"})
    properties = ET.SubElement(suite, "properties")
    for name, value in _properties(report):
        ET.SubElement(properties, "property", {"name": name, "value": escape.plain(value)})

    names: set[tuple[str, str]] = set()
    failures = errors = skipped = 0
    for finding in by_place(reported(report, "junit")):
        case = _case(suite, finding.path, f"{finding.rule_id} line {lines_label(finding)}", names)
        case.set("file", escape.one_line(finding.path))
        case.set("line", str(max(1, finding.start_line)))
        weight = level(report, finding)
        if weight is not Level.FAIL:  # warn or note: reported, not a failed test
            out = ET.SubElement(case, "system-out")
            out.text = escape.plain(f"{weight.value.upper()} (below fail_on={report.fail_on})\n")
            out.text += _details(finding)
            continue
        failure = ET.SubElement(
            case,
            "failure",
            {
                "type": finding.severity.value,
                "message": escape.one_line(finding.title or finding.message),
            },
        )
        failure.text = _details(finding)
        failures += 1

    with_findings = {f.path for f in reported(report, "junit")}
    for file in sorted(report.coverage, key=lambda c: c.path):
        if file.skipped:
            case = _case(suite, file.path, "not analysed", names)
            ET.SubElement(case, "skipped", {"message": escape.one_line(file.skipped)})
            skipped += 1
        elif file.path not in with_findings:
            case = _case(suite, file.path, "no findings", names)
            if file.scanners:
                out = ET.SubElement(case, "system-out")
                out.text = "analysed by " + escape.plain(", ".join(file.scanners))

    for scanner in sorted(report.scanners, key=lambda s: s.name):
        if scanner.status != "error":
            continue
        case = _case(suite, "gate.scanners", scanner.name, names)
        case.set("time", _seconds(scanner.duration))
        error = ET.SubElement(
            case, "error", {"type": "scanner-error", "message": escape.one_line(scanner.error)}
        )
        error.text = escape.plain(f"{scanner.name} {scanner.version} failed: {scanner.error}")
        errors += 1

    suite.set("tests", str(len(names)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", str(skipped))
    suite.set("time", _seconds(sum(s.duration for s in report.scanners)))
    root = ET.Element(
        "testsuites",
        {
            "name": "gate",
            "tests": str(len(names)),
            "failures": str(failures),
            "errors": str(errors),
            "time": suite.get("time", "0"),
        },
    )
    root.append(suite)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _case(suite: ET.Element, classname: str, name: str, seen: set[tuple[str, str]]) -> ET.Element:
    classname, name = escape.one_line(classname), escape.one_line(name)
    unique, n = name, 1
    while (classname, unique) in seen:
        n += 1
        unique = f"{name} ({n})"
    seen.add((classname, unique))
    return ET.SubElement(suite, "testcase", {"classname": classname, "name": unique, "time": "0"})


def _details(finding: Finding) -> str:
    lines = [
        f"{finding.severity.value.upper()} {finding.rule_id} at {finding.path}:"
        f"{lines_label(finding)}",
        "",
        finding.message,
    ]
    if finding.remediation:
        lines += ["", f"Fix: {finding.remediation}"]
    lines.append("")
    if finding.controls:
        lines.append("Controls: " + ", ".join(finding.controls))
    if finding.cwe:
        lines.append("CWE: " + ", ".join(finding.cwe))
    lines.append("Sources: " + ", ".join(finding.sources))
    lines.append("Fingerprint: " + fingerprint_of(finding))
    return escape.plain("\n".join(lines)) + "\n"


def _properties(report: Report) -> list[tuple[str, str]]:
    return [
        ("gate.version", report.gate_version),
        ("verdict", report.verdict.value),
        ("verdict.reason", report.verdict_reason),
        ("risk.tier", f"{report.risk.tier} ({report.risk.name})"),
        ("change", report.change.description),
        ("head_sha", report.change.head_sha),
    ]


def _seconds(value: float) -> str:
    return f"{max(0.0, value):.3f}"
