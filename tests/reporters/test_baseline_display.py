"""Pre-existing findings: folded in the terminal and Markdown, `baselineState` in SARIF."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import jsonschema
from gate.reporters import markdown, sarif, summary, terminal

from gate.findings import Status
from gate.report import Report
from tests.conftest import require_contract


def _with_baseline(report: Report) -> Report:
    """The fixture report with its first active finding pre-existing and states filled."""
    first = report.active[0]
    findings = []
    for finding in report.findings:
        if finding is first:
            finding = dataclasses.replace(
                finding.mark(Status.PRE_EXISTING, "pre-existing: same code at old|name.py:3 moved"),
                baseline_state="updated",
            )
        elif finding.is_active:
            finding = dataclasses.replace(finding, baseline_state="new")
        findings.append(finding)
    return dataclasses.replace(report, findings=tuple(findings))


def test_terminal_folds_pre_existing_findings_into_one_line(report: Report) -> None:
    text = terminal.render(_with_baseline(report))
    assert "1 pre-existing finding on lines this change touched" in text
    assert "same code at old|name.py:3" not in text  # folded: details only with --verbose
    verbose = terminal.render(_with_baseline(report), verbose=True)
    assert "pre-existing: " in verbose and "old|name.py:3" in verbose


def test_terminal_without_pre_existing_findings_has_no_such_line(report: Report) -> None:
    assert "pre-existing" not in terminal.render(report)


def test_markdown_lists_pre_existing_findings_in_a_closed_fold(report: Report) -> None:
    for render in (markdown.render, summary.render):
        text = render(_with_baseline(report))
        fold = text.split("<summary>1 pre-existing finding on lines this change touched", 1)
        assert len(fold) == 2 and fold[0].rstrip().endswith("<details>")
        assert "old\\|name.py:3" in fold[1]  # PR text escaped inside the table cell


def test_sarif_sets_baseline_state_and_pre_existing_results_are_notes(report: Report) -> None:
    document: dict[str, Any] = json.loads(sarif.render(_with_baseline(report)))
    results = document["runs"][0]["results"]
    old = [r for r in results if r.get("baselineState") == "updated"]
    assert len(old) == 1 and old[0]["level"] == "note"
    assert old[0]["properties"]["status"] == "pre-existing"
    new = [r for r in results if r.get("baselineState") == "new"]
    assert new and all(r["level"] in ("error", "warning", "note") for r in new)
    assert len(new) + 1 == len([r for r in results if "suppressions" not in r])
    schema = json.loads(require_contract("sarif/sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(document)


def test_sarif_without_baseline_has_no_baseline_state(report: Report) -> None:
    document: dict[str, Any] = json.loads(sarif.render(report))
    assert all("baselineState" not in r for r in document["runs"][0]["results"])
