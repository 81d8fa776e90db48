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
follow-up action (a button on the check) that gate does not offer. Missing approvals that
routing requires are one: ``action_required`` (status ``pending``), see gate.forges.reviews.

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

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from gate._compat import assert_never
from gate.change.ci import CIContext
from gate.findings import Finding, Severity
from gate.forges.github_client import GitHubClient
from gate.forges.github_inline import post_inline, ranked
from gate.forges.github_labels import replace_tier_labels
from gate.forges.github_sticky import sticky_comment
from gate.forges.rest import ApiError, PostResult
from gate.forges.reviews import gated_check, pending_status, required_reviews
from gate.forges.sticky import (
    ACTIONS_BOT,
    MARKER,
    Render,
    comment_body,
    poster_logins,
    truncate,
)
from gate.report import Report, Verdict
from gate.reporters import escape
from gate.reporters._common import reported

__all__ = ["commit_state", "conclusion", "post_to_github"]

CHECK_NAME = "gate"
STATUS_CONTEXT = "gate"
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
    "bot_login": "",
}


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
        steps.append(("comment", lambda: _comment(client, repo, ctx, report, body, options, out)))
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
        cap = int(options["inline_comments"])
        steps.append(
            ("inline comments", lambda: _inline(client, repo, ctx, report, cap, options, out))
        )
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


def _comment(
    client: GitHubClient,
    repo: str,
    ctx: CIContext,
    report: Report,
    body: str,
    options: Mapping[str, Any],
    out: _Outcome,
) -> None:
    done, url = sticky_comment(client, repo, ctx, report, body, options)
    out.done.extend([done] if done else [])
    out.comment_url = url or out.comment_url


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
    annotations = [_annotation(f, report) for f in ranked(reported(report, "github-annotations"))]
    dropped = max(len(annotations) - MAX_ANNOTATIONS, 0)
    annotations = annotations[:MAX_ANNOTATIONS]
    note = (
        f"\n\n_{dropped} more findings are not annotated; see the PR comment._" if dropped else ""
    )
    output = {
        "title": _check_title(report),
        "summary": truncate(body.removeprefix(MARKER).lstrip("\n"), SUMMARY_LIMIT - len(note))
        + note,
    }
    batches = [
        annotations[i : i + ANNOTATIONS_PER_REQUEST]
        for i in range(0, len(annotations), ANNOTATIONS_PER_REQUEST)
    ] or [[]]
    state = gated_check(client, ctx, report, conclusion(report.verdict), output)  # routing
    payload: dict[str, Any] = {
        "name": CHECK_NAME,
        "head_sha": ctx.head_sha,
        "status": "completed",
        "conclusion": state,
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
    shown = Counter(f.severity.value for f in reported(report, "github-annotations"))
    counts = ", ".join(f"{shown[s.value]} {s.value}" for s in Severity if shown[s.value])
    tier = f"; risk tier {report.risk.tier} {report.risk.name}" if report.risk.tier else ""
    return truncate(f"{report.verdict.value}: {counts or 'no active findings'}{tier}", 255)


def _status(client: GitHubClient, repo: str, ctx: CIContext, report: Report, out: _Outcome) -> None:
    payload: dict[str, Any] = {
        "state": commit_state(report.verdict),
        "description": truncate(
            f"{report.verdict.value}: {escape.one_line(report.verdict_reason)}", 140
        ),
        "context": STATUS_CONTEXT,
    }
    if payload["state"] == "success":  # routing: pending while required approvals are missing
        payload.update(pending_status(required_reviews(client, ctx, report)))
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
        "message": truncate(escape.plain(finding.message or title), 60_000),
        "title": truncate(escape.one_line(title), 255),
    }
    if start == end and finding.start_col > 0 and finding.end_col >= finding.start_col:
        item["start_column"] = finding.start_col
        item["end_column"] = finding.end_col
    if finding.remediation:
        item["raw_details"] = truncate(escape.plain(finding.remediation), 60_000)
    return item


def _inline(
    client: GitHubClient,
    repo: str,
    ctx: CIContext,
    report: Report,
    cap: int,
    options: Mapping[str, Any],
    out: _Outcome,
) -> None:
    posted = post_inline(client, repo, ctx, report, cap, poster_logins(options, ACTIONS_BOT))
    if posted:
        out.done.append(f"{posted} inline comments")


# --- labels, reviewers --------------------------------------------------------------


def _labels(client: GitHubClient, repo: str, ctx: CIContext, report: Report, out: _Outcome) -> None:
    out.done.append(replace_tier_labels(client, repo, ctx.pull_request, report.risk.labels))


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
