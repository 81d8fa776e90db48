"""SARIF 2.1.0: the OASIS schema plus GitHub code scanning's extra rules (contracts/README.md)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import jsonschema
import pytest
from gate.reporters import sarif

from gate.findings import Status
from gate.report import Report
from tests.conftest import require_contract
from tests.reporters.conftest import many_findings_report


def _sarif(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(sarif.render(report))
    return data


def _validate(document: dict[str, Any]) -> None:
    schema = json.loads(require_contract("sarif/sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(document)


def _results_by_rule(document: dict[str, Any]) -> dict[tuple[str, int], dict[str, Any]]:
    results = document["runs"][0]["results"]
    return {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]): r
        for r in results
    }


@pytest.mark.parametrize("variant", ["report", "error_report", "clean_report"])
def test_valid_against_sarif_schema(variant: str, request: pytest.FixtureRequest) -> None:
    _validate(_sarif(request.getfixturevalue(variant)))


def test_github_required_fields_are_present_and_non_empty(report: Report) -> None:
    document = _sarif(report)
    assert document["version"] == "2.1.0" and document["$schema"]
    assert len(document["runs"]) <= 20
    ids = [run["automationDetails"]["id"] for run in document["runs"]]
    assert len(ids) == len(set(ids))
    for run in document["runs"]:
        assert run["tool"]["driver"]["name"] == "gate"
        assert run["originalUriBaseIds"]["%SRCROOT%"]
        for rule in run["tool"]["driver"]["rules"]:
            assert rule["id"]
            assert 0 < len(rule["shortDescription"]["text"]) <= 1024
            assert 0 < len(rule["fullDescription"]["text"]) <= 1024
            assert rule["help"]["text"] and rule["help"]["markdown"]
            assert len(rule["properties"]["tags"]) <= 20
            assert rule["properties"]["precision"] in {"very-high", "high", "medium", "low"}
        for result in run["results"]:
            assert result["message"]["text"]
            assert result["partialFingerprints"]["primaryLocationLineHash"]
            assert len(result["locations"]) == 1
            location = result["locations"][0]["physicalLocation"]
            assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            assert location["artifactLocation"]["uri"]
            region = location["region"]
            assert region["startLine"] >= 1 and region["startColumn"] >= 1
            assert region["endLine"] >= region["startLine"]
            rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
            assert rule["id"] == result["ruleId"]


def test_security_severity_follows_the_gate_scale(report: Report) -> None:
    report = dataclasses.replace(report, config={"show_below_warn_on": ["sarif"]})
    rules = {r["id"]: r for r in _sarif(report)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["pci-pan-logged"]["properties"]["security-severity"] == "9.5"
    assert rules["sql-injection"]["properties"]["security-severity"] == "8.0"
    assert rules["eh-swallowed-exception"]["properties"]["security-severity"] == "5.5"
    assert rules["B101"]["properties"]["security-severity"] == "3.0"
    tags = rules["pci-pan-logged"]["properties"]["tags"]
    assert "external/cwe/cwe-532" in tags and "pci-dss-4.0:3.5.1" in tags and "compliance" in tags


def test_levels_follow_fail_and_warn_thresholds(report: Report) -> None:
    results = _results_by_rule(_sarif(report))
    assert results[("pci-pan-logged", 42)]["level"] == "error"
    assert results[("eh-swallowed-exception", 58)]["level"] == "warning"
    assert ("B101", 8) not in results  # low: below warn_on, left out by default
    configured = dataclasses.replace(report, config={"show_below_warn_on": ["sarif"]})
    assert _results_by_rule(_sarif(configured))[("B101", 8)]["level"] == "note"


def test_suppressed_finding_kept_with_in_source_suppression(report: Report) -> None:
    result = _results_by_rule(_sarif(report))[("secret-generic-api-key", 5)]
    assert result["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "test fixture, not a real key"}
    ]


def test_outside_diff_finding_omitted(report: Report) -> None:
    assert ("sql-injection", 90) not in _results_by_rule(_sarif(report))
    assert ("sql-injection", 17) in _results_by_rule(_sarif(report))


def test_fingerprint_is_gates(report: Report) -> None:
    finding = next(f for f in report.active if f.rule_id == "pci-pan-logged")
    result = _results_by_rule(_sarif(report))[("pci-pan-logged", 42)]
    assert result["partialFingerprints"]["primaryLocationLineHash"] == finding.fingerprint


def test_scanner_error_makes_execution_unsuccessful(error_report: Report) -> None:
    invocation = _sarif(error_report)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "bandit" in note["message"]["text"]


def test_successful_run_has_no_notifications(report: Report) -> None:
    invocation = _sarif(report)["runs"][0]["invocations"][0]
    assert invocation == {"executionSuccessful": True}


def test_scanner_versions_recorded_as_extensions(report: Report) -> None:
    extensions = _sarif(report)["runs"][0]["tool"]["extensions"]
    assert {"name": "semgrep", "version": "1.150.0"}.items() <= extensions[-1].items() or any(
        e["name"] == "semgrep" and e["version"] == "1.150.0" for e in extensions
    )


def test_paths_are_percent_encoded_relative_uris(report: Report) -> None:
    finding = dataclasses.replace(report.active[0], path="src/my file#1.py")
    document = _sarif(dataclasses.replace(report, findings=(finding,)))
    uri = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"][
        "uri"
    ]
    assert uri == "src/my%20file%231.py"


def test_results_capped_at_github_limit_most_severe_kept(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sarif, "MAX_RESULTS", 100)
    big = many_findings_report(200)
    document = _sarif(big)
    results = document["runs"][0]["results"]
    assert len(results) == 100
    assert {r["properties"]["severity"] for r in results} == {"critical", "high"}
    notes = document["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert "100 less severe results left out" in notes[0]["message"]["text"]
    _validate(document)


def test_waived_finding_uses_external_suppression(report: Report) -> None:
    waived = report.active[0].mark(Status.WAIVED, "accepted risk until 2026-12-31")
    document = _sarif(dataclasses.replace(report, findings=(waived,)))
    [result] = document["runs"][0]["results"]
    assert result["suppressions"][0]["kind"] == "external"


def test_category_sets_the_automation_id_and_other_formats_are_unchanged(report: Report) -> None:
    from gate.reporters import render

    default = _sarif(report)["runs"][0]["automationDetails"]["id"]
    assert default == f"gate/{report.change.head_sha or 'local'}"
    backend = dataclasses.replace(report, category="gate/ci.yml:scan/services/pay/")
    other = dataclasses.replace(report, category="gate/ci.yml:scan/services/web")
    ids = {_sarif(r)["runs"][0]["automationDetails"]["id"] for r in (backend, other)}
    # everything before the last "/" is the category code scanning keeps apart
    assert {i.rpartition("/")[0] for i in ids} == {
        "gate/ci.yml:scan/services/pay",
        "gate/ci.yml:scan/services/web",
    }
    _validate(_sarif(backend))
    for name in ("markdown", "junit", "gitlab", "github-annotations", "summary"):
        assert render(name, backend) == render(name, report), name
