"""Which CI run is this, and which pull/merge request and commit does it concern?

`detect(environ)` reads GitHub Actions or GitLab CI variables (and, on GitHub, the
webhook payload at ``GITHUB_EVENT_PATH``) into a `CIContext`; None outside CI.

Traps handled here so posters don't have to know them:
- on ``pull_request`` events ``GITHUB_SHA`` is the test merge commit of
  ``refs/pull/N/merge``; check runs, statuses and reviews must target
  ``pull_request.head.sha``, which is what `head_sha` holds;
- in GitLab merged-results pipelines ``CI_COMMIT_SHA`` is a merge commit too; the MR
  head is ``CI_MERGE_REQUEST_SOURCE_BRANCH_SHA`` when GitLab sets it;
- a PR from a fork gets a read-only ``GITHUB_TOKEN`` under ``pull_request``
  (`read_only_token`), so posters must expect 403 and fall back.

The token is deliberately not part of `CIContext` (its repr would print it);
`token(environ, ctx)` returns it separately.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gate.errors import UsageError

GITHUB_API_URL = "https://api.github.com"
_ZERO_SHA = "0" * 40
_PR_EVENTS = frozenset({"pull_request", "pull_request_target"})


@dataclass(frozen=True, slots=True, kw_only=True)
class CIContext:
    provider: str  # "github" | "gitlab"
    api_url: str  # https://api.github.com, https://ghe.example/api/v3, CI_API_V4_URL
    repository: str  # GitHub "owner/name"; GitLab numeric project id (CI_PROJECT_ID)
    event: str  # pull_request, push, merge_group, merge_request_event, ...
    pull_request: int = 0  # PR number / MR iid; 0 when the run has none
    head_sha: str = ""  # the commit to report on (PR head, never the test merge commit)
    head_ref: str = ""
    base_ref: str = ""
    base_sha: str = ""
    is_fork: bool = False
    read_only_token: bool = False  # GitHub fork PR under `pull_request`: writes will 403
    author: str = ""  # PR author login (cannot be requested as reviewer)
    run_url: str = ""  # link to this CI run, for check/status details

    @property
    def has_pull_request(self) -> bool:
        return self.pull_request > 0

    @property
    def owner(self) -> str:
        return self.repository.partition("/")[0]

    @property
    def name(self) -> str:
        return self.repository.partition("/")[2]


def detect(environ: Mapping[str, str]) -> CIContext | None:
    """The CI context from environment variables, or None when not running in CI."""
    if environ.get("GITHUB_ACTIONS") == "true":
        return _github(environ)
    if environ.get("GITLAB_CI") == "true":
        return _gitlab(environ)
    return None


def token(environ: Mapping[str, str], ctx: CIContext) -> str:
    """The API token for `ctx`: GATE_* first, then the CI's usual variable; "" if none."""
    names = (
        ("GATE_GITHUB_TOKEN", "GITHUB_TOKEN", "GH_TOKEN")
        if ctx.provider == "github"
        else ("GATE_GITLAB_TOKEN", "GITLAB_TOKEN")
    )
    return next((environ[n] for n in names if environ.get(n)), "")


# --- GitHub Actions -----------------------------------------------------------------


def _github(environ: Mapping[str, str]) -> CIContext:
    event = environ.get("GITHUB_EVENT_NAME", "")
    payload = _load_payload(environ.get("GITHUB_EVENT_PATH", ""))
    repository = environ.get("GITHUB_REPOSITORY") or str(
        _dig(payload, "repository", "full_name") or ""
    )
    server = environ.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
    run_id = environ.get("GITHUB_RUN_ID", "")
    common: dict[str, Any] = {
        "provider": "github",
        "api_url": (environ.get("GITHUB_API_URL") or GITHUB_API_URL).rstrip("/"),
        "repository": repository,
        "event": event,
        "run_url": f"{server}/{repository}/actions/runs/{run_id}" if run_id and repository else "",
    }
    ref = environ.get("GITHUB_REF", "")
    if event in _PR_EVENTS and isinstance(payload.get("pull_request"), dict):
        pr = payload["pull_request"]
        head_repo = _dig(pr, "head", "repo", "full_name")
        base_repo = _dig(pr, "base", "repo", "full_name") or repository
        # head.repo is null when the fork was deleted: treat as a fork.
        is_fork = (
            head_repo is None or head_repo != base_repo or bool(_dig(pr, "head", "repo", "fork"))
        )
        return CIContext(
            **common,
            pull_request=_int(payload.get("number") or pr.get("number")),
            head_sha=str(_dig(pr, "head", "sha") or ""),
            head_ref=str(_dig(pr, "head", "ref") or environ.get("GITHUB_HEAD_REF", "")),
            base_ref=str(_dig(pr, "base", "ref") or environ.get("GITHUB_BASE_REF", "")),
            base_sha=str(_dig(pr, "base", "sha") or ""),
            is_fork=is_fork,
            read_only_token=is_fork and event == "pull_request",
            author=str(_dig(pr, "user", "login") or ""),
        )
    if event == "merge_group" and isinstance(payload.get("merge_group"), dict):
        group = payload["merge_group"]
        return CIContext(
            **common,
            head_sha=str(group.get("head_sha") or environ.get("GITHUB_SHA", "")),
            head_ref=_branch(str(group.get("head_ref") or ref)),
            base_ref=_branch(str(group.get("base_ref") or "")),
            base_sha=str(group.get("base_sha") or ""),
        )
    if event == "workflow_run" and isinstance(payload.get("workflow_run"), dict):
        run = payload["workflow_run"]
        pulls = [p for p in run.get("pull_requests") or () if isinstance(p, dict)]
        head_repo = _dig(run, "head_repository", "full_name")
        return CIContext(
            **common,
            # Empty for fork PRs: `gate post --from` then takes the number from the result
            # and verifies it against the API (reporters.github._workflow_run_target).
            pull_request=_int(pulls[0].get("number")) if pulls else 0,
            head_sha=str(run.get("head_sha") or ""),
            head_ref=str(run.get("head_branch") or ""),
            is_fork=bool(head_repo) and head_repo != repository,
        )
    if event == "push" and payload:
        after = str(payload.get("after") or "")
        before = str(payload.get("before") or "")
        return CIContext(
            **common,
            # A deleted branch or tag has after = 000...0: nothing to report on.
            head_sha="" if after == _ZERO_SHA else after or environ.get("GITHUB_SHA", ""),
            head_ref=_branch(str(payload.get("ref") or ref)),
            base_ref=_branch(str(payload.get("base_ref") or "")),
            base_sha="" if before == _ZERO_SHA else before,
        )
    return CIContext(**common, head_sha=environ.get("GITHUB_SHA", ""), head_ref=_branch(ref))


def _load_payload(path: str) -> dict[str, Any]:
    if not path:
        return {}
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise UsageError(
            f"GITHUB_EVENT_PATH={path}: cannot read the event payload ({exc.strerror}); "
            "run gate inside the workflow job or unset GITHUB_ACTIONS"
        ) from None
    except ValueError as exc:
        raise UsageError(f"GITHUB_EVENT_PATH={path}: not JSON ({exc})") from None
    return data if isinstance(data, dict) else {}


# --- GitLab CI ----------------------------------------------------------------------


def _gitlab(environ: Mapping[str, str]) -> CIContext:
    source_project = environ.get("CI_MERGE_REQUEST_SOURCE_PROJECT_ID", "")
    target_project = environ.get("CI_MERGE_REQUEST_PROJECT_ID", "")
    return CIContext(
        provider="gitlab",
        api_url=environ.get("CI_API_V4_URL", "https://gitlab.com/api/v4").rstrip("/"),
        repository=environ.get("CI_PROJECT_ID", ""),
        event=environ.get("CI_PIPELINE_SOURCE", ""),
        pull_request=_int(environ.get("CI_MERGE_REQUEST_IID")),
        head_sha=environ.get("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA")
        or environ.get("CI_COMMIT_SHA", ""),
        head_ref=environ.get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME")
        or environ.get("CI_COMMIT_REF_NAME", ""),
        base_ref=environ.get("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", ""),
        base_sha=environ.get("CI_MERGE_REQUEST_DIFF_BASE_SHA", ""),
        is_fork=bool(source_project and target_project and source_project != target_project),
        run_url=environ.get("CI_PIPELINE_URL", ""),
    )


# --- helpers ------------------------------------------------------------------------


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _branch(ref: str) -> str:
    return ref.removeprefix("refs/heads/")
