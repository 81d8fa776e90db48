"""The SLA's view of GitHub and GitLab (`gate.decision.sla.SlaForge`).

GitHub: ``GET /repos/{owner}/{repo}/pulls?state=open``, the issue timeline for the last
``ready_for_review`` event, ``pulls/{n}/reviews``, issue comments for the marker, and
comments, labels and review requests to escalate.

GitLab: ``GET /projects/:id/merge_requests?state=opened``, system notes ("marked this
merge request as **ready**") for the ready time, ``merge_requests/:iid/approvals`` (an
approval is GitLab's only review state), MR notes for the marker, notes and
``add_labels`` to escalate. GitLab needs user ids to assign reviewers, so a `reviewers`
level mentions them in its note instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import quote

from gate.decision.business_hours import parse_time
from gate.decision.sla import Note, OpenPR
from gate.forges.github_client import GitHubClient
from gate.forges.gitlab import GitLabClient

__all__ = ["GitHubSlaForge", "GitLabSlaForge"]

_READY_NOTES = ("marked this merge request as **ready**", "marked this merge request as ready")


def _login(user: Any, key: str = "login") -> str:
    return str(user.get(key) or "") if isinstance(user, dict) else ""


class GitHubSlaForge:
    def __init__(self, client: GitHubClient, repo: str) -> None:
        self.client, self.repo = client, repo
        self._created: dict[int, datetime] = {}

    def open_prs(self) -> Iterator[OpenPR]:
        path = f"repos/{self.repo}/pulls"
        for pull in self.client.paginate(path, {"state": "open", "per_page": 100}):
            if not isinstance(pull, dict):
                continue
            owner = self.repo.partition("/")[0]
            requested = [_login(u) for u in pull.get("requested_reviewers") or ()]
            requested += [f"{owner}/{t.get('slug')}" for t in pull.get("requested_teams") or ()]
            number = int(pull["number"])
            created = parse_time(str(pull["created_at"]))
            self._created[number] = created
            yield OpenPR(
                number=number,
                title=str(pull.get("title") or ""),
                url=str(pull.get("html_url") or ""),
                author=_login(pull.get("user")),
                labels=tuple(_login(label, "name") for label in pull.get("labels") or ()),
                draft=bool(pull.get("draft")),
                created_at=created,
                requested=tuple(r for r in requested if r and not r.endswith("/None")),
                head_sha=str((pull.get("head") or {}).get("sha") or ""),
            )

    def ready_at(self, pr: OpenPR) -> datetime:
        ready = pr.created_at
        path = f"repos/{self.repo}/issues/{pr.number}/timeline"
        for event in self.client.paginate(path, {"per_page": 100}):
            if isinstance(event, dict) and event.get("event") == "ready_for_review":
                ready = max(ready, parse_time(str(event["created_at"])))
        return ready

    def required_pending(self, pr: OpenPR) -> bool | None:
        """True while the head's latest `gate` check run waits for required approvals."""
        if not pr.head_sha:
            return None
        path = f"repos/{self.repo}/commits/{pr.head_sha}/check-runs?check_name=gate&filter=latest"
        runs = (self.client.request("GET", path).data or {}).get("check_runs") or []
        return runs[0].get("conclusion") == "action_required" if runs else None

    def reviews(self, pr: OpenPR) -> tuple[tuple[str, str], ...]:
        path = f"repos/{self.repo}/pulls/{pr.number}/reviews"
        return tuple(
            (_login(r.get("user")), str(r.get("state") or ""))
            for r in self.client.paginate(path, {"per_page": 100})
            if isinstance(r, dict)
        )

    def notes(self, pr: OpenPR) -> Iterator[Note]:
        path = f"repos/{self.repo}/issues/{pr.number}/comments"
        for comment in self.client.paginate(path, {"per_page": 100}):
            if isinstance(comment, dict):
                user = comment.get("user") or {}
                login = _login(user)
                is_bot = (user.get("type") == "Bot") or login.endswith("[bot]")
                yield Note(author=login, body=str(comment.get("body") or ""), is_bot=is_bot)

    def comment(self, number: int, body: str) -> None:
        path = f"repos/{self.repo}/issues/{number}/comments"
        self.client.request("POST", path, json={"body": body})

    def notify(self, issue: int, body: str) -> None:
        self.comment(issue, body)

    def add_label(self, pr: OpenPR, label: str) -> None:
        path = f"repos/{self.repo}/issues/{pr.number}/labels"
        self.client.request("POST", path, json={"labels": [label]})

    def request_reviewers(self, pr: OpenPR, reviewers: tuple[str, ...]) -> None:
        users = sorted({r for r in reviewers if "/" not in r})
        teams = sorted({r.partition("/")[2] for r in reviewers if "/" in r})
        body = {k: v for k, v in (("reviewers", users), ("team_reviewers", teams)) if v}
        if body:
            path = f"repos/{self.repo}/pulls/{pr.number}/requested_reviewers"
            self.client.request("POST", path, json=body)


class GitLabSlaForge:
    def __init__(self, client: GitLabClient, project: str) -> None:
        self.client = client
        self.project = quote(project, safe="")

    def _mr(self, iid: int) -> str:
        return f"projects/{self.project}/merge_requests/{iid}"

    def open_prs(self) -> Iterator[OpenPR]:
        path = f"projects/{self.project}/merge_requests"
        for mr in self.client.paginate(path, {"state": "opened", "per_page": 100}):
            if not isinstance(mr, dict):
                continue
            yield OpenPR(
                number=int(mr["iid"]),
                title=str(mr.get("title") or ""),
                url=str(mr.get("web_url") or ""),
                author=_login(mr.get("author"), "username"),
                labels=tuple(str(label) for label in mr.get("labels") or ()),
                draft=bool(mr.get("draft") or mr.get("work_in_progress")),
                created_at=parse_time(str(mr["created_at"])),
                requested=tuple(_login(r, "username") for r in mr.get("reviewers") or ()),
            )

    def _all_notes(self, pr: OpenPR) -> Iterator[dict[str, Any]]:
        params: dict[str, str | int] = {"sort": "asc", "order_by": "created_at", "per_page": 100}
        for note in self.client.paginate(f"{self._mr(pr.number)}/notes", params):
            if isinstance(note, dict):
                yield note

    def ready_at(self, pr: OpenPR) -> datetime:
        ready = pr.created_at
        for note in self._all_notes(pr):
            body = str(note.get("body") or "")
            if note.get("system") and any(body.startswith(text) for text in _READY_NOTES):
                ready = max(ready, parse_time(str(note["created_at"])))
        return ready

    def _approvals(self, pr: OpenPR) -> dict[str, Any]:
        data = self.client.request("GET", f"{self._mr(pr.number)}/approvals").data
        return data if isinstance(data, dict) else {}

    def required_pending(self, pr: OpenPR) -> bool | None:
        """True while GitLab's approval rules (CODEOWNERS sections, ...) have approvals left."""
        left = self._approvals(pr).get("approvals_left")
        return left > 0 if isinstance(left, int) else None

    def reviews(self, pr: OpenPR) -> tuple[tuple[str, str], ...]:
        data = self._approvals(pr)
        return tuple(
            (_login(item.get("user"), "username"), "APPROVED")
            for item in data.get("approved_by") or ()
            if isinstance(item, dict)
        )

    def notes(self, pr: OpenPR) -> Iterator[Note]:
        for note in self._all_notes(pr):
            if note.get("system"):
                continue
            author = note.get("author") or {}
            login = _login(author, "username")
            is_bot = bool(author.get("bot")) or "_bot" in login  # project/group access tokens
            yield Note(author=login, body=str(note.get("body") or ""), is_bot=is_bot)

    def comment(self, number: int, body: str) -> None:
        self.client.request("POST", f"{self._mr(number)}/notes", json={"body": body})

    def notify(self, issue: int, body: str) -> None:
        path = f"projects/{self.project}/issues/{issue}/notes"
        self.client.request("POST", path, json={"body": body})

    def add_label(self, pr: OpenPR, label: str) -> None:
        self.client.request("PUT", self._mr(pr.number), json={"add_labels": label})

    def request_reviewers(self, pr: OpenPR, reviewers: tuple[str, ...]) -> None:
        mentions = " ".join(f"@{r}" for r in reviewers)
        self.comment(pr.number, f"Review requested by the SLA escalation: {mentions}")
