from __future__ import annotations

import gate.reporters as reporters
import pytest

from gate.report import Report


def test_every_format_renders_a_string_ending_in_newline(report: Report) -> None:
    for name, reporter in reporters.FORMATS.items():
        text = reporters.render(name, report)
        assert text.endswith("\n"), name
        assert reporter.default_filename, name


def test_default_filenames_are_distinct() -> None:
    names = [r.default_filename for r in reporters.FORMATS.values()]
    assert len(names) == len(set(names))


def test_unknown_format_names_the_known_ones(report: Report) -> None:
    with pytest.raises(ValueError, match="sarif"):
        reporters.render("yaml", report)


@pytest.mark.parametrize("name", sorted(reporters.FORMATS))
def test_rendering_is_deterministic(name: str, report: Report) -> None:
    assert reporters.render(name, report) == reporters.render(name, report)
