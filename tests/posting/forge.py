"""`FakeGitHub` with the state routing, reviews, labels, SLAs and the queue read: open PRs,
reviews, commits, team members, issue labels, review-comment edits and timelines.

Every request is still validated against the contract plus `tests/posting/contracts/*.json`.
"""

from __future__ import annotations

import copy
from typing import Any

from tests.posting.fake_servers import FakeGitHub, FakeGitLab, Reply, _example


class ForgeGitHub(FakeGitHub):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pulls: dict[int, dict[str, Any]] = {}
        self.timelines: dict[int, list[dict[str, Any]]] = {}

    # --- arranging ----------------------------------------------------------------------

    def add_pull(
        self,
        number: int,
        *,
        author: str = "octocat",
        head: str = "a" * 40,
        created_at: str = "2026-03-02T09:00:00Z",
        draft: bool = False,
        title: str = "",
        labels: tuple[str, ...] = (),
        requested: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        pull: dict[str, Any] = _example(self.doc, "pull-request")
        template = pull["labels"][0]
        user = copy.deepcopy(pull["user"])
        user["login"] = author
        pull.update(
            number=number,
            title=title or f"PR {number}",
            html_url=f"https://github.com/Codertocat/Hello-World/pull/{number}",
            created_at=created_at,
            updated_at=created_at,
            draft=draft,
            user=user,
            state="open",
            requested_reviewers=[{**user, "login": r} for r in requested],
            requested_teams=[],
        )
        pull["head"]["sha"] = head
        pull["labels"] = []
        self.pulls[number] = pull
        self.pull_heads[number] = head
        self.labels[number] = list(labels)
        pull["_template_label"] = template
        self.commits.setdefault(number, [self.commit(author, author, head)])
        return pull

    def commit(self, author: str, committer: str, sha: str) -> dict[str, Any]:
        return {
            "sha": sha,
            "author": {"login": author},
            "committer": {"login": committer},
            "commit": {"message": "change"},
        }

    def review(
        self, number: int, login: str, state: str, commit_id: str, at: str = "2026-03-02T10:00:00Z"
    ) -> None:
        self.pr_reviews.setdefault(number, []).append(
            {
                "id": self._next_id(),
                "user": {"login": login},
                "state": state,
                "commit_id": commit_id,
                "submitted_at": at,
                "body": "",
            }
        )

    def push(self, number: int, head: str, committer: str = "") -> None:
        self.pulls[number]["head"]["sha"] = head
        self.pull_heads[number] = head
        author = self.pulls[number]["user"]["login"]
        self.commits.setdefault(number, []).append(self.commit(author, committer or author, head))

    # --- handlers -----------------------------------------------------------------------

    def _pull_json(self, number: int) -> dict[str, Any]:
        pull = {k: v for k, v in self.pulls[number].items() if k != "_template_label"}
        template = self.pulls[number]["_template_label"]
        pull["labels"] = [{**template, "name": n} for n in self.labels.get(number, [])]
        return pull

    def _pulls_get(self, v: dict[str, str], _q: Any, _b: Any, _h: Any) -> Reply:
        number = int(v["pull_number"])
        if number in self.pulls:
            return 200, self._pull_json(number), {}
        return super()._pulls_get(v, _q, _b, _h)

    def _pulls_list(self, _v: dict[str, str], q: dict[str, str], _b: Any, h: Any) -> Reply:
        items = [self._pull_json(n) for n in sorted(self.pulls) if self.pulls[n]["state"] == "open"]
        for item in items:
            item["issue"] = item["pull"] = None
        return self._page(items, q, h)

    def _issues_list_events_for_timeline(
        self, v: dict[str, str], q: dict[str, str], _b: Any, h: Any
    ) -> Reply:
        return self._page(list(self.timelines.get(int(v["issue_number"]), [])), q, h)


class ForgeGitLab(FakeGitLab):
    """`FakeGitLab` plus open MRs, approvals, label edits and issue notes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mrs: dict[int, dict[str, Any]] = {}
        self.approved_by: dict[int, list[str]] = {}
        self.issue_notes: dict[int, list[str]] = {}
        self.approvals_left: dict[int, int] = {}

    def add_mr(
        self,
        iid: int,
        *,
        author: str = "dev",
        created_at: str,
        labels: tuple[str, ...] = (),
        draft: bool = False,
        reviewers: tuple[str, ...] = (),
    ) -> None:
        self.mrs[iid] = {
            "iid": iid,
            "title": f"MR {iid}",
            "web_url": f"https://gitlab.example/acme/shop/-/merge_requests/{iid}",
            "author": {"username": author},
            "labels": list(labels),
            "draft": draft,
            "created_at": created_at,
            "reviewers": [{"username": r} for r in reviewers],
        }

    def add_note(
        self, iid: int, body: str, author: str = "project_7_bot_1a2b", username: str = ""
    ) -> int:
        author = username or author  # FakeGitLab's create-note passes the token's username
        note_id = super().add_note(iid, body)
        self.notes[note_id].update(
            author={"username": author, "bot": author.startswith("project_")},
            created_at="2026-03-02T09:00:00Z",
        )
        return note_id

    def system_note(self, iid: int, body: str, created_at: str) -> None:
        note_id = self.add_note(iid, body)
        self.notes[note_id].update(system=True, created_at=created_at)

    def handle(
        self, method: str, path: str, query: dict[str, str], body: Any, headers: Any
    ) -> Reply:
        if headers.get("PRIVATE-TOKEN") != self.token:
            return super().handle(method, path, query, body, headers)
        parts = path.strip("/").split("/")
        if parts[:1] == ["projects"] and parts[2:3] == ["merge_requests"]:
            if len(parts) == 3 and method == "GET":
                items = [m for m in self.mrs.values() if query.get("state") == "opened"]
                return 200, items, {}
            iid = int(parts[3]) if len(parts) > 3 else 0
            if len(parts) == 5 and parts[4] == "approvals" and method == "GET":
                users = self.approved_by.get(iid, [])
                left = self.approvals_left.get(iid, 0)
                approved = [{"user": {"username": u}} for u in users]
                return 200, {"approved_by": approved, "approvals_left": left}, {}
            if len(parts) == 4 and method == "PUT" and iid in self.mrs:
                labels = self.mrs[iid]["labels"]
                labels.extend(x for x in str(body["add_labels"]).split(",") if x not in labels)
                return 200, self.mrs[iid], {}
        if parts[:1] == ["projects"] and parts[2:3] == ["issues"] and parts[4:] == ["notes"]:
            if method == "POST":
                self.issue_notes.setdefault(int(parts[3]), []).append(body["body"])
                return 201, {"id": 1, "body": body["body"]}, {}
        return super().handle(method, path, query, body, headers)
