"""A payment repository with one critical finding on a PR branch, and a fake GitHub whose
`pulls/list-reviews` answers from a list the test controls (contract-checked)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gate.commands.governance import ci_reviews
from gate.report import Report
from gate.runner import RunOptions, run_gate
from tests.conftest import GitRepo, require_contract
from tests.posting.fake_servers import TOKEN, FakeGitHub, Reply, _example

TODAY = dt.date(2026, 3, 1)
SECRET_LINE = 'AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n'
CONFIG = """\
scanners:
  semgrep: {enabled: false}
  bandit: {enabled: false}
waivers:
  approvers: [bob, carol]
"""


class ReviewingGitHub(FakeGitHub):
    """FakeGitHub plus `GET pulls/{n}/reviews` from `self.pr_reviews` (login, state, sha)."""

    def __init__(self, spec: Path) -> None:
        super().__init__(spec)
        self.pr_reviews: list[tuple[str, str, str]] = []
        self.team_members: dict[str, set[str]] = {}  # "org/slug" -> logins

    def _pulls_list_reviews(self, _v: dict[str, str], q: dict[str, str], _b: Any, h: Any) -> Reply:
        template = _example(self.doc, "pull-request-review-items")[0]
        items = []
        for index, (login, state, sha) in enumerate(self.pr_reviews):
            review = copy.deepcopy(template)
            review.update(id=100 + index, state=state, commit_id=sha)
            review["submitted_at"] = f"2026-02-2{index % 10}T10:00:00Z"
            review["user"]["login"] = login
            items.append(review)
        return self._page(items, q, h)

    def _teams_get_membership_for_user_in_org(
        self, v: dict[str, str], _q: Any, _b: Any, _h: Any
    ) -> Reply:
        team = f"{v['org']}/{v['team_slug']}"
        if v["username"] not in self.team_members.get(team, set()):
            return 404, {"message": "Not Found"}, {}
        example = "team-membership-response-if-user-is-a-team-maintainer"
        return 200, {**_example(self.doc, example), "role": "member"}, {}


@pytest.fixture
def forge() -> Iterator[ReviewingGitHub]:
    server = ReviewingGitHub(require_contract("github-rest/api.github.com.gate-subset.json"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
    assert server.violations == [], "requests broke the contract"


def waiver_yaml(**fields: object) -> str:
    values: dict[str, object] = {
        "id": "W-1",
        "rule": "secret-aws-secret-key",
        "paths": ["app.py"],
        "reason": "rotated test key, revoked in PAY-1 before merge",
        "owner": "alice",
        "ticket": "PAY-1",
        "created": "2026-02-20",
        "expires": "2026-03-10",
        "approved_by": ["bob"],
    }
    values.update(fields)
    body = "".join(f"    {k}: {json.dumps(v)}\n" for k, v in values.items() if v is not None)
    return "version: 1\nwaivers:\n  - " + body[4:]


class Payments:
    """main: config + clean app.py; branch `pr`: a critical secret (and whatever the test adds)."""

    def __init__(self, repo: GitRepo) -> None:
        self.repo = repo
        repo.write(".gate.yml", CONFIG)
        repo.write("app.py", "x = 1\n")
        repo.write("other.py", "y = 2\n")
        repo.commit("base")
        repo.git("checkout", "-q", "-b", "pr")
        repo.write("app.py", "x = 1\n" + SECRET_LINE)

    def on_base(self, waivers: str, **files: str) -> None:
        """Commit a waivers file (and `files`, "a/b" written as a__b) to main, as if
        reviewed, and bring the PR up to date with it."""
        self.repo.git("stash", "-q", "--include-untracked")
        self.repo.git("checkout", "-q", "main")
        self.repo.write(".gate/waivers.yml", waivers)
        for name, text in files.items():
            self.repo.write(name.replace("__", "/"), text)
        self.repo.commit("waivers reviewed")
        self.repo.git("checkout", "-q", "pr")
        self.repo.git("merge", "-q", "--ff-only", "main")
        self.repo.git("stash", "pop", "-q")

    def head(self) -> str:
        self.repo.commit("pr change")
        return self.repo.git("rev-parse", "HEAD").strip()

    def ci_env(
        self, forge: FakeGitHub, head: str, tmp: Path, author: str = "alice"
    ) -> dict[str, str]:
        event = tmp / "event.json"
        payload = {
            "number": 7,
            "pull_request": {
                "number": 7,
                "user": {"login": author},
                "head": {"sha": head, "ref": "pr", "repo": {"full_name": "o/r", "fork": False}},
                "base": {"sha": "", "ref": "main", "repo": {"full_name": "o/r"}},
            },
            "repository": {"full_name": "o/r"},
        }
        event.write_text(json.dumps(payload), encoding="utf-8")
        return {
            "GITHUB_ACTIONS": "true",
            "GITHUB_EVENT_NAME": "pull_request",
            "GITHUB_EVENT_PATH": str(event),
            "GITHUB_REPOSITORY": "o/r",
            "GITHUB_API_URL": forge.base_url,
            "GITHUB_TOKEN": TOKEN,
            "GITHUB_RUN_ID": "42",
            "GITHUB_ACTOR": author,
        }

    def run_ci(self, env: dict[str, str], today: dt.date = TODAY) -> Report:
        return run_gate(
            RunOptions(
                cwd=self.repo.path,
                base="main",
                policy_from_base=True,
                reviews=ci_reviews(env),
                today=today,
            )
        )

    def run_local(self, today: dt.date = TODAY) -> Report:
        return run_gate(RunOptions(cwd=self.repo.path, base="main", today=today))


@pytest.fixture
def payments(repo: GitRepo) -> Payments:
    return Payments(repo)
