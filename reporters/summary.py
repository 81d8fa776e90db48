"""Markdown for ``$GITHUB_STEP_SUMMARY`` (at most 1 MiB per step).

The same document as the PR comment without the hidden marker, with coverage expanded
and suppressed/waived findings listed with their reasons. Limit: 1,000,000 UTF-8 bytes,
below GitHub's 1 MiB; beyond it, findings are dropped least severe first with a note.
"""

from __future__ import annotations

from gate.reporters._mdreport import SUMMARY, build

from gate.report import Report

default_filename = "gate-summary.md"


def render(report: Report) -> str:
    return build(report, SUMMARY)
