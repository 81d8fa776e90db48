"""The pull-request comment: Markdown for GitHub (and GitLab) from one `Report`.

The first line is the hidden marker ``<!-- gate:report -->`` by which a poster finds and
updates its own comment. Then: verdict and risk tier, severity counts, active findings by
category in collapsible sections (file:line links to the PR head commit when the
repository and head sha are known; why, fix, controls/CWE, snippet), counts of findings
set aside, risk signals and required reviewers, the compliance control table, coverage,
and what is left for human review.

The comment stays within GitHub's 65,536-character limit: findings are dropped least
severe first with a note saying how many (see `reporters._mdreport`). Every value from the
pull request goes through `reporters.escape`.
"""

from __future__ import annotations

from gate.reporters._mdreport import COMMENT, MARKER, build

from gate.report import Report

__all__ = ["MARKER", "default_filename", "render"]

default_filename = "gate-comment.md"


def render(report: Report) -> str:
    return build(report, COMMENT)
