"""JUnit XML validated against the Surefire-style junit-10.xsd contract."""

from __future__ import annotations

import dataclasses

import pytest
from gate.reporters import junit
from lxml import etree

from gate.findings import Severity, Status
from gate.report import Report, Verdict
from tests.conftest import require_contract


def _parse(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"))


_EXTENSION = ("file", "line")  # pytest's / GitLab's testcase attributes, not in Surefire's XSD


@pytest.mark.parametrize("variant", ["report", "error_report", "clean_report"])
def test_valid_against_junit_xsd(variant: str, request: pytest.FixtureRequest) -> None:
    schema = etree.XMLSchema(etree.parse(str(require_contract("junit/junit-10.xsd"))))
    document = _parse(junit.render(request.getfixturevalue(variant)))
    for case in document.iter("testcase"):
        for name in _EXTENSION:
            case.attrib.pop(name, None)
    assert schema.validate(document), schema.error_log


def test_only_fail_level_findings_are_failures(report: Report) -> None:
    root = _parse(junit.render(report))
    failed = root.findall(".//testcase[failure]")
    failing = [f for f in report.active if f.severity.at_least(Severity.parse(report.fail_on))]
    assert 0 < len(failing) < len(report.active)
    assert len(failed) == len(failing)
    suite = root.find("testsuite")
    assert suite is not None and suite.get("failures") == str(len(failing))
    below = root.find(".//testcase[@name='eh-swallowed-exception line 58-59']")
    assert below is not None and below.find("failure") is None
    out = below.find("system-out")
    assert out is not None and (out.text or "").startswith("WARN (below fail_on=high)")


def test_passing_gate_has_no_failed_test(report: Report) -> None:
    medium = tuple(
        dataclasses.replace(f, severity=Severity.MEDIUM) if f.status is Status.ACTIVE else f
        for f in report.findings
    )
    passing = dataclasses.replace(report, findings=medium, verdict=Verdict.WARN)
    root = _parse(junit.render(passing))
    assert root.findall(".//failure") == [] and root.get("failures") == "0"
    assert len(root.findall(".//testcase[system-out]")) >= len(passing.active)


def test_finding_testcases_carry_file_and_line(report: Report) -> None:
    root = _parse(junit.render(report))
    case = root.find(".//testcase[@name='sql-injection line 17-19']")
    assert case is not None
    assert (case.get("file"), case.get("line")) == ("app/db.py", "17")


def test_one_testcase_per_reported_finding(report: Report) -> None:
    root = _parse(junit.render(report))
    assert len(root.findall(".//testcase[@file]")) == len(report.active) - 1  # not B101


def test_findings_below_warn_on_have_no_testcase(report: Report) -> None:
    root = _parse(junit.render(report))
    assert root.find(".//testcase[@name='B101 line 8']") is None
    case = root.find(".//testcase[@name='pci-pan-logged line 42']")
    assert case is not None and case.get("classname") == "app/payments/charge.py"
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "critical"
    assert "Log a masked form" in (failure.text or "")


def test_analysed_file_without_findings_passes(report: Report) -> None:
    case = _parse(junit.render(report)).find(".//testcase[@classname='app/clean.py']")
    assert case is not None and case.find("failure") is None and case.find("skipped") is None


def test_unanalysed_file_is_skipped_with_reason(report: Report) -> None:
    case = _parse(junit.render(report)).find(".//testcase[@classname='docs/logo.png']")
    assert case is not None
    skipped = case.find("skipped")
    assert skipped is not None and skipped.get("message") == "binary file"


def test_scanner_error_is_an_errored_testcase(error_report: Report) -> None:
    root = _parse(junit.render(error_report))
    suite = root.find("testsuite")
    assert suite is not None and suite.get("errors") == "1"
    assert root.find(".//testcase[@name='bandit']/error") is not None


def test_counts_match_testcases(report: Report) -> None:
    suite = _parse(junit.render(report)).find("testsuite")
    assert suite is not None
    assert int(suite.get("tests", "0")) == len(suite.findall("testcase"))
    assert int(suite.get("failures", "0")) == len(suite.findall("testcase/failure"))


def test_duplicate_names_made_unique(report: Report) -> None:
    first = report.active[0]
    twin = dataclasses.replace(first, start_col=first.start_col + 10, fingerprint="other")
    root = _parse(junit.render(dataclasses.replace(report, findings=(first, twin))))
    names = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert len(names) == len(set(names))


def test_control_characters_from_the_pr_do_not_break_xml(report: Report) -> None:
    finding = dataclasses.replace(report.active[0], message="bad \x00\x1b[31m\x0c chars", title="")
    text = junit.render(dataclasses.replace(report, findings=(finding,)))
    assert "bad [31m chars" in text
    _parse(text)
