"""Who approved a pull request, on which commit: `GET /repos/{owner}/{repo}/pulls/{n}/reviews`.

Only a review whose latest state per reviewer is APPROVED and that was submitted on the
PR's current head commit counts: an approval of an earlier push does not approve what
was pushed after it, and a later "changes requested" or a dismissal withdraws it
(COMMENTED reviews leave the state as it was). Reviews come in chronological order.
"""

from __future__ import annotations

from dataclasses import dataclass

from gate.forges.github_client import GitHubClient
from gate.forges.rest import ApiError

__all__ = ["Approval", "approvals", "team_member"]

_DECISIVE = frozenset({"APPROVED", "CHANGES_REQUESTED", "DISMISSED"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Approval:
    login: str
    commit_id: str
    submitted_at: str


def approvals(
    client: GitHubClient, repository: str, number: int, head_sha: str
) -> tuple[Approval, ...]:
    """Current approvals of PR `number` in `repository` ("owner/name") on `head_sha`."""
    latest: dict[str, tuple[str, Approval]] = {}
    for review in client.paginate(f"repos/{repository}/pulls/{number}/reviews"):
        if not isinstance(review, dict):
            continue
        user = review.get("user")
        login = str(user.get("login") or "") if isinstance(user, dict) else ""
        state = str(review.get("state") or "").upper()
        if not login or state not in _DECISIVE:
            continue
        latest[login.lower()] = (
            state,
            Approval(
                login=login,
                commit_id=str(review.get("commit_id") or ""),
                submitted_at=str(review.get("submitted_at") or ""),
            ),
        )
    return tuple(
        approval
        for state, approval in latest.values()
        if state == "APPROVED" and head_sha and approval.commit_id == head_sha
    )


def team_member(client: GitHubClient, team: str, login: str) -> bool:
    """Is `login` an active member of `team` ("org/team-slug")? 404 means no.

    ``GET /orgs/{org}/teams/{team_slug}/memberships/{username}``; needs a token that can
    read the organization's teams (the Actions ``GITHUB_TOKEN`` often cannot: then this
    raises, and the caller treats the approval as missing).
    """
    org, _, slug = team.partition("/")
    if not org or not slug:
        return False
    try:
        data = client.get(f"orgs/{org}/teams/{slug}/memberships/{login}")
    except ApiError as exc:
        if exc.status == 404:
            return False
        raise
    return isinstance(data, dict) and data.get("state") == "active"
