"""Are a PR's required review groups satisfied? Pure: approvals and memberships in, verdict out.

An approval counts for a group when the approver is a member (a listed user, or a member
of a listed org/team) and is independent of the change (PCI DSS 6.2.3.1): not the PR's
author, and neither the author nor the committer of its last commit. Approvals of an
older head never count (the caller passes only approvals of the current head). A team
whose members could not be read counts nobody: the group stays unsatisfied and the
problem is reported, never a silent pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from gate.report import ReviewGroup

__all__ = ["GroupStatus", "ReviewStatus", "evaluate"]


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupStatus:
    group: ReviewGroup
    approved_by: tuple[str, ...] = ()  # independent members who approved the head
    not_independent: tuple[str, ...] = ()  # members who approved but wrote the change

    @property
    def satisfied(self) -> bool:
        return len(self.approved_by) >= self.group.approvals

    def line(self) -> str:
        members = ", ".join(self.group.members)
        if self.satisfied:
            return f"{self.group.name}: approved by {', '.join(self.approved_by)}"
        missing = self.group.approvals - len(self.approved_by)
        text = f"{self.group.name}: waiting for {missing} more approval(s) from {members}"
        if self.approved_by:
            text += f" (approved so far: {', '.join(self.approved_by)})"
        if self.not_independent:
            text += (
                f"; not counted, author or last committer (PCI DSS 6.2.3.1): "
                f"{', '.join(self.not_independent)}"
            )
        return text


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewStatus:
    groups: tuple[GroupStatus, ...] = ()
    problems: tuple[str, ...] = ()  # teams that could not be resolved, ...

    @property
    def satisfied(self) -> bool:
        return all(g.satisfied for g in self.groups)

    @property
    def waiting(self) -> tuple[GroupStatus, ...]:
        return tuple(g for g in self.groups if not g.satisfied)

    def summary(self) -> str:
        if not self.groups:
            return "No approvals are required by routing."
        head = (
            "All required approvals are in."
            if self.satisfied
            else "Required approvals are missing: the check stays blocked until they are in."
        )
        lines = [head, *(f"- {g.line()}" for g in self.groups)]
        lines.extend(f"- problem: {p}" for p in self.problems)
        return "\n".join(lines)


def evaluate(
    groups: Iterable[ReviewGroup],
    approvers: Iterable[str],
    *,
    author: str,
    committers: Iterable[str] = (),
    members: Mapping[str, tuple[str, ...] | None],
    problems: Iterable[str] = (),
) -> ReviewStatus:
    """`members` maps each "org/team" to its member logins (None: could not be read)."""
    excluded = {author.lower()} | {c.lower() for c in committers if c}
    approved = list(dict.fromkeys(a for a in approvers if a))
    statuses = []
    for group in groups:
        allowed: set[str] = set()
        for member in group.members:
            if "/" in member:
                allowed.update(m.lower() for m in members.get(member) or ())
            else:
                allowed.add(member.lower())
        counted = tuple(a for a in approved if a.lower() in allowed and a.lower() not in excluded)
        refused = tuple(a for a in approved if a.lower() in allowed and a.lower() in excluded)
        statuses.append(GroupStatus(group=group, approved_by=counted, not_independent=refused))
    return ReviewStatus(groups=tuple(statuses), problems=tuple(problems))
