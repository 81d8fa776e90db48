"""GitHub Actions workflow commands: escaping and the 10 + 10 display limit."""

from __future__ import annotations

import dataclasses
import re

from gate.reporters import github_annotations

from gate.report import Report
from tests.reporters.conftest import many_findings_report

COMMAND = re.compile(r"^::(error|warning|notice)( [^:]*)?::[^\r\n]*$")


def test_every_line_is_one_workflow_command(report: Report) -> None:
    lines = github_annotations.render(report).splitlines()
    assert lines and all(COMMAND.match(line) for line in lines)


def test_levels_follow_thresholds_most_severe_first(report: Report) -> None:
    lines = github_annotations.render(report).splitlines()
    assert lines[0].startswith("::error file=app/payments/charge.py,line=42,endLine=42,col=9,")
    kinds = [line.split(" ", 1)[0] for line in lines]
    assert kinds == ["::error", "::error", "::error", "::warning"]


def test_finding_below_warn_on_is_not_annotated_unless_configured(report: Report) -> None:
    low = [f for f in report.active if f.severity.value == "low"]
    assert low, "the fixture report has a low finding"
    text = github_annotations.render(report)
    assert all(f"({f.rule_id})" not in text for f in low)
    shown = dataclasses.replace(report, config={"show_below_warn_on": ["github-annotations"]})
    notices = [line for line in github_annotations.render(shown).splitlines() if "::notice" in line]
    assert [n for n in notices if f"({low[0].rule_id})" in n]


def test_title_and_message_escaped(report: Report) -> None:
    pan = next(f for f in report.active if f.rule_id == "pci-pan-logged")
    finding = dataclasses.replace(
        pan,
        path="a,b:c.py",
        title="x, y: z",
        message="100%\n::add-mask::secret\r\n::stop-commands::tok",
    )
    [line] = github_annotations.render(
        dataclasses.replace(report, findings=(finding,))
    ).splitlines()
    assert "file=a%2Cb%3Ac.py," in line
    assert "title=critical%3A x%2C y%3A z (pci-pan-logged)::" in line
    assert line.endswith(
        "::100%25%0A::add-mask::secret%0A::stop-commands::tok%0AFix: Log a masked form (first 6 / "
        "last 4) or a token instead.%0Apci-dss-4.0:3.5.1, pci-dss-4.0:10.3, soc2:CC6.7, CWE-532"
    )


def test_at_most_ten_per_level_and_a_closing_notice(report: Report) -> None:
    lines = github_annotations.render(many_findings_report(100, base=report)).splitlines()
    kinds = [line.split(" ", 1)[0].split("::")[1] for line in lines]
    assert kinds.count("error") == 10 and kinds.count("warning") == 10
    assert kinds.count("notice") <= 10
    assert lines[-1].startswith("::notice title=gate::")
    left = int(re.search(r"(\d+) more findings", lines[-1]).group(1))  # type: ignore[union-attr]
    assert left == 100 - (len(lines) - 1)


def test_scanner_error_is_the_first_error(error_report: Report) -> None:
    first = github_annotations.render(error_report).splitlines()[0]
    assert first.startswith("::error title=gate%3A scanner bandit failed::")


def test_clean_report_emits_nothing(clean_report: Report) -> None:
    assert github_annotations.render(clean_report) == ""
