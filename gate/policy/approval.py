"""Who may approve a waiver the PR adds: a configured approver who is not its author.

`approved_by_review` answers for one waiver from what the forge said about the PR
(`Reviews`): an approving review on the PR's current head by a login listed in
`waivers.approvers` (or an active member of a team in `waivers.approver_teams`) that
the waiver names in `approved_by`, and that is neither the PR's author nor the
waiver's author. Anything unreadable counts as no approval.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gate.errors import GateError
from gate.policy.waivers import Waiver

if TYPE_CHECKING:  # the forge client (and requests) loads only when a PR is asked
    from gate.forges.reviews import Approval

__all__ = ["ReviewSource", "Reviews", "approved_by_review"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Reviews:
    """What the forge says about the PR: its author and current approvals."""

    pr_author: str = ""
    head_sha: str = ""
    approvals: tuple[Approval, ...] = ()
    error: str = ""  # why the approvals could not be read ("" when they were)
    member_of: Callable[[str, str], bool] | None = None  # (org/team, login) -> member?


ReviewSource = Callable[[], Reviews]  # called at most once, only when the PR adds waivers


def approved_by_review(
    waiver: Waiver, reviews: Reviews, settings: Mapping[str, Any]
) -> tuple[tuple[str, ...], str]:
    """(approvers whose review makes it count, or () and why it is pending)."""
    approvers = {a.lower(): a for a in settings.get("approvers", ())}
    teams = {t.lower(): t for t in settings.get("approver_teams", ())}
    excluded = {reviews.pr_author.lower(), waiver.written_by.lower()} - {""}
    named = {n.lower().lstrip("@") for n in waiver.approved_by}
    users = sorted(a for key, a in approvers.items() if key not in excluded and key in named)
    named_teams = sorted(t for key, t in teams.items() if key in named)
    if not approvers and not teams:
        return (), (
            "pending approval: no approvers configured (waivers.approvers or "
            "waivers.approver_teams on the base branch)"
        )
    if not users and not named_teams:
        configured = ", ".join(sorted(approvers.values()) + sorted(teams.values()))
        return (), (
            "pending approval: approved_by names no configured approver other than the PR's "
            f"author and the waiver's author (approvers: {configured})"
        )
    wanted = " or ".join(users + [f"a member of {t}" for t in named_teams])
    if reviews.error:
        return (), f"pending approval by {wanted} (reviews could not be read: {reviews.error})"
    got: list[str] = []
    for approval in reviews.approvals:
        key = approval.login.lower()
        if key in excluded or (reviews.head_sha and approval.commit_id != reviews.head_sha):
            continue
        if key in {u.lower() for u in users}:
            got.append(approval.login)
            continue
        team = next((t for t in named_teams if _member(reviews, t, approval.login)), "")
        if team:
            got.append(f"{approval.login} ({team})")
    if got:
        return tuple(sorted(got)), ""
    return (), f"pending approval by {wanted} (an approving review on the PR's head commit)"


def _member(reviews: Reviews, team: str, login: str) -> bool:
    if reviews.member_of is None:
        return False
    try:
        return reviews.member_of(team, login)
    except GateError:
        return False  # membership unreadable: the approval does not count
