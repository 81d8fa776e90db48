"""CI context from the environment and the real webhook payloads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gate.change.ci import CIContext, detect, token
from gate.errors import UsageError
from tests.conftest import require_contract

PAYLOADS = "github-webhooks/payloads"
MERGE_SHA = "0123456789abcdef0123456789abcdef01234567"


def actions_env(event: str, payload: Path, **extra: str) -> dict[str, str]:
    return {
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": event,
        "GITHUB_EVENT_PATH": str(payload),
        "GITHUB_REPOSITORY": "Codertocat/Hello-World",
        "GITHUB_SHA": MERGE_SHA,
        "GITHUB_REF": "refs/pull/2/merge",
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_RUN_ID": "42",
        **extra,
    }


@pytest.mark.parametrize("action", ["opened", "synchronize", "reopened"])
def test_pull_request_payload_gives_pr_number_and_head_sha_not_merge_sha(action: str) -> None:
    path = require_contract(f"{PAYLOADS}/pull_request.{action}.json")
    payload = json.loads(path.read_text(encoding="utf-8"))
    ctx = detect(actions_env("pull_request", path))
    assert ctx == CIContext(
        provider="github",
        api_url="https://api.github.com",
        repository="Codertocat/Hello-World",
        event="pull_request",
        pull_request=2,
        head_sha=payload["pull_request"]["head"]["sha"],
        head_ref="changes",
        base_ref="master",
        base_sha="f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
        is_fork=False,
        read_only_token=False,
        author="Codertocat",
        run_url="https://github.com/Codertocat/Hello-World/actions/runs/42",
    )
    assert ctx.head_sha == "ec26c3e57ca3a959ca5aad62de7213c562f8c821" != MERGE_SHA
    assert (ctx.owner, ctx.name) == ("Codertocat", "Hello-World")


def _fork_of(path: Path, tmp_path: Path, head_repo: object) -> Path:
    payload = json.loads(path.read_text(encoding="utf-8"))
    payload["pull_request"]["head"]["repo"] = head_repo
    target = tmp_path / "event.json"
    target.write_text(json.dumps(payload), encoding="utf-8")
    return target


def test_fork_pull_request_has_read_only_token(tmp_path: Path) -> None:
    path = require_contract(f"{PAYLOADS}/pull_request.opened.json")
    fork = {"full_name": "mallory/Hello-World", "fork": True}
    ctx = detect(actions_env("pull_request", _fork_of(path, tmp_path, fork)))
    assert ctx is not None and ctx.is_fork and ctx.read_only_token


def test_fork_under_pull_request_target_has_a_write_token(tmp_path: Path) -> None:
    path = require_contract(f"{PAYLOADS}/pull_request.opened.json")
    ctx = detect(actions_env("pull_request_target", _fork_of(path, tmp_path, None)))
    assert ctx is not None and ctx.is_fork and not ctx.read_only_token


def test_push_to_new_branch_has_no_base_and_no_pr() -> None:
    path = require_contract(f"{PAYLOADS}/push.with-new-branch.json")
    ctx = detect(actions_env("push", path, GITHUB_REF="refs/heads/master"))
    assert ctx is not None
    assert (ctx.pull_request, ctx.head_sha, ctx.head_ref, ctx.base_sha) == (
        0,
        "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
        "master",
        "",
    )


def test_push_deleting_a_tag_has_nothing_to_report_on() -> None:
    path = require_contract(f"{PAYLOADS}/push.json")
    ctx = detect(actions_env("push", path))
    assert ctx is not None and ctx.head_sha == "" and ctx.base_sha.startswith("6113728f")


def test_merge_group_uses_the_group_head(tmp_path: Path) -> None:
    event = tmp_path / "event.json"
    event.write_text(
        json.dumps(
            {
                "merge_group": {
                    "head_sha": "a" * 40,
                    "head_ref": "refs/heads/gh-readonly-queue/main/pr-2-abc",
                    "base_sha": "b" * 40,
                    "base_ref": "refs/heads/main",
                },
                "repository": {"full_name": "Codertocat/Hello-World"},
            }
        ),
        encoding="utf-8",
    )
    ctx = detect(actions_env("merge_group", event))
    assert ctx is not None
    assert (ctx.head_sha, ctx.base_sha, ctx.base_ref) == ("a" * 40, "b" * 40, "main")


def test_enterprise_api_url_comes_from_github_api_url() -> None:
    path = require_contract(f"{PAYLOADS}/pull_request.opened.json")
    env = actions_env("pull_request", path, GITHUB_API_URL="https://ghe.example/api/v3/")
    ctx = detect(env)
    assert ctx is not None and ctx.api_url == "https://ghe.example/api/v3"


def test_unreadable_payload_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="GITHUB_EVENT_PATH=.*cannot read"):
        detect(actions_env("pull_request", tmp_path / "missing.json"))


def test_not_in_ci() -> None:
    assert detect({"HOME": "/root", "PATH": "/bin"}) is None


def test_gitlab_merge_request_pipeline() -> None:
    env = {
        "GITLAB_CI": "true",
        "CI_API_V4_URL": "https://gitlab.example/api/v4",
        "CI_PROJECT_ID": "42",
        "CI_PIPELINE_SOURCE": "merge_request_event",
        "CI_MERGE_REQUEST_IID": "7",
        "CI_COMMIT_SHA": MERGE_SHA,
        "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA": "c" * 40,
        "CI_MERGE_REQUEST_DIFF_BASE_SHA": "d" * 40,
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
        "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": "feature",
        "CI_MERGE_REQUEST_PROJECT_ID": "42",
        "CI_MERGE_REQUEST_SOURCE_PROJECT_ID": "99",
        "GITLAB_TOKEN": "glpat-x",
    }
    ctx = detect(env)
    assert ctx is not None
    assert (ctx.provider, ctx.api_url, ctx.repository, ctx.pull_request) == (
        "gitlab",
        "https://gitlab.example/api/v4",
        "42",
        7,
    )
    assert (ctx.head_sha, ctx.base_sha, ctx.base_ref, ctx.is_fork) == (
        "c" * 40,
        "d" * 40,
        "main",
        True,
    )
    assert token(env, ctx) == "glpat-x"
    detached = detect({k: v for k, v in env.items() if k != "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA"})
    assert detached is not None and detached.head_sha == MERGE_SHA


def test_token_is_not_in_the_context_repr() -> None:
    path = require_contract(f"{PAYLOADS}/pull_request.opened.json")
    env = actions_env("pull_request", path, GITHUB_TOKEN="ghs_secret123", GATE_GITHUB_TOKEN="")
    ctx = detect(env)
    assert ctx is not None and "ghs_secret123" not in repr(ctx)
    assert token(env, ctx) == "ghs_secret123"
