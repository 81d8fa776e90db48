"""One call for the CLI and the Action: detect the CI context, build the client, post.

``--post github`` posts to the pull request (`gate.forges.github`), ``--post gitlab`` to
the merge request (`gate.forges.gitlab`). Under a ``workflow_run`` event (the privileged
half of the fork-safe recipe) the result is checked against the run and the PR first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import requests

from gate.change.ci import CIContext, detect, token
from gate.errors import UsageError
from gate.forges.github import post_to_github
from gate.forges.github_client import GitHubClient
from gate.forges.gitlab import GitLabClient, post_to_gitlab
from gate.forges.rest import PostResult
from gate.forges.sticky import Render
from gate.report import Report

__all__ = ["post_report"]


def post_report(
    report: Report,
    environ: Mapping[str, str],
    settings: Mapping[str, Any] | None = None,
    *,
    provider: str = "github",
    session: requests.Session | None = None,
    render: Render | None = None,
) -> PostResult:
    """Detect the CI context, build the client and post (``--post github|gitlab``).

    Raises `UsageError` when not in a matching CI run or without a token, `PostError`
    when the API fails for good; a 403 comes back as ``result.fallback``.
    """
    ctx = detect(environ)
    if ctx is None or ctx.provider != provider:
        raise UsageError(
            f"--post {provider}: not running in "
            f"{'GitHub Actions' if provider == 'github' else 'GitLab CI'}; "
            "post from the CI job, or drop --post"
        )
    secret = token(environ, ctx)
    if not secret:
        names = "GITHUB_TOKEN" if provider == "github" else "GATE_GITLAB_TOKEN (a project token)"
        raise UsageError(f"--post {provider}: no token; set {names} in the job's env")
    own_session = session is None
    http = session if session is not None else requests.Session()
    try:
        if provider == "gitlab":
            return post_to_gitlab(
                report, ctx, GitLabClient(http, ctx.api_url, secret), settings, render=render
            )
        client = GitHubClient(http, ctx.api_url, secret)
        if ctx.event == "workflow_run":
            ctx = _workflow_run_target(client, ctx, report)
        return post_to_github(report, ctx, client, settings, render=render)
    finally:
        if own_session:
            http.close()


def _workflow_run_target(client: GitHubClient, ctx: CIContext, report: Report) -> CIContext:
    """The privileged half of the fork-safe recipe: the result file comes from an
    unprivileged job that ran the PR's code, so nothing in it is trusted. It must be for
    the commit the triggering run built, and the PR it names must have that head."""
    if not ctx.head_sha or report.change.head_sha != ctx.head_sha:
        raise UsageError(
            f"the result is for commit {report.change.head_sha[:12] or '?'} but the workflow "
            f"run built {ctx.head_sha[:12] or '?'}: refusing to post it"
        )
    number = ctx.pull_request or report.pull_request
    if number <= 0:
        raise UsageError("the workflow run names no pull request and the result has none")
    pull = client.request("GET", f"repos/{ctx.repository}/pulls/{number}").data
    head = str(((pull or {}).get("head") or {}).get("sha") or "")
    if head != ctx.head_sha:
        raise UsageError(
            f"pull request #{number} has head {head[:12] or '?'}, not the workflow run's "
            f"{ctx.head_sha[:12]}: refusing to post (a stale or forged result)"
        )
    author = str(((pull or {}).get("user") or {}).get("login") or "")
    return replace(ctx, pull_request=number, author=author or ctx.author)
