"""Reporters: one module per output format, each a pure ``render(report) -> str``.

`FORMATS` is the registry: format name -> a module with ``render`` and
``default_filename``. Nothing here writes files, reads the clock or the environment;
the CLI writes the returned string where it wants. A format's module is imported when it
is first used, so a hook run that prints only the terminal report does not load Jinja2.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Protocol

from gate.report import Report


class Reporter(Protocol):
    """What a format provides; the modules themselves satisfy it."""

    @property
    def default_filename(self) -> str: ...

    def render(self, report: Report) -> str: ...


_MODULES = {
    "terminal": "terminal",
    "json": "json_report",
    "markdown": "markdown",
    "summary": "summary",
    "sarif": "sarif",
    "junit": "junit",
    "gitlab": "gitlab_codequality",
    "github-annotations": "github_annotations",
}


class _Registry(Mapping[str, Reporter]):
    """Format name -> reporter module, imported on first use."""

    def __getitem__(self, name: str) -> Reporter:
        module: Reporter = importlib.import_module(f"{__name__}.{_MODULES[name]}")
        return module

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


FORMATS: Mapping[str, Reporter] = _Registry()


def render(name: str, report: Report) -> str:
    """Render `report` in format `name` (a key of `FORMATS`)."""
    try:
        reporter = FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise ValueError(f"unknown report format {name!r} (known: {known})") from None
    return reporter.render(report)
