"""post_to_github against the contract-checked fake GitHub."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import requests

from gate.errors import PostError
from gate.findings import Severity
from gate.forges.github import commit_state, conclusion, post_to_github
from gate.forges.github_client import GitHubClient
from gate.forges.sticky import MARKER
from gate.report import Report, Risk, Verdict
from tests.posting.conftest import HEAD_SHA, MERGE_SHA, Sleeps, make_ctx, make_report
from tests.posting.fake_servers import TOKEN, FakeGitHub, Fault

Render = Callable[[Report], str]
ONLY_COMMENT = {"comment": True, "check_run": False, "labels": False}
ONLY_CHECK = {"comment": False, "check_run": True, "labels": False}


def test_first_run_creates_one_comment_second_run_updates_it(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    first = post_to_github(make_report(3), make_ctx(), client, ONLY_COMMENT, render=render)
    assert first.done == ("comment created",) and not first.fallback
    second = post_to_github(make_report(5), make_ctx(), client, ONLY_COMMENT, render=render)
    assert second.done == ("comment updated",)
    (comment,) = github.comments_on(2)
    assert comment["body"].startswith(MARKER)
    assert comment["body"] == render(make_report(5)) or comment["body"].endswith(
        render(make_report(5))
    )


def test_sticky_comment_found_on_a_later_page(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    for i in range(220):
        github.add_comment(2, f"review chatter mentioning {MARKER} in passing {i}")
    own = github.add_comment(2, f"{MARKER}\nold report", login="github-actions[bot]")
    for i in range(10):
        github.add_comment(2, f"more chatter {i}")
    result = post_to_github(make_report(1), make_ctx(), client, ONLY_COMMENT, render=render)
    assert result.done == ("comment updated",)
    assert len(github.calls("GET", "/comments$")) == 3  # 231 comments, 100 a page
    assert len(github.comments_on(2)) == 231
    assert github.comments[own]["body"] != f"{MARKER}\nold report"
    assert not github.calls("POST")


def test_unchanged_comment_is_not_patched(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    post_to_github(make_report(2), make_ctx(), client, ONLY_COMMENT, render=render)
    result = post_to_github(make_report(2), make_ctx(), client, ONLY_COMMENT, render=render)
    assert result.done == ("comment unchanged",)
    assert not github.calls("PATCH")


def test_create_that_worked_but_answered_502_is_not_posted_twice(
    github: FakeGitHub, client: GitHubClient, sleeps: Sleeps, render: Render
) -> None:
    github.fail("POST", "/issues/2/comments$", Fault.after(502))
    post_to_github(make_report(1), make_ctx(), client, ONLY_COMMENT, render=render)
    assert len(github.comments_on(2)) == 1
    assert len(github.calls("POST")) == 1 and len(github.calls("PATCH")) == 1
    assert sleeps == [1.0]


def test_502_on_comment_then_success_is_retried(
    github: FakeGitHub, client: GitHubClient, sleeps: Sleeps, render: Render
) -> None:
    github.fail("POST", "/issues/2/comments$", Fault.error(502))
    result = post_to_github(make_report(1), make_ctx(), client, ONLY_COMMENT, render=render)
    assert result.done == ("comment created",)
    assert len(github.calls("POST")) == 2 and len(github.comments_on(2)) == 1


def test_clean_report_deletes_the_comment_when_configured(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    settings = {**ONLY_COMMENT, "delete_comment_when_clean": True}
    post_to_github(make_report(2), make_ctx(), client, settings, render=render)
    assert len(github.comments_on(2)) == 1
    clean = make_report(0, verdict=Verdict.PASS)
    result = post_to_github(clean, make_ctx(), client, settings, render=render)
    assert result.done == ("comment deleted (clean)",)
    assert github.comments_on(2) == []
    again = post_to_github(clean, make_ctx(), client, settings, render=render)
    assert again.done == () and github.comments_on(2) == []


def test_check_run_with_120_findings_is_created_then_patched_in_batches_of_50(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    result = post_to_github(make_report(120), make_ctx(), client, ONLY_CHECK, render=render)
    (run_id,) = github.check_runs
    run = github.check_runs[run_id]
    assert result.check_run_id == run_id
    assert [len(b["output"]["annotations"]) for _, _, b in github.calls("POST", "check-runs")] == [
        50
    ]
    patches = github.calls("PATCH", f"check-runs/{run_id}$")
    assert [len(b["output"]["annotations"]) for _, _, b in patches] == [50, 20]
    assert len(run["annotations"]) == 120
    assert {a["message"] for a in run["annotations"]} == {
        f"PAN written to a log (finding {i})" for i in range(120)
    }
    assert run["conclusion"] == "failure" and run["status"] == "completed"
    assert run["name"] == "gate" and run["details_url"].endswith("/actions/runs/1")
    assert len(run["output"]["summary"]) <= 65_535
    assert result.done == (f"check run {run_id} (120 annotations)",)


def test_check_run_targets_the_pr_head_not_the_merge_commit(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    post_to_github(
        make_report(1), make_ctx(), client, {**ONLY_CHECK, "status": True}, render=render
    )
    (run,) = github.check_runs.values()
    assert run["head_sha"] == HEAD_SHA != MERGE_SHA
    assert [s["sha"] for s in github.statuses] == [HEAD_SHA]


def test_annotation_levels_follow_the_report_thresholds(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    report = make_report(0)
    findings = tuple(
        make_report(1, severity=s).findings[0]
        for s in (Severity.CRITICAL, Severity.MEDIUM, Severity.LOW)
    )
    report = Report(
        **{**{f: getattr(report, f) for f in report.__dataclass_fields__}, "findings": findings}
    )
    post_to_github(report, make_ctx(), client, ONLY_CHECK, render=render)
    (run,) = github.check_runs.values()
    # The low finding is below warn_on: kept in the JSON result, not annotated.
    assert [a["annotation_level"] for a in run["annotations"]] == ["failure", "warning"]
    assert run["annotations"][0]["start_column"] == 5


def test_findings_below_warn_on_annotated_as_notices_when_configured(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    base = make_report(0)
    findings = tuple(
        make_report(1, severity=s).findings[0] for s in (Severity.CRITICAL, Severity.LOW)
    )
    fields = {f: getattr(base, f) for f in base.__dataclass_fields__}
    report = Report(
        **{**fields, "findings": findings, "config": {"show_below_warn_on": ["github-annotations"]}}
    )
    post_to_github(report, make_ctx(), client, ONLY_CHECK, render=render)
    (run,) = github.check_runs.values()
    assert [a["annotation_level"] for a in run["annotations"]] == ["failure", "notice"]


@pytest.mark.parametrize(
    ("verdict", "expected_conclusion", "expected_state"),
    [
        (Verdict.PASS, "success", "success"),
        (Verdict.WARN, "neutral", "success"),
        (Verdict.FAIL, "failure", "failure"),
        (Verdict.ERROR, "failure", "error"),
    ],
)
def test_verdict_maps_to_conclusion_and_state(
    github: FakeGitHub,
    client: GitHubClient,
    render: Render,
    verdict: Verdict,
    expected_conclusion: str,
    expected_state: str,
) -> None:
    assert conclusion(verdict) == expected_conclusion and commit_state(verdict) == expected_state
    report = make_report(0, verdict=verdict)
    post_to_github(report, make_ctx(), client, {**ONLY_CHECK, "status": True}, render=render)
    (run,) = github.check_runs.values()
    assert run["conclusion"] == expected_conclusion
    assert github.statuses[0]["state"] == expected_state
    assert github.statuses[0]["context"] == "gate"


def test_status_description_is_cut_to_140_characters(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    report = Report(
        **{
            **{f: getattr(make_report(0), f) for f in Report.__dataclass_fields__},
            "verdict_reason": "x" * 500,
        }
    )
    settings = {"comment": False, "check_run": False, "status": True, "labels": False}
    post_to_github(report, make_ctx(), client, settings, render=render)
    assert len(github.statuses[0]["description"]) == 140


def test_check_run_forbidden_falls_back_to_commit_status(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    github.fail("POST", "/check-runs$", Fault.forbidden())
    result = post_to_github(make_report(2), make_ctx(), client, ONLY_CHECK, render=render)
    assert github.check_runs == {}
    assert [s["state"] for s in github.statuses] == ["failure"]
    assert result.done == ("status failure",) and not result.fallback
    assert "posted a commit status instead" in result.summary()


def test_fork_pr_403_on_comment_is_a_fallback_not_an_error(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    github.deny_writes = True
    ctx = make_ctx(is_fork=True, read_only_token=True)
    risk = Risk(labels=("gate:fail",), reviewers=("octocat",))
    result = post_to_github(
        make_report(2, risk=risk), ctx, client, {"request_reviewers": True}, render=render
    )
    assert result.fallback
    assert result.denied == ("comment", "check run", "labels", "reviewers")
    assert result.summary() == (
        "posted to Codertocat/Hello-World#2: nothing; 403 on comment, check run, labels, "
        "reviewers (fork PR or read-only token): fell back to job summary + annotations"
    )
    assert (
        len(github.calls("POST")) == 1
    )  # after the first 403 a read-only token is not asked again
    assert TOKEN not in result.summary()


def test_labels_and_reviewer_requests_from_risk(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    risk = Risk(
        tier=3,
        name="critical",
        labels=("risk:critical", "gate:fail"),
        reviewers=("@acme/payments-team", "alice", "Codertocat"),
    )
    settings = {"comment": False, "check_run": False, "request_reviewers": True}
    result = post_to_github(make_report(1, risk=risk), make_ctx(), client, settings, render=render)
    assert github.labels[2] == ["gate:fail", "risk:critical"]
    # the PR author cannot be requested; "org/team" becomes a team slug
    assert github.reviewer_requests == [
        {"reviewers": ["alice"], "team_reviewers": ["payments-team"]}
    ]
    assert result.done[0] == "labels gate:fail, risk:critical"


def test_reviewer_request_422_is_a_problem_not_a_failure(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    github.fail(
        "POST",
        "requested_reviewers$",
        Fault.error(422, "Reviews may only be requested from collaborators"),
    )
    risk = Risk(reviewers=("stranger",))
    settings = {"comment": False, "check_run": False, "request_reviewers": True}
    result = post_to_github(make_report(1, risk=risk), make_ctx(), client, settings, render=render)
    (problem,) = result.problems
    assert problem.startswith("reviewers not posted: GitHub POST /repos/Codertocat/Hello-World/")
    assert problem.endswith(
        "/requested_reviewers: 422 Reviews may only be requested from collaborators"
    )


def test_persistent_500_on_check_run_raises_post_error_without_token(
    github: FakeGitHub, client: GitHubClient, sleeps: Sleeps, render: Render
) -> None:
    github.fail("POST", "/check-runs$", forever=Fault.error(500))
    with pytest.raises(PostError) as info:
        post_to_github(make_report(1), make_ctx(), client, ONLY_CHECK, render=render)
    assert "check-runs: 500" in str(info.value) and TOKEN not in str(info.value)
    assert len(sleeps) == 3


def test_push_event_posts_check_run_but_no_comment(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    ctx = make_ctx(event="push", pull_request=0)
    result = post_to_github(make_report(1), ctx, client, {"labels": True}, render=render)
    assert github.comments == {} and len(github.check_runs) == 1
    assert result.target == "Codertocat/Hello-World@ec26c3e"


def test_inline_comments_are_capped_ranked_and_not_repeated(
    github: FakeGitHub, client: GitHubClient, render: Render
) -> None:
    report = make_report(5)
    settings = {"comment": False, "check_run": False, "inline_comments": 3}
    post_to_github(report, make_ctx(), client, settings, render=render)
    (review,) = github.reviews
    assert review["event"] == "COMMENT" and review["commit_id"] == HEAD_SHA
    assert [c["line"] for c in review["comments"]] == [1, 2, 3]
    assert all(c["side"] == "RIGHT" for c in review["comments"])
    post_to_github(report, make_ctx(), client, settings, render=render)
    assert len(github.reviews) == 1  # the cap counts the 3 already on the PR: no new review


def test_enterprise_server_posting(
    ghe: FakeGitHub, session: requests.Session, sleeps: Sleeps, render: Render
) -> None:
    client = GitHubClient(session, ghe.base_url, TOKEN, sleep=sleeps)
    post_to_github(make_report(60), make_ctx(), client, render=render)
    assert len(ghe.comments_on(2)) == 1 and len(ghe.check_runs) == 1
    assert all(path.startswith("/repos/") for _, path, _ in ghe.requests)


def test_real_markdown_body_or_fallback_starts_with_marker(
    github: FakeGitHub, client: GitHubClient
) -> None:
    post_to_github(make_report(1), make_ctx(), client, ONLY_COMMENT)
    (comment,) = github.comments_on(2)
    assert comment["body"].splitlines()[0] == MARKER


def test_marker_matches_the_markdown_reporter() -> None:
    markdown = pytest.importorskip("gate.reporters.markdown")
    assert markdown.MARKER == MARKER
    assert markdown.render(make_report(1)).splitlines()[0] == MARKER
