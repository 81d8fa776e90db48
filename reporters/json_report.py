"""The full report as JSON: ``Report.to_json()``, versioned by ``schema_version``.

Its shape is documented by ``reporters/schema/report.schema.json`` (JSON Schema 2020-12),
which the tests validate every rendered report against. Every finding is included,
suppressed, waived, excluded and out-of-diff ones too, each with its status and reason.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from gate.report import Report

default_filename = "gate-report.json"


def render(report: Report) -> str:
    return report.to_json()


def schema() -> dict[str, Any]:
    """The JSON Schema of the rendered document (shipped in the wheel)."""
    text = (
        resources.files("gate.reporters").joinpath("schema/report.schema.json").read_text("utf-8")
    )
    loaded: dict[str, Any] = json.loads(text)
    return loaded
