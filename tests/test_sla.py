"""Review SLAs that run by themselves: business hours, ready-for-review clock, reviewers it
waits on, escalation levels done once across scheduled runs; GitHub and GitLab fakes on
127.0.0.1 (GitHub requests validated against the OpenAPI contract) and a frozen clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from gate.commands.cli import cli
from gate.decision.business_hours import calendar_from
from gate.decision.sla import run_sla, validate_sla
from gate.errors import ConfigError
from gate.forges.github_client import GitHubClient
from gate.forges.gitlab import GitLabClient
from gate.forges.sla_forges import GitHubSlaForge, GitLabSlaForge
from gate.policy.config import parse_config
from gate.policy.source import parse_policy
from tests.posting.conftest import FAST
from tests.posting.fake_servers import GITLAB_TOKEN, TOKEN
from tests.posting.forge import ForgeGitHub, ForgeGitLab

REPO = "Codertocat/Hello-World"
T3 = "gate:tier-3-critical"
# Monday 2026-03-02 09:00 Berlin = 08:00 UTC.
MONDAY_9 = "2026-03-02T08:00:00Z"

CONFIG = """\
version: 1
routing:
  tier-3:
    reviewers: [acme/security]
  teams:
    acme/security: [sec-sam]
sla:
  calendar:
    timezone: Europe/Berlin
    days: [mon, tue, wed, thu, fri]
    hours: "09:00-17:00"
    holidays: [2026-03-04]
  tier-3:
    after: 8h
    escalate: [comment, label]
    levels:
      - after: 15h
        escalate: [reviewers, comment]
        reviewers: [acme/security-leads, lead-lou]
      - after: 30h
        escalate: [notify]
        issue: 99
        comment: Paging the review lead.
"""


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture
def sla_forge(forge: ForgeGitHub) -> Iterator[GitHubSlaForge]:
    with requests.Session() as session:
        session.trust_env = False
        client = GitHubClient(session, forge.base_url, TOKEN, policy=FAST, sleep=lambda s: None)
        yield GitHubSlaForge(client, REPO)


def _run(sla_forge: GitHubSlaForge, now: str, text: str = CONFIG, dry_run: bool = False):  # type: ignore[no-untyped-def]
    return run_sla(sla_forge, REPO, parse_policy(text, ".gate.yml"), _at(now), dry_run=dry_run)


def test_business_hours_skip_nights_weekends_and_holidays() -> None:
    calendar = calendar_from(validate_sla(parse_config(CONFIG, "x").raw["sla"], "x")["calendar"])
    friday_4pm = _at("2026-02-27T15:00:00Z")  # 16:00 Berlin
    monday_10am = _at("2026-03-02T09:00:00Z")  # 10:00 Berlin
    assert calendar.working_time(friday_4pm, monday_10am) == timedelta(hours=2)
    tuesday_5pm = _at("2026-03-03T16:00:00Z")
    thursday_10am = _at("2026-03-05T09:00:00Z")  # Wednesday 4 March is a holiday
    assert calendar.working_time(tuesday_5pm, thursday_10am) == timedelta(hours=1)
    assert "Europe/Berlin" in calendar.describe()


def test_levels_escalate_once_each_across_scheduled_runs(
    forge: ForgeGitHub, sla_forge: GitHubSlaForge
) -> None:
    forge.add_pull(1, created_at=MONDAY_9, labels=(T3,), requested=("rita",))
    forge.review(1, "sec-sam", "COMMENTED", "a" * 40)  # a comment does not stop the clock
    # Tuesday 18:00 Berlin: 8h + 8h = 16h of working time: levels 1 (8h) and 2 (15h) are due.
    first = _run(sla_forge, "2026-03-03T17:00:00Z")
    (item,) = first.overdue
    assert item.waited == timedelta(hours=16) and item.levels_done == (1, 2)
    assert item.actions == (
        "level 1: labelled gate:review-overdue",
        "level 1: commented",
        "level 2: requested review from acme/security-leads, lead-lou",
        "level 2: commented",
    )
    assert forge.reviewer_requests == [
        {"reviewers": ["lead-lou"], "team_reviewers": ["security-leads"]}
    ]
    bodies = [c["body"] for c in forge.comments_on(1)]
    assert bodies[0].startswith("<!-- gate:sla-escalation level=1 -->")
    assert "Waiting on: @rita." in bodies[0]
    assert bodies[1].startswith("<!-- gate:sla-escalation level=2 -->")
    # Wednesday is a holiday: the same working time, nothing new.
    second = _run(sla_forge, "2026-03-04T15:00:00Z")
    assert second.overdue[0].actions == () and len(forge.comments_on(1)) == 2
    # Friday 18:00: 32h (Wednesday off) -> level 3 notifies the tracking issue, once.
    third = _run(sla_forge, "2026-03-06T17:00:00Z")
    assert third.overdue[0].actions == ("level 3: notified #99", "level 3: commented")
    assert "Paging the review lead." in forge.comments_on(99)[0]["body"]
    fourth = _run(sla_forge, "2026-03-09T17:00:00Z")
    assert fourth.overdue[0].actions == () and fourth.overdue[0].levels_done == (1, 2, 3)
    assert len(forge.comments_on(1)) == 3 and len(forge.comments_on(99)) == 1


def test_clock_starts_when_the_pr_is_ready_for_review(
    forge: ForgeGitHub, sla_forge: GitHubSlaForge
) -> None:
    forge.add_pull(2, created_at="2026-02-02T08:00:00Z", labels=(T3,))
    forge.timelines[2] = [
        {"event": "convert_to_draft", "created_at": "2026-02-03T08:00:00Z"},
        {"event": "ready_for_review", "created_at": MONDAY_9},
    ]
    report = _run(sla_forge, "2026-03-02T15:00:00Z")  # 7 working hours after ready
    (status,) = report.prs
    assert status.waited == timedelta(hours=7) and status.state == "due soon"
    assert forge.comments_on(2) == []


def test_drafts_and_prs_answered_by_the_reviewers_it_waits_on_are_not_escalated(
    forge: ForgeGitHub, sla_forge: GitHubSlaForge
) -> None:
    forge.add_pull(3, created_at=MONDAY_9, labels=(T3,), draft=True)
    forge.add_pull(4, created_at=MONDAY_9, labels=(T3,))
    forge.review(4, "sec-sam", "APPROVED", "a" * 40)
    forge.add_pull(5, created_at=MONDAY_9, labels=(T3,))
    forge.review(5, "drive-by", "APPROVED", "a" * 40)  # not in acme/security: still waiting
    report = _run(sla_forge, "2026-03-09T17:00:00Z")
    states = {p.number: p.state for p in report.prs}
    assert states == {3: "draft", 4: "reviewed", 5: "breached"}
    assert forge.comments_on(3) == forge.comments_on(4) == []


def test_a_marker_written_by_the_author_does_not_silence_the_escalation(
    forge: ForgeGitHub, sla_forge: GitHubSlaForge
) -> None:
    forge.add_pull(6, created_at=MONDAY_9, labels=(T3,), author="octocat")
    forge.add_comment(6, "<!-- gate:sla-escalation level=1 -->", login="octocat")
    forge.add_comment(6, "<!-- gate:sla-escalation level=2 -->", login="some-human")
    report = _run(sla_forge, "2026-03-03T17:00:00Z")
    assert report.overdue[0].levels_done == (1, 2) and len(forge.comments_on(6)) == 4


def test_dry_run_posts_nothing(forge: ForgeGitHub, sla_forge: GitHubSlaForge) -> None:
    forge.add_pull(7, created_at=MONDAY_9, labels=(T3,))
    report = _run(sla_forge, "2026-03-03T17:00:00Z", dry_run=True)
    assert report.overdue[0].actions[0] == "would have level 1: labelled gate:review-overdue"
    assert forge.calls("POST") == []


def test_forbidden_escalation_is_a_problem_not_a_crash(
    forge: ForgeGitHub, sla_forge: GitHubSlaForge
) -> None:
    forge.add_pull(8, created_at=MONDAY_9, labels=(T3,))
    forge.deny_writes = True
    report = _run(sla_forge, "2026-03-03T10:00:00Z")
    assert report.overdue[0].levels_done == ()
    assert report.problems[0].startswith("#8: level 1: labelled gate:review-overdue failed:")


def test_without_a_calendar_the_clock_runs_around_the_clock(
    forge: ForgeGitHub, sla_forge: GitHubSlaForge
) -> None:
    forge.add_pull(9, created_at="2026-03-07T00:00:00Z", labels=("gate:tier-2-sensitive",))
    report = _run(sla_forge, "2026-03-09T00:00:01Z", "version: 1\n")  # default tier-2: 48h
    assert report.overdue[0].waited > timedelta(hours=48)
    assert report.calendar == "around the clock"


def test_gitlab_merge_requests_escalate_with_notes_and_labels() -> None:
    server = ForgeGitLab()
    server.start()
    try:
        server.add_mr(11, created_at="2026-02-01T08:00:00Z", labels=(T3,), reviewers=("rita",))
        server.system_note(11, "marked this merge request as **ready**", MONDAY_9)
        server.approved_by[11] = ["octo-drive-by"]
        server.add_mr(12, created_at=MONDAY_9, labels=(T3,))
        server.approved_by[12] = ["sec-sam"]
        with requests.Session() as session:
            session.trust_env = False
            client = GitLabClient(session, server.base_url, GITLAB_TOKEN, policy=FAST)
            target = GitLabSlaForge(client, "acme/shop")
            config = parse_policy(CONFIG, ".gate.yml")
            now = _at("2026-03-03T09:00:00Z")  # Tuesday 10:00 Berlin: 9h after ready
            first = run_sla(target, "acme/shop", config, now)
            again = run_sla(target, "acme/shop", config, now + timedelta(minutes=5))
    finally:
        server.stop()
    assert server.violations == []
    states = {p.number: p.state for p in first.prs}
    assert states == {11: "breached", 12: "reviewed"}
    assert first.overdue[0].levels_done == (1,)
    assert "gate:review-overdue" in server.mrs[11]["labels"]
    notes = [n["body"] for n in server.notes.values() if n["iid"] == 11 and not n["system"]]
    assert len(notes) == 1 and notes[0].startswith("<!-- gate:sla-escalation level=1 -->")
    assert again.overdue[0].actions == ()


def test_gate_sla_command_runs_on_a_frozen_clock(
    forge: ForgeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".gate.yml").write_text(CONFIG)
    forge.add_pull(5, created_at=MONDAY_9, labels=(T3,))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_API_URL", forge.base_url)
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GATE_NOW", "2026-03-03T09:00:00Z")
    result = CliRunner().invoke(cli, ["sla", "--repo", REPO, "--forge", "github"])
    assert result.exit_code == 0, result.output
    assert (
        "1 overdue for review (business hours mon, tue, wed, thu, fri 09:00-17:00" in result.output
    )
    assert "#5 tier 3 (critical) waited 9h (limit 8h): level 1: labelled" in result.output
    assert TOKEN not in result.output


def test_default_sla_covers_tiers_2_and_3() -> None:
    rules = validate_sla(None, "defaults")
    assert rules["tier-0"] is None and rules["tier-1"] is None
    assert rules["tier-2"]["after"] == 48 * 3600 and rules["tier-3"]["after"] == 24 * 3600
    assert rules["calendar"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sla:\n  tier-2: soon\n", ".gate.yml:2: sla.tier-2: expected a duration"),
        ("sla:\n  tier-2:\n    escalate: [label]\n", ".gate.yml:2: sla.tier-2: missing 'after'"),
        (
            "sla:\n  tier-2:\n    after: 2h\n    escalate: [page]\n",
            ".gate.yml:4: sla.tier-2.escalate: 'page' is not one of comment, label, reviewers, "
            "notify",
        ),
        ("sla:\n  tier-5: 2h\n", ".gate.yml:2: unknown key 'sla.tier-5'"),
        (
            "sla:\n  calendar:\n    timezone: Mars/Olympus\n",
            ".gate.yml:3: sla.calendar.timezone: unknown time zone 'Mars/Olympus'",
        ),
        (
            "sla:\n  calendar:\n    hours: 9-5\n",
            ".gate.yml:3: sla.calendar.hours: expected working hours such as 09:00-17:00",
        ),
        (
            "sla:\n  tier-3:\n    after: 8h\n    levels:\n      - after: 4h\n",
            ".gate.yml:2: sla.tier-3: levels[0].after must be later than the level before it",
        ),
    ],
)
def test_malformed_sla_config_is_one_line_error(text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_policy(text, ".gate.yml")
    assert str(caught.value).startswith(expected)
    assert "\n" not in str(caught.value)


def test_now_is_timezone_aware() -> None:
    assert _at(MONDAY_9).tzinfo is not None and _at(MONDAY_9).utcoffset() == timezone.utc.utcoffset(
        None
    )


def test_a_reviewers_level_without_reviewers_asks_the_groups_backup(
    forge: ForgeGitHub, sla_forge: GitHubSlaForge
) -> None:
    text = (
        "version: 1\nrouting:\n  tier-3: {reviewers: [acme/security]}\n  groups:\n"
        "    security: {members: [acme/security], backup: [acme/security-leads, lou]}\n"
        "sla:\n  tier-3:\n    after: 1h\n    levels:\n      - {after: 2h, escalate: [reviewers]}\n"
    )
    forge.add_pull(12, created_at="2026-03-02T08:00:00Z", labels=(T3,))
    report = _run(sla_forge, "2026-03-02T11:00:00Z", text)
    assert report.overdue[0].levels_done == (1, 2)
    assert forge.reviewer_requests == [{"reviewers": ["lou"], "team_reviewers": ["security-leads"]}]


def test_clock_keeps_running_while_the_gate_check_waits_for_required_approvals(
    forge: ForgeGitHub, sla_forge: GitHubSlaForge
) -> None:
    text = "version: 1\nsla:\n  tier-3: 1h\n"
    head = "d" * 40
    forge.add_pull(13, created_at="2026-03-02T08:00:00Z", labels=(T3,), head=head)
    forge.review(13, "drive-by", "APPROVED", head)  # anyone's approval would stop it...
    forge.check_runs[1] = {
        "head_sha": head, "name": "gate", "status": "completed", "conclusion": "action_required",
        "output": {"title": "waiting for approvals", "summary": "s"}, "annotations": [],
    }  # fmt: skip
    waiting = _run(sla_forge, "2026-03-02T11:00:00Z", text)
    assert waiting.prs[0].state == "breached"  # ...but the required group has not approved
    forge.check_runs[2] = {**forge.check_runs[1], "conclusion": "success"}
    answered = _run(sla_forge, "2026-03-02T11:05:00Z", text)
    assert answered.prs[0].state == "reviewed"


def test_gitlab_approvals_left_keep_the_clock_running() -> None:
    server = ForgeGitLab()
    server.start()
    try:
        server.add_mr(21, created_at="2026-03-02T08:00:00Z", labels=(T3,))
        server.approved_by[21] = ["someone"]
        server.approvals_left[21] = 1  # a CODEOWNERS section still has to approve
        with requests.Session() as session:
            session.trust_env = False
            client = GitLabClient(session, server.base_url, GITLAB_TOKEN, policy=FAST)
            config = parse_policy("version: 1\nsla:\n  tier-3: 1h\n", ".gate.yml")
            report = run_sla(GitLabSlaForge(client, "7"), "7", config, _at("2026-03-02T11:00:00Z"))
    finally:
        server.stop()
    assert report.prs[0].state == "breached"
