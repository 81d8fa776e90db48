"""The JSON report and its documented JSON Schema (reporters/schema/report.schema.json)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import jsonschema
import pytest
from gate.reporters import json_report

from gate.findings import Finding
from gate.report import (
    SCHEMA_VERSION,
    ChangeInfo,
    ControlStatus,
    FileCoverage,
    PackRef,
    Report,
    Risk,
    RiskSignal,
    ScannerRun,
)


def _validator() -> jsonschema.Draft202012Validator:
    schema = json_report.schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("variant", ["report", "error_report", "clean_report"])
def test_output_valid_against_documented_schema(
    variant: str, request: pytest.FixtureRequest
) -> None:
    _validator().validate(json.loads(json_report.render(request.getfixturevalue(variant))))


def test_round_trips_through_from_dict(report: Report) -> None:
    assert Report.from_dict(json.loads(json_report.render(report))) == report


def test_schema_version_matches_code() -> None:
    assert json_report.schema()["x-schema-version"] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("pointer", "kind"),
    [
        ("properties", Report),
        ("$defs/finding/properties", Finding),
        ("$defs/change/properties", ChangeInfo),
        ("$defs/file_coverage/properties", FileCoverage),
        ("$defs/scanner_run/properties", ScannerRun),
        ("$defs/pack/properties", PackRef),
        ("$defs/control/properties", ControlStatus),
        ("$defs/risk/properties", Risk),
        ("$defs/risk_signal/properties", RiskSignal),
    ],
)
def test_schema_documents_every_field(pointer: str, kind: type) -> None:
    node: Any = json_report.schema()
    for part in pointer.split("/"):
        node = node[part]
    fields = {f.name for f in dataclasses.fields(kind)}
    assert set(node) == fields, (
        f"{kind.__name__} and reporters/schema/report.schema.json disagree: update the schema"
    )


def test_schema_rejects_unknown_severity(report: Report) -> None:
    data = json.loads(json_report.render(report))
    data["findings"][0]["severity"] = "catastrophic"
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(data)


def test_schema_rejects_missing_verdict(report: Report) -> None:
    data = json.loads(json_report.render(report))
    del data["verdict"]
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(data)
