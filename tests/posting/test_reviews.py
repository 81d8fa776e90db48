"""Required approvals: the `gate` check stays blocked until an independent member of every
required group approves the current head (fake GitHub on 127.0.0.1, contract-checked)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from gate.commands.cli import cli
from gate.decision.approval import evaluate
from gate.forges.github import post_to_github
from gate.forges.github_client import GitHubClient
from gate.forges.reviews import Approval, approvals, review_status
from gate.report import ReviewGroup, Risk, Verdict
from tests.posting.conftest import FAST, HEAD_SHA, make_ctx, make_report
from tests.posting.fake_servers import TOKEN
from tests.posting.forge import ForgeGitHub

REPO = "Codertocat/Hello-World"
OLD = "b" * 40
SECURITY = ReviewGroup(name="security", members=("acme/security", "sam"), reason="rule 'x'")


@pytest.fixture
def gh(forge: ForgeGitHub, session: requests.Session) -> GitHubClient:
    return GitHubClient(session, forge.base_url, TOKEN, policy=FAST, sleep=lambda s: None)


def test_approvals_count_the_latest_standing_review_of_the_head_only(
    forge: ForgeGitHub, gh: GitHubClient
) -> None:
    forge.add_pull(2, head=HEAD_SHA)
    forge.review(2, "old-approver", "APPROVED", OLD)  # an older head: does not count
    forge.review(2, "sam", "APPROVED", HEAD_SHA, at="2026-03-02T10:00:00Z")
    forge.review(2, "sam", "COMMENTED", HEAD_SHA, at="2026-03-02T11:00:00Z")  # keeps it
    forge.review(2, "dora", "APPROVED", HEAD_SHA, at="2026-03-02T10:30:00Z")
    forge.review(2, "dora", "DISMISSED", HEAD_SHA, at="2026-03-02T12:00:00Z")
    forge.review(2, "cid", "COMMENTED", HEAD_SHA)
    assert approvals(gh, REPO, 2, HEAD_SHA) == (
        Approval(login="sam", commit_id=HEAD_SHA, submitted_at="2026-03-02T10:00:00Z"),
    )


def test_author_and_last_committer_approvals_are_not_independent() -> None:
    status = evaluate(
        (ReviewGroup(name="g", members=("ann", "bob", "cy")),),
        ("ann", "bob"),
        author="ann",
        committers=("bob",),
        members={},
    )
    assert not status.satisfied
    assert status.groups[0].not_independent == ("ann", "bob")
    assert "PCI DSS 6.2.3.1" in status.summary()


def test_team_members_come_from_the_api_or_from_routing_teams(
    forge: ForgeGitHub, gh: GitHubClient
) -> None:
    forge.add_pull(2, head=HEAD_SHA, author="octocat")
    forge.teams["acme/security"] = ["tess"]
    forge.review(2, "tess", "APPROVED", HEAD_SHA)
    assert review_status(gh, REPO, 2, HEAD_SHA, "octocat", (SECURITY,)).satisfied
    del forge.teams["acme/security"]  # 404: nobody counts, and it says why
    unreadable = review_status(gh, REPO, 2, HEAD_SHA, "octocat", (SECURITY,))
    assert not unreadable.satisfied
    assert "cannot read the members of acme/security" in unreadable.problems[0]
    listed = {"acme/security": ["tess"]}
    assert review_status(gh, REPO, 2, HEAD_SHA, "octocat", (SECURITY,), listed).satisfied


def _required_report(verdict: Verdict = Verdict.PASS):  # type: ignore[no-untyped-def]
    return make_report(verdict=verdict, risk=Risk(tier=3, name="critical", required=(SECURITY,)))


def test_check_is_action_required_until_an_independent_member_approves_the_head(
    forge: ForgeGitHub, gh: GitHubClient
) -> None:
    forge.add_pull(2, head=HEAD_SHA, author="Codertocat")
    only_check = {"comment": False, "labels": False}
    post_to_github(_required_report(), make_ctx(), gh, only_check)
    first = list(forge.check_runs.values())[-1]
    assert first["conclusion"] == "action_required"
    assert "waiting for 1 more approval(s) from acme/security, sam" in first["output"]["summary"]
    forge.review(2, "Codertocat", "APPROVED", HEAD_SHA)  # the author: not counted
    post_to_github(_required_report(), make_ctx(), gh, only_check)
    assert list(forge.check_runs.values())[-1]["conclusion"] == "action_required"
    forge.review(2, "sam", "APPROVED", HEAD_SHA)
    post_to_github(_required_report(), make_ctx(), gh, only_check)
    assert list(forge.check_runs.values())[-1]["conclusion"] == "success"


def test_failing_verdict_stays_failure_even_when_approved(
    forge: ForgeGitHub, gh: GitHubClient
) -> None:
    forge.add_pull(2, head=HEAD_SHA, author="Codertocat")
    forge.review(2, "sam", "APPROVED", HEAD_SHA)
    post_to_github(_required_report(Verdict.FAIL), make_ctx(), gh, {"comment": False})
    assert list(forge.check_runs.values())[-1]["conclusion"] == "failure"


def _review_check(forge: ForgeGitHub, result: Path, *args: str):  # type: ignore[no-untyped-def]
    env = {
        "GITHUB_API_URL": forge.base_url,
        "GITHUB_TOKEN": TOKEN,
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_EVENT_PATH": "",
    }
    return CliRunner().invoke(cli, ["review-check", "--from", str(result), *args], env=env)


def test_review_check_reposts_the_check_from_the_saved_result_without_scanning(
    forge: ForgeGitHub, tmp_path: Path
) -> None:
    result = tmp_path / "result.json"
    result.write_text(_required_report().to_json())
    forge.add_pull(2, head=HEAD_SHA, author="Codertocat")
    waiting = _review_check(forge, result, "--pr", "2")
    assert waiting.exit_code == 1, waiting.output
    assert "waiting for 1 more approval(s)" in waiting.output
    forge.review(2, "sam", "APPROVED", HEAD_SHA)
    done = _review_check(forge, result, "--pr", "2")
    assert done.exit_code == 0, done.output
    runs = list(forge.check_runs.values())
    assert [r["conclusion"] for r in runs] == ["action_required", "success"]
    assert all(r["head_sha"] == HEAD_SHA for r in runs)


def test_review_check_refuses_a_result_for_an_older_head(
    forge: ForgeGitHub, tmp_path: Path
) -> None:
    result = tmp_path / "result.json"
    data = json.loads(_required_report().to_json())
    data["change"]["head_sha"] = OLD
    result.write_text(json.dumps(data))
    forge.add_pull(2, head=HEAD_SHA)
    outcome = _review_check(forge, result, "--pr", "2")
    assert outcome.exit_code == 1
    assert "nothing posted" in outcome.output and forge.check_runs == {}


# --- labels and inline comments stay current ----------------------------------------------


def _tier_report(tier: int, findings: int = 0):  # type: ignore[no-untyped-def]
    names = ("routine", "elevated", "sensitive", "critical")
    label = f"gate:tier-{tier}-{names[tier]}"
    return make_report(findings, risk=Risk(tier=tier, name=names[tier], labels=(label,)))


def test_tier_label_is_replaced_when_the_tier_changes(forge: ForgeGitHub, gh: GitHubClient) -> None:
    forge.add_pull(2, head=HEAD_SHA, labels=("bug", "gate:review-overdue"))
    only_labels = {"comment": False, "check_run": False}
    post_to_github(_tier_report(3), make_ctx(), gh, only_labels)
    assert forge.labels[2] == ["bug", "gate:review-overdue", "gate:tier-3-critical"]
    result = post_to_github(_tier_report(1), make_ctx(), gh, only_labels)
    assert forge.labels[2] == ["bug", "gate:review-overdue", "gate:tier-1-elevated"]
    assert "removed gate:tier-3-critical" in " ".join(result.done)
    post_to_github(_tier_report(1), make_ctx(), gh, only_labels)
    assert len(forge.calls("POST", r"/labels$")) == 2  # unchanged: nothing added again


def test_fixed_findings_comments_are_marked_fixed_and_free_the_cap(
    forge: ForgeGitHub, gh: GitHubClient
) -> None:
    settings = {"comment": False, "check_run": False, "labels": False, "inline_comments": 2}
    forge.add_pull(2, head=HEAD_SHA)
    post_to_github(make_report(4), make_ctx(), gh, settings)
    assert [c["line"] for c in forge.review_comments] == [1, 2]
    fixed = make_report(4)
    remaining = tuple(f for f in fixed.findings if f.start_line != 1)  # finding 0 was fixed
    from dataclasses import replace

    post_to_github(replace(fixed, findings=remaining), make_ctx(head_sha="c" * 40), gh, settings)
    first, second, third = forge.review_comments
    assert first["body"].startswith("<!-- gate:inline ")
    assert "**Fixed in cccccccccccc.**" in first["body"] and "~~" in first["body"]
    assert "Fixed" not in second["body"]
    assert third["line"] == 3  # one slot freed: one new comment, not two
    post_to_github(replace(fixed, findings=remaining), make_ctx(head_sha="c" * 40), gh, settings)
    assert len(forge.review_comments) == 3
    assert len(forge.calls("PATCH", r"/pulls/comments/")) == 1  # edited once
    post_to_github(fixed, make_ctx(), gh, settings)  # the finding comes back
    assert len(forge.review_comments) == 3  # never re-posted


def test_commit_status_is_pending_while_required_approvals_are_missing(
    forge: ForgeGitHub, gh: GitHubClient
) -> None:
    forge.add_pull(2, head=HEAD_SHA, author="Codertocat")
    only_status = {"comment": False, "labels": False, "check_run": False, "status": True}
    post_to_github(_required_report(), make_ctx(), gh, only_status)
    assert forge.statuses[-1]["state"] == "pending"
    assert forge.statuses[-1]["description"] == "waiting for approvals: security"
    forge.review(2, "sam", "APPROVED", HEAD_SHA)
    post_to_github(_required_report(), make_ctx(), gh, only_status)
    assert forge.statuses[-1]["state"] == "success"


def test_a_comment_that_cannot_be_edited_does_not_stop_new_inline_comments(
    forge: ForgeGitHub, gh: GitHubClient
) -> None:
    from tests.posting.fake_servers import Fault

    settings = {"comment": False, "check_run": False, "labels": False, "inline_comments": 3}
    forge.add_pull(2, head=HEAD_SHA)
    forge.review_comments.append(  # someone copied a gate marker for a finding that is gone
        {"id": 1, "pull": 2, "path": "x.py", "line": 1, "body": "<!-- gate:inline dead -->\nx"}
    )
    forge.fail("PATCH", r"/pulls/comments/1$", Fault.forbidden())
    result = post_to_github(make_report(2), make_ctx(), gh, settings)
    assert "2 inline comments" in result.done and result.problems == ()


def test_a_reviewer_who_pushed_the_last_commit_cannot_approve_it(
    forge: ForgeGitHub, gh: GitHubClient
) -> None:
    forge.add_pull(2, head=OLD, author="octocat")
    forge.push(2, HEAD_SHA, committer="sam")  # sam pushed a fix-up onto the PR
    forge.review(2, "sam", "APPROVED", HEAD_SHA)
    status = review_status(gh, REPO, 2, HEAD_SHA, "octocat", (SECURITY,), {"acme/security": []})
    assert not status.satisfied
    assert status.groups[0].not_independent == ("sam",)


def test_review_check_takes_the_pr_number_from_the_event(
    forge: ForgeGitHub, tmp_path: Path
) -> None:
    result = tmp_path / "result.json"
    result.write_text(replace(_required_report(), pull_request=0).to_json())  # event decides
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"workflow_run": {"pull_requests": [{"number": 2}]}}))
    forge.add_pull(2, head=HEAD_SHA, author="Codertocat")
    forge.review(2, "sam", "APPROVED", HEAD_SHA)
    env = {"GITHUB_API_URL": forge.base_url, "GITHUB_TOKEN": TOKEN,
           "GITHUB_REPOSITORY": REPO, "GITHUB_EVENT_PATH": str(event)}  # fmt: skip
    outcome = CliRunner().invoke(cli, ["review-check", "--from", str(result)], env=env)
    assert outcome.exit_code == 0, outcome.output
    assert list(forge.check_runs.values())[-1]["conclusion"] == "success"
