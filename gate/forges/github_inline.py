"""Inline review comments on GitHub: the top findings on changed lines, each posted once.

Each comment carries a hidden marker with the finding's fingerprint
(``<!-- gate:inline FINGERPRINT -->``); findings already commented on are skipped, and
never posted again, even after they were fixed.

Comments stay current: when a later run no longer reports a finding, its comment is
edited (``PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}``) to say "Fixed in
<sha>" (or "no longer reported", when it is now suppressed or waived) above the struck
original, with a second marker so it is edited once. The REST API cannot resolve review
threads (only GraphQL's resolveReviewThread can, which a workflow token often may not
call), so editing is the documented choice. The cap (`github.inline_comments`) counts the
gate's open comments already on the PR: a re-run posts only up to the remainder.
"""

from __future__ import annotations

import hashlib
from typing import Any

from gate.change.ci import CIContext
from gate.findings import Finding, Severity
from gate.forges.github_client import GitHubClient
from gate.forges.rest import ApiError
from gate.forges.sticky import ACTIONS_BOT, truncate
from gate.report import Report
from gate.reporters import escape
from gate.reporters._common import reported

__all__ = ["INLINE_MARKER", "RESOLVED_MARKER", "post_inline", "ranked"]

INLINE_MARKER = "<!-- gate:inline "  # followed by the fingerprint and " -->"
RESOLVED_MARKER = "<!-- gate:inline-resolved -->"


def ranked(findings: tuple[Finding, ...]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity.rank, f.path, f.start_line, f.rule_id))


def post_inline(
    client: GitHubClient,
    repo: str,
    ctx: CIContext,
    report: Report,
    cap: int,
    logins: frozenset[str] = frozenset({ACTIONS_BOT}),
) -> int:
    """One COMMENT review with the top new findings, up to `cap` open gate comments on the
    PR in all; comments of findings no longer reported are marked fixed. Only comments by
    the posting identity `logins` count (anyone else can type the marker). Returns how
    many comments were posted."""
    seen: set[str] = set()
    open_comments: dict[str, dict[str, Any]] = {}
    for comment in client.paginate(f"{repo}/pulls/{ctx.pull_request}/comments"):
        text = str(comment.get("body") or "") if isinstance(comment, dict) else ""
        author = (comment.get("user") or {}) if isinstance(comment, dict) else {}
        login = str(author.get("login") or "").lower() if isinstance(author, dict) else ""
        if INLINE_MARKER in text and login in logins:
            key = text.split(INLINE_MARKER, 1)[1].split(" ", 1)[0]
            seen.add(key)
            if RESOLVED_MARKER not in text:
                open_comments[key] = comment
    active = {_key(f) for f in report.active}
    known = {_key(f) for f in report.findings}
    for key, comment in open_comments.items():
        if key in active:
            continue
        why = (
            f"Fixed in {ctx.head_sha[:12]}"
            if key not in known
            else f"No longer reported at {ctx.head_sha[:12]} (suppressed, waived or filtered)"
        )
        try:
            client.request(
                "PATCH",
                f"{repo}/pulls/comments/{comment['id']}",
                json={"body": _resolved_body(str(comment.get("body") or ""), why)},
            )
        except ApiError as exc:
            if exc.status not in (403, 404):  # not ours to edit (a copied marker), or gone
                raise
    still_open = sum(1 for key in open_comments if key in active)
    budget = max(cap - still_open, 0)
    fresh = [
        f
        for f in ranked(reported(report))
        if f.severity.at_least(Severity.LOW) and _key(f) not in seen
    ][:budget]
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


def _resolved_body(body: str, why: str) -> str:
    marker, _, rest = body.partition("-->")
    original = "\n".join(
        f"~~{line}~~" if line.strip() else line for line in rest.strip().splitlines()
    )
    return f"{marker}-->{RESOLVED_MARKER}\n**{why}.**\n\n{original}"


def _key(finding: Finding) -> str:
    if finding.fingerprint:
        return finding.fingerprint
    material = f"{finding.rule_id}\x00{finding.path}\x00{finding.start_line}"
    return hashlib.sha256(material.encode("utf-8", "surrogateescape")).hexdigest()[:32]
