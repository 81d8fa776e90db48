"""JUnit XML validated against the Surefire-style junit-10.xsd contract."""

from __future__ import annotations

import dataclasses

import pytest
from gate.reporters import junit
from lxml import etree

from gate.report import Report
from tests.conftest import require_contract


def _parse(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"))


@pytest.mark.parametrize("variant", ["report", "error_report", "clean_report"])
def test_valid_against_junit_xsd(variant: str, request: pytest.FixtureRequest) -> None:
    schema = etree.XMLSchema(etree.parse(str(require_contract("junit/junit-10.xsd"))))
    document = _parse(junit.render(request.getfixturevalue(variant)))
    assert schema.validate(document), schema.error_log


def test_one_failed_testcase_per_active_finding_at_or_above_warn_on(report: Report) -> None:
    root = _parse(junit.render(report))
    failed = root.findall(".//testcase[failure]")
    assert len(failed) == len(report.active) - 1  # the low B101 finding is below warn_on
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
