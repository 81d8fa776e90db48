"""gate edits only what gate wrote (author *and* marker), and the privileged poster takes
routing and forge settings from the base branch, never from the result file."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

import pytest
import requests

from gate.errors import PostError
from gate.forges.github import post_to_github
from gate.forges.github_client import GitHubClient
from gate.forges.gitlab import GitLabClient, post_to_gitlab
from gate.forges.rest import RetryPolicy
from gate.forges.sticky import MARKER
from gate.forges.trusted import base_policy, recompute_for_posting
from gate.report import Report, Risk
from tests.conftest import GitRepo
from tests.posting.conftest import make_ctx, make_report
from tests.posting.fake_servers import TOKEN, FakeGitHub, FakeGitLab, Fault

Render = Callable[[Report], str]
ONLY_COMMENT = {"comment": True, "check_run": False, "labels": False}
FOREIGN = f"{MARKER}\nI am not gate, but gate would happily edit me"


def test_a_marker_comment_by_someone_else_is_never_edited(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    foreign = github.add_comment(2, FOREIGN, login="mallory")
    result = post_to_github(make_report(1), make_ctx(), client, ONLY_COMMENT, render=render)
    assert result.done == ("comment created",)
    assert github.comments[foreign]["body"] == FOREIGN
    assert not github.calls("PATCH")
    again = post_to_github(make_report(2), make_ctx(), client, ONLY_COMMENT, render=render)
    assert again.done == ("comment updated",)  # its own comment, found by author + marker
    assert len(github.comments_on(2)) == 2


def test_a_configured_bot_login_is_the_posting_identity(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    own = github.add_comment(2, f"{MARKER}\nold", login="gate-app[bot]")
    github.add_comment(2, f"{MARKER}\nfake", login="github-actions[bot]")
    settings = {**ONLY_COMMENT, "bot_login": "gate-app[bot]"}
    result = post_to_github(make_report(1), make_ctx(), client, settings, render=render)
    assert result.done == ("comment updated",)
    assert github.comments[own]["body"] != f"{MARKER}\nold"


def test_an_inline_marker_by_someone_else_does_not_suppress_the_inline_comment(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    report = make_report(1)
    settings = {"comment": False, "check_run": False, "inline_comments": 3}
    post_to_github(report, make_ctx(), client, settings, render=render)
    (posted,) = github.review_comments
    forged = {**posted, "id": 99_999, "user": {"login": "mallory"}}
    github.review_comments[:] = [forged]  # only someone else's copy of gate's marker remains
    post_to_github(report, make_ctx(), client, settings, render=render)
    assert len(github.reviews) == 2


def test_a_gitlab_note_with_the_marker_by_someone_else_is_never_edited(
    gitlab: FakeGitLab, gitlab_client: GitLabClient, render: Render
) -> None:
    ctx = make_ctx(provider="gitlab", repository="group/project", pull_request=7)
    foreign = gitlab.add_note(7, FOREIGN, username="mallory")
    first = post_to_gitlab(make_report(1), ctx, gitlab_client, render=render)
    second = post_to_gitlab(make_report(2), ctx, gitlab_client, render=render)
    assert (first.done, second.done) == (("note created",), ("note updated",))
    assert gitlab.notes[foreign]["body"] == FOREIGN


BASE_POLICY = """\
routing:
  tier-2: {labels: ['risk:high'], reviewers: ['security-team']}
github: {labels: true, request_reviewers: false, check_run: true}
"""


def test_the_privileged_poster_recomputes_routing_from_the_base_policy(repo: GitRepo) -> None:
    repo.write(".gate.yml", BASE_POLICY)
    repo.commit("base policy")
    repo.write(".gate.yml", "github: {request_reviewers: true}\n")  # uncommitted: not trusted
    forged = replace(
        make_report(1),
        risk=Risk(tier=2, name="high", labels=("safe-to-test", "approved"), reviewers=("mallory",)),
        config={"github": {"request_reviewers": True, "labels": True, "bot_login": "mallory"}},
    )
    config, description = base_policy(repo.path)
    trusted, settings = recompute_for_posting(forged, config)
    assert description.startswith("base commit")
    assert trusted.risk.labels == ("risk:high",)
    assert trusted.risk.reviewers == ("security-team",)
    assert trusted.risk.name == "sensitive"  # the base policy's name for tier 2
    assert settings["request_reviewers"] is False and settings["bot_login"] == ""
    assert trusted.verdict is forged.verdict and trusted.findings == forged.findings


def test_a_dripping_server_cannot_hold_the_run_past_the_posting_deadline(
    github: FakeGitHub, session: requests.Session, sleeps: list[float], render: Render
) -> None:
    policy = RetryPolicy(attempts=4, backoff=1.0, max_wait=120.0, timeout=1.0, deadline=3.0)
    client = GitHubClient(session, github.base_url, TOKEN, policy=policy, sleep=sleeps.append)
    github.fail("GET", "/comments$", forever=Fault.drip(0.05))  # 10 KB at 20 bytes/s
    started = time.monotonic()
    with pytest.raises(PostError, match="posting deadline of 3s passed"):
        post_to_github(make_report(1), make_ctx(), client, ONLY_COMMENT, render=render)
    assert time.monotonic() - started < 10


def test_a_secondary_rate_limit_is_not_reported_as_a_read_only_token(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    github.fail("POST", "/comments$", forever=Fault.rate_limited(403, retry_after="100000"))
    with pytest.raises(PostError, match="secondary rate limit") as info:
        post_to_github(make_report(1), make_ctx(), client, ONLY_COMMENT, render=render)
    assert "read-only" not in str(info.value)
