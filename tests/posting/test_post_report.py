"""post_report: environment -> context -> client -> poster, as the CLI calls it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import requests

from gate.errors import UsageError
from gate.forges.posting import post_report
from gate.report import Report
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


def _workflow_run_environ(
    tmp_path: Path, github: FakeGitHub, head_sha: str, pulls: list[dict[str, int]]
) -> dict[str, str]:
    event = tmp_path / "workflow_run.json"
    event.write_text(
        json.dumps(
            {
                "action": "completed",
                "workflow_run": {
                    "event": "pull_request",
                    "head_sha": head_sha,
                    "head_branch": "feature",
                    "head_repository": {"full_name": "forker/Hello-World"},
                    "pull_requests": pulls,
                },
                "repository": {"full_name": "o/r"},
            }
        )
    )
    return {
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "workflow_run",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_API_URL": github.base_url,
        "GITHUB_REPOSITORY": "o/r",
        "GITHUB_TOKEN": TOKEN,
    }


def _saved_result(number: int) -> Report:
    return replace(make_report(2), pull_request=number)


def test_workflow_run_posts_a_fork_result_to_the_verified_pull_request(
    tmp_path: Path, github: FakeGitHub, session: requests.Session
) -> None:
    github.pull_heads[7] = HEAD_SHA
    environ = _workflow_run_environ(tmp_path, github, HEAD_SHA, pulls=[])
    result = post_report(_saved_result(7), environ, session=session, render=stub_body)
    assert result.target == "o/r#7"
    assert len(github.comments_on(7)) == 1


@pytest.mark.parametrize(
    ("run_head", "pr_head", "message"),
    [
        ("a" * 40, HEAD_SHA, "refusing to post it"),  # result is for another commit
        (HEAD_SHA, "b" * 40, "refusing to post"),  # the PR named in the result has another head
    ],
)
def test_workflow_run_refuses_a_forged_or_stale_result(
    tmp_path: Path,
    github: FakeGitHub,
    session: requests.Session,
    run_head: str,
    pr_head: str,
    message: str,
) -> None:
    github.pull_heads[7] = pr_head
    environ = _workflow_run_environ(tmp_path, github, run_head, pulls=[])
    with pytest.raises(UsageError, match=message):
        post_report(_saved_result(7), environ, session=session, render=stub_body)
    assert github.comments_on(7) == []
