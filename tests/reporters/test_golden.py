"""One golden file per format for the realistic report (and the scanner-error variant).

Regenerate with ``GATE_REGEN_GOLDEN=1 pytest tests/reporters`` and review the diff.
"""

from __future__ import annotations

import gate.reporters as reporters
import pytest

from tests.reporters.conftest import build_error_report, build_report, check_golden

EXTENSIONS = {
    "terminal": "txt",
    "json": "json",
    "markdown": "md.golden",  # not .md: `ruff format` rewrites Python blocks in Markdown files
    "summary": "md.golden",
    "sarif": "sarif",
    "junit": "xml",
    "gitlab": "json",
    "github-annotations": "txt",
}


def test_every_format_has_a_golden_extension() -> None:
    assert set(EXTENSIONS) == set(reporters.FORMATS)


@pytest.mark.parametrize("name", sorted(EXTENSIONS))
def test_output_matches_golden(name: str) -> None:
    check_golden(f"{name}.{EXTENSIONS[name]}", reporters.render(name, build_report()))


@pytest.mark.parametrize("name", sorted(EXTENSIONS))
def test_scanner_error_output_matches_golden(name: str) -> None:
    text = reporters.render(name, build_error_report())
    check_golden(f"scanner-error/{name}.{EXTENSIONS[name]}", text)
