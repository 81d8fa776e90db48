"""GitLab Code Quality report, validated against contracts/gitlab/codequality-report.schema.json."""

from __future__ import annotations

import dataclasses
import json

import jsonschema
import pytest
from gate.reporters import gitlab_codequality

from gate.report import Report
from tests.conftest import require_contract


@pytest.mark.parametrize("variant", ["report", "error_report", "clean_report"])
def test_valid_against_contract(variant: str, request: pytest.FixtureRequest) -> None:
    schema = json.loads(require_contract("gitlab/codequality-report.schema.json").read_text())
    document = json.loads(gitlab_codequality.render(request.getfixturevalue(variant)))
    jsonschema.Draft7Validator(schema).validate(document)


def test_no_byte_order_mark(report: Report) -> None:
    assert not gitlab_codequality.render(report).encode("utf-8").startswith(b"\xef\xbb\xbf")


def test_only_active_findings_at_or_above_warn_on_listed(report: Report) -> None:
    issues = json.loads(gitlab_codequality.render(report))
    assert len(issues) == len(report.active) - 1  # the low B101 finding is below warn_on
    assert "B101" not in {i["check_name"] for i in issues}
    assert {i["check_name"] for i in issues} >= {"pci-pan-logged", "sql-injection"}
    assert "secret-generic-api-key" not in {i["check_name"] for i in issues}


def test_severity_mapping(report: Report) -> None:
    everything = dataclasses.replace(report, config={"show_below_warn_on": ["gitlab"]})
    issues = {i["check_name"]: i for i in json.loads(gitlab_codequality.render(everything))}
    assert issues["pci-pan-logged"]["severity"] == "critical"
    assert issues["sql-injection"]["severity"] == "major"
    assert issues["eh-swallowed-exception"]["severity"] == "minor"
    assert issues["B101"]["severity"] == "minor"


def test_location_uses_path_and_begin_line(report: Report) -> None:
    issues = {i["check_name"]: i for i in json.loads(gitlab_codequality.render(report))}
    assert issues["sql-injection"]["location"] == {
        "path": "app/db.py",
        "lines": {"begin": 17, "end": 19},
    }


def test_fingerprints_unique_even_when_findings_share_one(report: Report) -> None:
    a = report.active[0]
    b = dataclasses.replace(a, start_line=a.start_line + 1, end_line=a.end_line + 1)
    issues = json.loads(gitlab_codequality.render(dataclasses.replace(report, findings=(a, b))))
    assert len({i["fingerprint"] for i in issues}) == 2
