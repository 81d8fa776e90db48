"""gate's sticky PR comment on GitHub: found again by marker *and* author (see
`gate.forges.sticky`), updated in place, rechecked before a create is retried."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gate.change.ci import CIContext
from gate.forges.github_client import GitHubClient
from gate.forges.rest import ApiResponse
from gate.forges.sticky import ACTIONS_BOT, is_clean, is_ours, poster_logins
from gate.report import Report

__all__ = ["find_comment", "sticky_comment"]


def find_comment(
    client: GitHubClient, repo: str, number: int, logins: frozenset[str]
) -> dict[str, Any] | None:
    """gate's sticky comment: the marker *and* written by the posting identity."""
    for comment in client.paginate(f"{repo}/issues/{number}/comments"):
        if isinstance(comment, dict) and is_ours(comment, logins):
            return comment
    return None


def sticky_comment(
    client: GitHubClient,
    repo: str,
    ctx: CIContext,
    report: Report,
    body: str,
    options: Mapping[str, Any],
) -> tuple[str, str]:
    """Create, update or delete gate's PR comment: (what was done or "", its URL)."""
    logins = poster_logins(options, ACTIONS_BOT)
    existing = find_comment(client, repo, ctx.pull_request, logins)
    if options["delete_comment_when_clean"] and is_clean(report):
        if existing is None:
            return "", ""
        client.request("DELETE", f"{repo}/issues/comments/{existing['id']}")
        return "comment deleted (clean)", ""
    if existing is not None:
        url = str(existing.get("html_url") or "")
        if existing.get("body") == body:
            return "comment unchanged", url
        client.request("PATCH", f"{repo}/issues/comments/{existing['id']}", json={"body": body})
        return "comment updated", url

    def recheck() -> ApiResponse | None:
        found = find_comment(client, repo, ctx.pull_request, logins)
        if found is None:
            return None
        path = f"{repo}/issues/comments/{found['id']}"
        return client.request("PATCH", path, json={"body": body})

    created = client.request(
        "POST", f"{repo}/issues/{ctx.pull_request}/comments", json={"body": body}, recheck=recheck
    )
    return "comment created", str((created.data or {}).get("html_url") or "")
