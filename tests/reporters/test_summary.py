"""The step summary: same document, no marker, suppressed listed, 1 MiB limit."""

from __future__ import annotations

import re

from gate.reporters import summary

from gate.report import Report
from tests.reporters.conftest import many_findings_report

STEP_SUMMARY_LIMIT = 1024 * 1024


def test_no_hidden_marker(report: Report) -> None:
    assert "<!-- gate:report -->" not in summary.render(report)


def test_suppressed_findings_listed_with_reason(report: Report) -> None:
    text = summary.render(report)
    assert "`tests/fixtures.py:5`" in text and "test fixture, not a real key" in text


def test_coverage_expanded(report: Report) -> None:
    assert "<details open>\n<summary>Coverage:" in summary.render(report)


def test_many_findings_fit_in_one_mebibyte(report: Report) -> None:
    text = summary.render(many_findings_report(12_000, base=report))
    assert len(text.encode("utf-8")) <= STEP_SUMMARY_LIMIT
    assert re.search(r"\d+ of 12000 findings are not shown", text)


def test_a_few_thousand_findings_all_shown(report: Report) -> None:
    text = summary.render(many_findings_report(2_000, base=report))
    assert text.count("**Why:**") == 2_000
    assert "are not shown" not in text
