"""Reporters: one module per output format, each a pure ``render(report) -> str``.

`FORMATS` is the registry: format name -> a module with ``render`` and
``default_filename``. Nothing here writes files, reads the clock or the environment;
the CLI writes the returned string where it wants.
"""

from __future__ import annotations

from typing import Protocol

from gate.reporters import (
    github_annotations,
    gitlab_codequality,
    json_report,
    junit,
    markdown,
    sarif,
    summary,
    terminal,
)

from gate.report import Report


class Reporter(Protocol):
    """What a format provides; the modules themselves satisfy it."""

    @property
    def default_filename(self) -> str: ...

    def render(self, report: Report) -> str: ...


FORMATS: dict[str, Reporter] = {
    "terminal": terminal,
    "json": json_report,
    "markdown": markdown,
    "summary": summary,
    "sarif": sarif,
    "junit": junit,
    "gitlab": gitlab_codequality,
    "github-annotations": github_annotations,
}


def render(name: str, report: Report) -> str:
    """Render `report` in format `name` (a key of `FORMATS`)."""
    try:
        reporter = FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise ValueError(f"unknown report format {name!r} (known: {known})") from None
    return reporter.render(report)
