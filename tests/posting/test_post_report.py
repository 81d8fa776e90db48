"""post_report: environment -> context -> client -> poster, as the CLI calls it."""

from __future__ import annotations

import pytest
import requests

from gate.errors import UsageError
from reporters.github import post_report
from tests.conftest import require_contract
from tests.posting.conftest import HEAD_SHA, make_report, stub_body
from tests.posting.fake_servers import GITLAB_TOKEN, TOKEN, FakeGitHub, FakeGitLab


def test_posts_from_a_real_pull_request_event(ghe: FakeGitHub, session: requests.Session) -> None:
    event = require_contract("github-webhooks/payloads/pull_request.synchronize.json")
    environ = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_API_URL": ghe.base_url,
        "GITHUB_REPOSITORY": "Codertocat/Hello-World",
        "GITHUB_SHA": "0" * 39 + "1",  # the merge commit: must not be used
        "GITHUB_TOKEN": TOKEN,
    }
    result = post_report(make_report(3), environ, session=session, render=stub_body)
    assert result.target == "Codertocat/Hello-World#2"
    assert len(ghe.comments_on(2)) == 1
    (run,) = ghe.check_runs.values()
    assert run["head_sha"] == HEAD_SHA


def test_posts_a_gitlab_note(gitlab: FakeGitLab, session: requests.Session) -> None:
    environ = {
        "GITLAB_CI": "true",
        "CI_API_V4_URL": gitlab.base_url,
        "CI_PROJECT_ID": "42",
        "CI_MERGE_REQUEST_IID": "7",
        "CI_COMMIT_SHA": HEAD_SHA,
        "GATE_GITLAB_TOKEN": GITLAB_TOKEN,
    }
    result = post_report(
        make_report(1), environ, provider="gitlab", session=session, render=stub_body
    )
    assert result.done == ("note created",) and len(gitlab.notes) == 1


def test_outside_ci_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="--post github: not running in GitHub Actions"):
        post_report(make_report(), {})


def test_missing_token_is_a_usage_error() -> None:
    environ = {"GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": HEAD_SHA}
    with pytest.raises(UsageError, match="no token; set GITHUB_TOKEN"):
        post_report(make_report(), environ)
