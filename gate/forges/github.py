"""Post a `Report` to a GitHub pull request: sticky comment, check run or status, labels,
reviewer requests and (optionally) inline review comments.

Settings mirror the ``github:`` section of ``.gate.yml`` (see ``gate.policy.config.SCHEMA``).

Verdict -> check run conclusion / commit status state:

=======  ===========  =======
verdict  conclusion   status
=======  ===========  =======
pass     success      success
warn     neutral      success
fail     failure      failure
error    failure      error
=======  ===========  =======

``error`` maps to ``failure`` rather than ``action_required``: gate could not decide,
so a required check must block the merge, and ``action_required`` would promise a
follow-up action (a button on the check) that gate does not offer.

Annotation level follows the report's thresholds: at or above ``fail_on`` ->
``failure``, at or above ``warn_on`` -> ``warning``, else ``notice``. The check run is
created already completed with the first 50 annotations; the rest are appended by
PATCHes of 50, so a failure midway never leaves a check stuck "in progress".

Never twice: the PR comment is found again by its hidden marker ``<!-- gate:report -->``
(every page of comments is read) and updated in place; a create that may have reached
GitHub before failing is checked for before it is retried. Inline review comments
carry their own marker with the finding's fingerprint and are not posted again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import requests

from gate._compat import assert_never
from gate.change.ci import CIContext, detect, token
from gate.errors import UsageError
from gate.findings import Finding, Severity
from gate.forges.github_client import ApiError, ApiResponse, GitHubClient, PostResult
from gate.report import Report, Verdict
from gate.reporters import escape

__all__ = ["MARKER", "PostResult", "commit_state", "conclusion", "post_report", "post_to_github"]

MARKER = "<!-- gate:report -->"
INLINE_MARKER = "<!-- gate:inline "  # followed by the fingerprint and " -->"
CHECK_NAME = "gate"
STATUS_CONTEXT = "gate"
COMMENT_LIMIT = 65_536
SUMMARY_LIMIT = 65_535
ANNOTATIONS_PER_REQUEST = 50
MAX_ANNOTATIONS = 1_000  # 20 requests; GitHub's secondary limit is 80 writes a minute
DEFAULT_SETTINGS: Mapping[str, Any] = {
    "comment": True,
    "check_run": True,
    "status": False,
    "labels": True,
    "request_reviewers": False,
    "inline_comments": 0,
    "delete_comment_when_clean": False,
}

Render = Callable[[Report], str]


def conclusion(verdict: Verdict) -> str:
    if verdict is Verdict.PASS:
        return "success"
    if verdict is Verdict.WARN:
        return "neutral"
    if verdict is Verdict.FAIL or verdict is Verdict.ERROR:
        return "failure"
    assert_never(verdict)


def commit_state(verdict: Verdict) -> str:
    if verdict is Verdict.PASS or verdict is Verdict.WARN:
        return "success"
    if verdict is Verdict.FAIL:
        return "failure"
    if verdict is Verdict.ERROR:
        return "error"
    assert_never(verdict)


@dataclass(slots=True)
class _Outcome:
    done: list[str] = field(default_factory=list)
    denied: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    comment_url: str = ""
    check_run_id: int = 0


def post_to_github(
    report: Report,
    ctx: CIContext,
    client: GitHubClient,
    settings: Mapping[str, Any] | None = None,
    *,
    render: Render | None = None,
) -> PostResult:
    """Post everything `settings` enables. 403s degrade to a fallback `PostResult`;
    other API failures of the comment, check run or status raise `PostError`."""
    options = {**DEFAULT_SETTINGS, **(settings or {})}
    repo = f"repos/{ctx.repository}"
    out = _Outcome()
    body = comment_body(report, render)
    steps: list[tuple[str, Callable[[], None]]] = []
    if ctx.has_pull_request and options["comment"]:
        steps.append(
            ("comment", lambda: _sticky_comment(client, repo, ctx, report, body, options, out))
        )
    if ctx.head_sha and options["check_run"]:
        steps.append(
            ("check run", lambda: _check_or_status(client, repo, ctx, report, body, options, out))
        )
    elif ctx.head_sha and options["status"]:
        steps.append(("status", lambda: _status(client, repo, ctx, report, out)))
    if ctx.has_pull_request and options["labels"] and report.risk.labels:
        steps.append(("labels", lambda: _labels(client, repo, ctx, report, out)))
    if ctx.has_pull_request and options["request_reviewers"] and report.risk.reviewers:
        steps.append(("reviewers", lambda: _reviewers(client, repo, ctx, report, out)))
    if ctx.has_pull_request and ctx.head_sha and int(options["inline_comments"]) > 0:
        steps.append(("inline comments", lambda: _inline(client, repo, ctx, report, options, out)))
    for name, step in steps:
        if out.denied and ctx.read_only_token:
            out.denied.append(name)  # a read-only token will refuse every write: don't ask
            continue
        try:
            step()
        except ApiError as exc:
            if exc.forbidden:
                out.denied.append(name)
            elif name in ("labels", "reviewers", "inline comments"):
                out.problems.append(f"{name} not posted: {exc}")
            else:
                raise
    target = (
        f"{ctx.repository}#{ctx.pull_request}"
        if ctx.has_pull_request
        else (f"{ctx.repository}@{ctx.head_sha[:7]}")
    )
    return PostResult(
        target=target,
        done=tuple(out.done),
        denied=tuple(out.denied),
        problems=tuple(out.problems),
        comment_url=out.comment_url,
        check_run_id=out.check_run_id,
    )


# --- sticky comment -----------------------------------------------------------------


def comment_body(report: Report, render: Render | None) -> str:
    if render is None:
        try:
            from gate.reporters.markdown import (  # type: ignore[import-not-found,import-untyped,unused-ignore]
                render as markdown_render,
            )
        except ImportError:  # the markdown reporter has not landed: minimal body
            markdown_render = _fallback_markdown
        render = markdown_render
    body = render(report)
    if not body.startswith(MARKER):
        body = f"{MARKER}\n{body}"
    return _truncate(body, COMMENT_LIMIT)


def _fallback_markdown(report: Report) -> str:
    counts = ", ".join(f"{n} {s}" for s, n in report.severity_counts().items() if n)
    return (
        f"{MARKER}\n## gate: {report.verdict.value}\n\n{escape.md_text(report.verdict_reason)}\n\n"
        f"Active findings: {counts or 'none'}\n"
    )


def _is_clean(report: Report) -> bool:
    return report.verdict is Verdict.PASS and not report.active


def _find_comment(client: GitHubClient, repo: str, number: int) -> dict[str, Any] | None:
    for comment in client.paginate(f"{repo}/issues/{number}/comments"):
        if isinstance(comment, dict) and str(comment.get("body") or "").startswith(MARKER):
            return comment
    return None


def _sticky_comment(
    client: GitHubClient,
    repo: str,
    ctx: CIContext,
    report: Report,
    body: str,
    options: Mapping[str, Any],
    out: _Outcome,
) -> None:
    existing = _find_comment(client, repo, ctx.pull_request)
    if options["delete_comment_when_clean"] and _is_clean(report):
        if existing is not None:
            client.request("DELETE", f"{repo}/issues/comments/{existing['id']}")
            out.done.append("comment deleted (clean)")
        return
    if existing is not None:
        out.comment_url = str(existing.get("html_url") or "")
        if existing.get("body") == body:
            out.done.append("comment unchanged")
            return
        client.request("PATCH", f"{repo}/issues/comments/{existing['id']}", json={"body": body})
        out.done.append("comment updated")
        return

    def recheck() -> ApiResponse | None:
        found = _find_comment(client, repo, ctx.pull_request)
        if found is None:
            return None
        path = f"{repo}/issues/comments/{found['id']}"
        return client.request("PATCH", path, json={"body": body})

    created = client.request(
        "POST", f"{repo}/issues/{ctx.pull_request}/comments", json={"body": body}, recheck=recheck
    )
    out.comment_url = str((created.data or {}).get("html_url") or "")
    out.done.append("comment created")


# --- check run / status -------------------------------------------------------------


def _check_or_status(
    client: GitHubClient,
    repo: str,
    ctx: CIContext,
    report: Report,
    body: str,
    options: Mapping[str, Any],
    out: _Outcome,
) -> None:
    try:
        _check_run(client, repo, ctx, report, body, out)
    except ApiError as exc:
        if not exc.forbidden:
            raise
        # No `checks: write` (a classic PAT, or permissions trimmed): a status says the same.
        out.problems.append("check run refused (403): posted a commit status instead")
        _status(client, repo, ctx, report, out)
        return
    if options["status"]:
        _status(client, repo, ctx, report, out)


def _check_run(
    client: GitHubClient, repo: str, ctx: CIContext, report: Report, body: str, out: _Outcome
) -> None:
    annotations = [_annotation(f, report) for f in _ranked(report.active)]
    dropped = max(len(annotations) - MAX_ANNOTATIONS, 0)
    annotations = annotations[:MAX_ANNOTATIONS]
    note = (
        f"\n\n_{dropped} more findings are not annotated; see the PR comment._" if dropped else ""
    )
    output = {
        "title": _check_title(report),
        "summary": _truncate(body.removeprefix(MARKER).lstrip("\n"), SUMMARY_LIMIT - len(note))
        + note,
    }
    batches = [
        annotations[i : i + ANNOTATIONS_PER_REQUEST]
        for i in range(0, len(annotations), ANNOTATIONS_PER_REQUEST)
    ] or [[]]
    payload: dict[str, Any] = {
        "name": CHECK_NAME,
        "head_sha": ctx.head_sha,
        "status": "completed",
        "conclusion": conclusion(report.verdict),
        "output": {**output, "annotations": batches[0]},
    }
    if ctx.run_url:
        payload["details_url"] = ctx.run_url
    created = client.request("POST", f"{repo}/check-runs", json=payload)
    run_id = int((created.data or {}).get("id") or 0)
    out.check_run_id = run_id
    for batch in batches[1:]:
        client.request(
            "PATCH",
            f"{repo}/check-runs/{run_id}",
            json={"output": {**output, "annotations": batch}},
        )
    out.done.append(f"check run {run_id} ({len(annotations)} annotations)")


def _check_title(report: Report) -> str:
    counts = ", ".join(f"{n} {s}" for s, n in report.severity_counts().items() if n)
    tier = f"; risk tier {report.risk.tier} {report.risk.name}" if report.risk.tier else ""
    return _truncate(f"{report.verdict.value}: {counts or 'no active findings'}{tier}", 255)


def _status(client: GitHubClient, repo: str, ctx: CIContext, report: Report, out: _Outcome) -> None:
    payload: dict[str, Any] = {
        "state": commit_state(report.verdict),
        "description": _truncate(
            f"{report.verdict.value}: {escape.one_line(report.verdict_reason)}", 140
        ),
        "context": STATUS_CONTEXT,
    }
    if ctx.run_url:
        payload["target_url"] = ctx.run_url
    client.request("POST", f"{repo}/statuses/{ctx.head_sha}", json=payload)
    out.done.append(f"status {payload['state']}")


def _level(finding: Finding, report: Report) -> str:
    if finding.severity.at_least(Severity(report.fail_on)):
        return "failure"
    if finding.severity.at_least(Severity(report.warn_on)):
        return "warning"
    return "notice"


def _annotation(finding: Finding, report: Report) -> dict[str, Any]:
    start = max(finding.start_line, 1)
    end = max(finding.end_line, start)
    title = f"{finding.rule_id}: {finding.title}" if finding.title else finding.rule_id
    item: dict[str, Any] = {
        "path": escape.one_line(finding.path).removeprefix("./"),
        "start_line": start,
        "end_line": end,
        "annotation_level": _level(finding, report),
        "message": _truncate(escape.plain(finding.message or title), 60_000),
        "title": _truncate(escape.one_line(title), 255),
    }
    if start == end and finding.start_col > 0 and finding.end_col >= finding.start_col:
        item["start_column"] = finding.start_col
        item["end_column"] = finding.end_col
    if finding.remediation:
        item["raw_details"] = _truncate(escape.plain(finding.remediation), 60_000)
    return item


def _ranked(findings: tuple[Finding, ...]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity.rank, f.path, f.start_line, f.rule_id))


# --- labels, reviewers --------------------------------------------------------------


def _labels(client: GitHubClient, repo: str, ctx: CIContext, report: Report, out: _Outcome) -> None:
    labels = sorted(set(report.risk.labels))
    client.request("POST", f"{repo}/issues/{ctx.pull_request}/labels", json={"labels": labels})
    out.done.append(f"labels {', '.join(labels)}")


def _reviewers(
    client: GitHubClient, repo: str, ctx: CIContext, report: Report, out: _Outcome
) -> None:
    users: list[str] = []
    teams: list[str] = []
    for raw in report.risk.reviewers:
        name = raw.strip().lstrip("@")
        if "/" in name:
            teams.append(name.partition("/")[2])
        elif name and name.lower() != ctx.author.lower():  # GitHub 422s on the author
            users.append(name)
    payload = {
        key: sorted(set(value))
        for key, value in (("reviewers", users), ("team_reviewers", teams))
        if value
    }
    if not payload:
        return
    client.request("POST", f"{repo}/pulls/{ctx.pull_request}/requested_reviewers", json=payload)
    out.done.append(f"review requested from {', '.join(users + ['@' + t for t in teams])}")


# --- inline review comments ---------------------------------------------------------


def _inline(
    client: GitHubClient,
    repo: str,
    ctx: CIContext,
    report: Report,
    options: Mapping[str, Any],
    out: _Outcome,
) -> None:
    """One COMMENT review with the top-N new findings; findings already commented on
    (marker with the fingerprint in an existing review comment) are skipped."""
    cap = int(options["inline_comments"])
    seen: set[str] = set()
    for comment in client.paginate(f"{repo}/pulls/{ctx.pull_request}/comments"):
        text = str(comment.get("body") or "") if isinstance(comment, dict) else ""
        if INLINE_MARKER in text:
            seen.add(text.split(INLINE_MARKER, 1)[1].split(" ", 1)[0])
    fresh = [
        f
        for f in _ranked(report.active)
        if f.severity.at_least(Severity.LOW) and _key(f) not in seen
    ][:cap]
    if not fresh:
        return
    comments = [
        {
            "path": f.path.removeprefix("./"),
            "line": max(f.end_line, f.start_line, 1),
            "side": "RIGHT",
            "body": f"{INLINE_MARKER}{_key(f)} -->\n**{f.severity.value}** "
            f"{escape.md_code(f.rule_id)}: {escape.md_text(_truncate(f.message, 4_000))}",
        }
        for f in fresh
    ]
    client.request(
        "POST",
        f"{repo}/pulls/{ctx.pull_request}/reviews",
        json={
            "commit_id": ctx.head_sha,
            "event": "COMMENT",
            "body": f"gate: {len(comments)} finding(s) on changed lines",
            "comments": comments,
        },
    )
    out.done.append(f"{len(comments)} inline comments")


def _key(finding: Finding) -> str:
    if finding.fingerprint:
        return finding.fingerprint
    material = f"{finding.rule_id}\x00{finding.path}\x00{finding.start_line}"
    return hashlib.sha256(material.encode("utf-8", "surrogateescape")).hexdigest()[:32]


# --- text helpers -------------------------------------------------------------------


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    suffix = "\n\n… (truncated)" if limit > 200 else "…"
    return text[: limit - len(suffix)] + suffix


# --- one call for the CLI -----------------------------------------------------------


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
            from gate.forges.gitlab import GitLabClient, post_to_gitlab

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
