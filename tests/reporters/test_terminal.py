"""Terminal output rendered by rich into a string."""

from __future__ import annotations

import dataclasses

from gate.reporters import terminal

from gate.report import Report


def test_verdict_risk_and_reason_first(report: Report) -> None:
    lines = terminal.render(report).splitlines()
    assert lines[0].startswith("gate: FAIL") and "risk tier 3 (high)" in lines[0]
    assert report.verdict_reason in lines[1]
    assert report.change.description in lines[2]


def test_findings_grouped_by_file_with_details(report: Report) -> None:
    text = terminal.render(report)
    db = text.index("\napp/db.py\n")
    charge = text.index("\napp/payments/charge.py\n")
    assert db < text.index("sql-injection  line 17-19") < charge
    assert "fix: Use bound parameters" in text
    assert "CWE-89 · pci-dss-4.0:6.2.4 · from semgrep, bandit" in text


def test_set_aside_counted_not_listed(report: Report) -> None:
    text = terminal.render(report)
    assert "Not counted: 1 suppressed inline, 1 outside the diff" in text
    assert "tests/fixtures.py" not in text.split("Coverage")[0]


def test_verbose_lists_set_aside_findings_and_snippets(report: Report) -> None:
    text = terminal.render(report, verbose=True)
    assert "suppressed inline: tests/fixtures.py:5 secret-generic-api-key" in text
    assert "test fixture, not a real key" in text
    assert 'logger.info("charging card %s", card.number)' in text


def test_coverage_lists_scanners_and_unanalysed_files(report: Report) -> None:
    coverage = terminal.render(report).split("\nCoverage\n", 1)[1]
    assert "semgrep" in coverage and "1.150.0" in coverage and "3.21s" in coverage
    assert "docs/logo.png  binary file" in coverage


def test_clean_report_quiet_but_shows_what_ran(clean_report: Report) -> None:
    text = terminal.render(clean_report)
    assert "No findings." in text
    assert "Not counted" not in text and "Notes" not in text
    assert "semgrep" in text and "1 file analysed" in text


def test_no_scanner_ran_is_said_loudly(clean_report: Report) -> None:
    text = terminal.render(dataclasses.replace(clean_report, scanners=()))
    assert "No scanner ran: nothing was checked." in text


def test_scanner_error_shown(error_report: Report) -> None:
    text = terminal.render(error_report)
    assert text.startswith("gate: ERROR")
    assert "bandit failed: bandit exited 2" in text


def test_no_ansi_without_color_and_ansi_with_it(report: Report) -> None:
    assert "\x1b[" not in terminal.render(report)
    assert "\x1b[" in terminal.render(report, color=True)


def test_pr_text_cannot_inject_markup_or_escapes(report: Report) -> None:
    finding = dataclasses.replace(
        report.active[0], message="[bold red]x[/] \x1b[2J\x1b]0;title\x07 done", title=""
    )
    text = terminal.render(dataclasses.replace(report, findings=(finding,)), color=True)
    assert "[bold red]x[/]" in text
    assert "\x1b[2J" not in text and "\x1b]0;" not in text


def test_width_is_respected(report: Report) -> None:
    assert all(len(line) <= 60 for line in terminal.render(report, width=60).splitlines())
