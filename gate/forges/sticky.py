"""The sticky comment both forges share: one body per report, found again by its marker.

The PR comment (GitHub) and the MR note (GitLab) start with the hidden marker
``<!-- gate:report -->``; a poster updates the comment carrying it instead of adding
another. The body is the Markdown report, capped at the forge's limit.

Anyone can type the marker, so a comment is gate's only when its *author* is the posting
identity as well: ``github-actions[bot]`` for the Actions ``GITHUB_TOKEN``, the token's
user on GitLab, or the login set as ``bot_login`` in the ``github:`` section (a GitHub
App's ``<slug>[bot]``, a machine user). Comments by anyone else are left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from gate.report import Report, Verdict
from gate.reporters import escape
from gate.reporters._common import reported

__all__ = [
    "ACTIONS_BOT",
    "COMMENT_LIMIT",
    "MARKER",
    "Render",
    "comment_body",
    "is_clean",
    "is_ours",
    "poster_logins",
    "truncate",
]

MARKER = "<!-- gate:report -->"
COMMENT_LIMIT = 65_536
ACTIONS_BOT = "github-actions[bot]"  # the author of comments made with GITHUB_TOKEN

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


def poster_logins(settings: Mapping[str, Any], default: str) -> frozenset[str]:
    """The logins gate posts as: the configured `bot_login`, else the forge's default."""
    configured = str(settings.get("bot_login") or "").strip()
    return frozenset({(configured or default).lower()} - {""})


def is_ours(item: Mapping[str, Any], logins: frozenset[str], author_key: str = "user") -> bool:
    """A comment (GitHub `user.login`) or note (GitLab `author.username`) gate wrote:
    it starts with the marker *and* its author is the posting identity."""
    if not str(item.get("body") or "").startswith(MARKER):
        return False
    author = item.get(author_key) or {}
    name = author.get("login") or author.get("username") if isinstance(author, Mapping) else ""
    return bool(name) and str(name).lower() in logins
