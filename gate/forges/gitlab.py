"""Post a `Report` to a GitLab merge request as one sticky note.

``GET /projects/:id/merge_requests/:iid/notes`` (every page) finds the note whose body
starts with the hidden marker ``<!-- gate:report -->``; it is updated with ``PUT`` or,
when absent, created with ``POST`` (rechecked before any retry, so never twice).
Auth is the ``PRIVATE-TOKEN`` header: ``CI_JOB_TOKEN`` cannot write notes, so a
project or group access token is needed; a 403 degrades to a fallback `PostResult`.
Retries, timeouts and token hygiene come from `RestClient`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

from gate.change.ci import CIContext
from gate.forges.rest import ApiError, ApiResponse, PostResult, RestClient
from gate.forges.sticky import comment_body, is_ours, poster_logins
from gate.report import Report, Verdict
from gate.reporters._common import reported

__all__ = ["GitLabClient", "post_to_gitlab"]

NOTE_LIMIT = 1_000_000


class GitLabClient(RestClient):
    """GitLab REST v4 at ``CI_API_V4_URL`` (``https://gitlab.example/api/v4``)."""

    service = "GitLab"

    def _auth_headers(self, token: str) -> dict[str, str]:
        return {"PRIVATE-TOKEN": token} if token else {}

    def _extra_headers(self) -> dict[str, str]:
        return {"Accept": "application/json"}


def post_to_gitlab(
    report: Report,
    ctx: CIContext,
    client: GitLabClient,
    settings: Mapping[str, Any] | None = None,
    *,
    render: Callable[[Report], str] | None = None,
) -> PostResult:
    """Create or update the MR note. `settings` reads ``comment`` and
    ``delete_comment_when_clean`` (the same keys as the ``github:`` section)."""
    options = {"comment": True, "delete_comment_when_clean": False, **(settings or {})}
    target = f"gitlab project {ctx.repository} !{ctx.pull_request}"
    if not ctx.has_pull_request or not options["comment"]:
        return PostResult(target=target)
    notes = f"projects/{quote(ctx.repository, safe='')}/merge_requests/{ctx.pull_request}/notes"
    body = comment_body(report, render)[:NOTE_LIMIT]
    try:
        done = _sticky_note(
            client,
            notes,
            report,
            body,
            bool(options["delete_comment_when_clean"]),
            _identity(client, options),
        )
    except ApiError as exc:
        if not exc.forbidden:
            raise
        return PostResult(target=target, denied=("note",))
    return PostResult(target=target, done=(done,))


def _find_note(client: GitLabClient, notes: str, logins: frozenset[str]) -> dict[str, Any] | None:
    """gate's sticky note: the marker *and* written by the token's user (or `bot_login`)."""
    for note in client.paginate(notes, {"sort": "asc", "order_by": "created_at"}):
        if isinstance(note, dict) and is_ours(note, logins, author_key="author"):
            return note
    return None


def _identity(client: GitLabClient, settings: Mapping[str, Any]) -> frozenset[str]:
    """Who gate posts as: the configured `bot_login`, else the token's user (`GET /user`)."""
    if str(settings.get("bot_login") or "").strip():
        return poster_logins(settings, "")
    try:
        data = client.request("GET", "user").data
    except ApiError:
        return frozenset()  # unknown: no existing note is trusted, a new one is created
    name = str(data.get("username") or "") if isinstance(data, dict) else ""
    return frozenset({name.lower()} - {""})


def _sticky_note(
    client: GitLabClient,
    notes: str,
    report: Report,
    body: str,
    delete_when_clean: bool,
    logins: frozenset[str] = frozenset(),
) -> str:
    existing = _find_note(client, notes, logins)
    if delete_when_clean and report.verdict is Verdict.PASS and not reported(report):
        if existing is None:
            return "nothing to delete (clean)"
        client.request("DELETE", f"{notes}/{existing['id']}")
        return "note deleted (clean)"
    if existing is not None:
        if existing.get("body") == body:
            return "note unchanged"
        client.request("PUT", f"{notes}/{existing['id']}", json={"body": body})
        return "note updated"

    def recheck() -> ApiResponse | None:
        found = _find_note(client, notes, logins)
        if found is None:
            return None
        return client.request("PUT", f"{notes}/{found['id']}", json={"body": body})

    client.request("POST", notes, json={"body": body}, recheck=recheck)
    return "note created"
