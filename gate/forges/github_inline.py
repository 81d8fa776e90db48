"""Inline review comments on GitHub: the top findings on changed lines, each posted once.

Each comment carries a hidden marker with the finding's fingerprint
(``<!-- gate:inline FINGERPRINT -->``); findings already commented on are skipped.
"""

from __future__ import annotations

import hashlib

from gate.change.ci import CIContext
from gate.findings import Finding, Severity
from gate.forges.github_client import GitHubClient
from gate.forges.sticky import truncate
from gate.report import Report
from gate.reporters import escape
from gate.reporters._common import reported

__all__ = ["INLINE_MARKER", "post_inline", "ranked"]

INLINE_MARKER = "<!-- gate:inline "  # followed by the fingerprint and " -->"


def ranked(findings: tuple[Finding, ...]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity.rank, f.path, f.start_line, f.rule_id))


def post_inline(client: GitHubClient, repo: str, ctx: CIContext, report: Report, cap: int) -> int:
    """One COMMENT review with the top-`cap` new findings; findings already commented on
    (marker with the fingerprint in an existing review comment) are skipped. Returns how
    many comments were posted."""
    seen: set[str] = set()
    for comment in client.paginate(f"{repo}/pulls/{ctx.pull_request}/comments"):
        text = str(comment.get("body") or "") if isinstance(comment, dict) else ""
        if INLINE_MARKER in text:
            seen.add(text.split(INLINE_MARKER, 1)[1].split(" ", 1)[0])
    fresh = [
        f
        for f in ranked(reported(report))
        if f.severity.at_least(Severity.LOW) and _key(f) not in seen
    ][:cap]
    if not fresh:
        return 0
    comments = [
        {
            "path": f.path.removeprefix("./"),
            "line": max(f.end_line, f.start_line, 1),
            "side": "RIGHT",
            "body": f"{INLINE_MARKER}{_key(f)} -->\n**{f.severity.value}** "
            f"{escape.md_code(f.rule_id)}: {escape.md_text(truncate(f.message, 4_000))}",
        }
        for f in fresh
    ]
    client.request(
        "POST",
        f"{repo}/pulls/{ctx.pull_request}/reviews",
        json={
            "commit_id": ctx.head_sha,
            "event": "COMMENT",
            "body": f"gate: {len(comments)} finding(s) on changed lines",
            "comments": comments,
        },
    )
    return len(comments)


def _key(finding: Finding) -> str:
    if finding.fingerprint:
        return finding.fingerprint
    material = f"{finding.rule_id}\x00{finding.path}\x00{finding.start_line}"
    return hashlib.sha256(material.encode("utf-8", "surrogateescape")).hexdigest()[:32]
