"""Reviews on GitHub: who approved a PR's current head, who wrote it, who is in a team.

- `approvals`: ``GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews`` (every page). A
  reviewer's standing is their latest review that is not a plain comment (GitHub's rule:
  a later COMMENTED review does not withdraw an approval; DISMISSED and
  CHANGES_REQUESTED do). It counts only when that approval was given on `head_sha`.
- `last_committers`: author and committer logins of the PR's last commit
  (``GET .../pulls/{pull_number}/commits``; GitHub's own ``web-flow`` committer is not a
  person and is left out).
- `team_member`: one login's team membership, for waiver approvers (gate.policy.approval):
  ``GET /orgs/{org}/teams/{team_slug}/memberships/{username}``.
- `team_members`: ``GET /orgs/{org}/teams/{team_slug}/members``; the default
  ``GITHUB_TOKEN`` cannot read org teams, so `routing.teams` in `.gate.yml` can list the
  members instead (a token with ``read:org`` is needed otherwise).
- `review_status`: the three above combined with `gate.decision.approval.evaluate`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gate.decision.approval import ReviewStatus, evaluate
from gate.forges.github_client import GitHubClient
from gate.forges.rest import ApiError
from gate.report import ReviewGroup

__all__ = [
    "Approval",
    "approvals",
    "last_committers",
    "review_status",
    "team_member",
    "team_members",
]

_STANDING = frozenset({"APPROVED", "CHANGES_REQUESTED", "DISMISSED"})
_NOT_PEOPLE = frozenset({"web-flow", "github", ""})


@dataclass(frozen=True, slots=True, kw_only=True)
class Approval:
    login: str
    commit_id: str
    submitted_at: str


def approvals(
    client: GitHubClient, repository: str, number: int, head_sha: str
) -> tuple[Approval, ...]:
    """Standing approvals of `head_sha`, oldest first."""
    latest: dict[str, dict[str, Any]] = {}
    path = f"repos/{repository}/pulls/{number}/reviews"
    for review in client.paginate(path, {"per_page": 100}):
        if not isinstance(review, dict) or review.get("state") not in _STANDING:
            continue
        login = str((review.get("user") or {}).get("login") or "")
        if login:
            latest[login.lower()] = review  # the list is in chronological order
    found = [
        Approval(
            login=str(review["user"]["login"]),
            commit_id=str(review.get("commit_id") or ""),
            submitted_at=str(review.get("submitted_at") or ""),
        )
        for review in latest.values()
        if review.get("state") == "APPROVED" and review.get("commit_id") == head_sha
    ]
    return tuple(sorted(found, key=lambda a: a.submitted_at))


def last_committers(client: GitHubClient, repository: str, number: int) -> tuple[str, ...]:
    commits = list(client.paginate(f"repos/{repository}/pulls/{number}/commits", {"per_page": 100}))
    if not commits:
        return ()
    last = commits[-1] if isinstance(commits[-1], dict) else {}
    logins = [str((last.get(key) or {}).get("login") or "") for key in ("author", "committer")]
    return tuple(dict.fromkeys(n for n in logins if n.lower() not in _NOT_PEOPLE))


def team_members(client: GitHubClient, team: str) -> tuple[str, ...]:
    """Logins of "org/team" (raises `ApiError`, e.g. 403 without read:org)."""
    org, _, slug = team.partition("/")
    path = f"orgs/{org}/teams/{slug}/members"
    return tuple(
        str(m.get("login")) for m in client.paginate(path, {"per_page": 100}) if isinstance(m, dict)
    )


def review_status(
    client: GitHubClient,
    repository: str,
    number: int,
    head_sha: str,
    author: str,
    groups: tuple[ReviewGroup, ...],
    configured_teams: Mapping[str, Any] | None = None,
) -> ReviewStatus:
    """Whether `groups` have approved `head_sha` of PR `number`, independently."""
    if not groups:
        return ReviewStatus()
    teams = {m for g in groups for m in g.members if "/" in m}
    members: dict[str, tuple[str, ...] | None] = {}
    problems: list[str] = []
    listed = {str(k).lower(): v for k, v in (configured_teams or {}).items()}
    for team in sorted(teams):
        if team.lower() in listed:
            members[team] = tuple(str(m).lstrip("@") for m in listed[team.lower()])
            continue
        try:
            members[team] = team_members(client, team)
        except ApiError as exc:
            members[team] = None
            problems.append(
                f"cannot read the members of {team} ({exc}); list them in routing.teams "
                "or give the token read:org"
            )
    found = approvals(client, repository, number, head_sha)
    return evaluate(
        groups,
        (a.login for a in found),
        author=author,
        committers=last_committers(client, repository, number),
        members=members,
        problems=problems,
    )


def gated_conclusion(verdict_conclusion: str, status: ReviewStatus) -> str:
    """The check's conclusion once routing is taken into account: a failing verdict stays
    `failure`; otherwise missing required approvals make it `action_required` (a required
    status check then blocks the merge until the right people approve the head)."""
    if verdict_conclusion == "failure" or status.satisfied:
        return verdict_conclusion
    return "action_required"


def report_review_status(
    client: GitHubClient, repository: str, number: int, head_sha: str, author: str, report: Any
) -> ReviewStatus:
    """`review_status` for a `Report` (its required groups; teams from its routing.teams)."""
    routing = (report.config or {}).get("routing") if hasattr(report, "config") else None
    teams = routing.get("teams") if isinstance(routing, Mapping) else None
    return review_status(
        client, repository, number, head_sha, author, tuple(report.risk.required), teams
    )


def pull_context(client: GitHubClient, repository: str, number: int, *, run_url: str = "") -> Any:
    """A `CIContext` for PR `number` from the API (head and author as GitHub has them now)."""
    from gate.change.ci import CIContext

    pull = client.request("GET", f"repos/{repository}/pulls/{number}").data or {}
    return CIContext(
        provider="github",
        api_url=client.base_url,
        repository=repository,
        event="pull_request_review",
        pull_request=number,
        head_sha=str((pull.get("head") or {}).get("sha") or ""),
        base_ref=str((pull.get("base") or {}).get("ref") or ""),
        author=str((pull.get("user") or {}).get("login") or ""),
        run_url=run_url,
    )


def required_reviews(client: GitHubClient, ctx: Any, report: Any) -> ReviewStatus | None:
    """The review status of the PR in `ctx` when routing requires approvals, else None."""
    if not report.risk.required or not ctx.has_pull_request:
        return None
    return report_review_status(
        client, ctx.repository, ctx.pull_request, ctx.head_sha, ctx.author, report
    )


def pending_status(status: ReviewStatus | None) -> dict[str, str]:
    """Commit-status fields while approvals are missing (`{}` when none are)."""
    if status is None or status.satisfied:
        return {}
    waiting = "; ".join(g.group.name for g in status.waiting)
    return {"state": "pending", "description": f"waiting for approvals: {waiting}"[:140]}


def gated_check(
    client: GitHubClient, ctx: Any, report: Any, state: str, output: dict[str, Any]
) -> str:
    """The check run's conclusion with required approvals applied; the approvals' summary
    goes on top of `output` (edited in place)."""
    review = required_reviews(client, ctx, report)
    if review is None:
        return state
    state = gated_conclusion(state, review)
    output["summary"] = f"{review.summary()}\n\n{output['summary']}"[:65_535]
    if state == "action_required":
        output["title"] = f"waiting for approvals; {output['title']}"[:255]
    return state


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
