"""The sticky comment both forges share: one body per report, found again by its marker.

The PR comment (GitHub) and the MR note (GitLab) start with the hidden marker
``<!-- gate:report -->``; a poster updates the comment carrying it instead of adding
another. The body is the Markdown report, capped at the forge's limit.
"""

from __future__ import annotations

from collections.abc import Callable

from gate.report import Report, Verdict
from gate.reporters import escape
from gate.reporters._common import reported

__all__ = ["COMMENT_LIMIT", "MARKER", "Render", "comment_body", "is_clean", "truncate"]

MARKER = "<!-- gate:report -->"
COMMENT_LIMIT = 65_536

Render = Callable[[Report], str]


def comment_body(report: Report, render: Render | None) -> str:
    if render is None:
        try:
            from gate.reporters.markdown import (  # type: ignore[import-not-found,import-untyped,unused-ignore]
                render as markdown_render,
            )
        except ImportError:  # the markdown reporter has not landed: minimal body
            markdown_render = fallback_markdown
        render = markdown_render
    body = render(report)
    if not body.startswith(MARKER):
        body = f"{MARKER}\n{body}"
    return truncate(body, COMMENT_LIMIT)


def fallback_markdown(report: Report) -> str:
    counts = ", ".join(f"{n} {s}" for s, n in report.severity_counts().items() if n)
    return (
        f"{MARKER}\n## gate: {report.verdict.value}\n\n{escape.md_text(report.verdict_reason)}\n\n"
        f"Active findings: {counts or 'none'}\n"
    )


def is_clean(report: Report) -> bool:
    return report.verdict is Verdict.PASS and not reported(report)


def truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    suffix = "\n\n… (truncated)" if limit > 200 else "…"
    return text[: limit - len(suffix)] + suffix
