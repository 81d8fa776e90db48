"""Waivers in CI: nobody can grant themselves one (real git repo, fake GitHub on 127.0.0.1)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gate.findings import Status
from gate.report import Report, Verdict
from tests.governance.conftest import CONFIG, TODAY, Payments, ReviewingGitHub, waiver_yaml


def _secret(report: Report):  # type: ignore[no-untyped-def]
    return next(f for f in report.findings if f.rule_id == "secret-aws-secret-key")


def _use(report: Report, waiver_id: str):  # type: ignore[no-untyped-def]
    return next(w for w in report.waivers if w.id == waiver_id)


def test_waiver_added_by_the_pr_without_review_is_pending(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    payments.repo.write(".gate/waivers.yml", waiver_yaml())
    head = payments.head()
    report = payments.run_ci(payments.ci_env(forge, head, tmp_path))
    finding = _secret(report)
    assert finding.status is Status.ACTIVE
    assert "pending approval by bob" in finding.status_reason
    assert report.verdict is Verdict.FAIL
    assert _use(report, "W-1").status == "pending"
    assert any("waiver W-1: pending - pending approval by bob" in n for n in report.notes)
    assert report.risk.tier == 3
    assert any("adds waiver 'W-1'" in s.detail for s in report.risk.signals)
    assert forge.calls("GET", "/repos/o/r/pulls/7/reviews")
    import gate.reporters as reporters

    comment = reporters.render("markdown", report)
    assert "`W-1` pending: pending approval by bob" in comment


def test_pr_author_naming_and_approving_themselves_does_not_count(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    # alice writes the waiver, names herself approver, and approves her own PR.
    payments.repo.write(".gate/waivers.yml", waiver_yaml(approved_by=["alice"]))
    payments.repo.write(".gate.yml", "waivers:\n  approvers: [alice]\n")  # judged with base
    head = payments.head()
    forge.pr_reviews = [("alice", "APPROVED", head)]
    report = payments.run_ci(payments.ci_env(forge, head, tmp_path))
    assert _secret(report).status is Status.ACTIVE
    assert report.verdict is Verdict.FAIL
    assert "no configured approver other than the PR's author" in _use(report, "W-1").detail


def test_approval_by_a_configured_approver_on_the_head_commit_waives(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    payments.repo.write(".gate/waivers.yml", waiver_yaml())
    head = payments.head()
    forge.pr_reviews = [("bob", "COMMENTED", head), ("bob", "APPROVED", head)]
    report = payments.run_ci(payments.ci_env(forge, head, tmp_path))
    finding = _secret(report)
    assert finding.status is Status.WAIVED
    assert finding.status_reason.startswith("waiver W-1: rotated test key")
    assert "approved by bob" in finding.status_reason
    assert report.verdict is Verdict.PASS
    use = _use(report, "W-1")
    assert (use.status, use.source, use.approved_by) == ("applied", "approved on the PR", ("bob",))
    assert use.fingerprints == (finding.fingerprint,)
    assert report.risk.tier == 3  # adding a waiver is a policy change, reviewed as such


def test_approval_of_an_earlier_push_or_withdrawn_approval_does_not_count(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    payments.repo.write(".gate/waivers.yml", waiver_yaml())
    head = payments.head()
    env = payments.ci_env(forge, head, tmp_path)
    forge.pr_reviews = [("bob", "APPROVED", "0" * 40)]
    assert _secret(payments.run_ci(env)).status is Status.ACTIVE
    forge.pr_reviews = [("bob", "APPROVED", head), ("bob", "CHANGES_REQUESTED", head)]
    assert _secret(payments.run_ci(env)).status is Status.ACTIVE


def test_approver_who_wrote_the_waiver_cannot_approve_it(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    payments.repo.write(".gate/waivers.yml", waiver_yaml(author="bob", approved_by=["bob"]))
    head = payments.head()
    forge.pr_reviews = [("bob", "APPROVED", head)]
    report = payments.run_ci(payments.ci_env(forge, head, tmp_path))
    assert _secret(report).status is Status.ACTIVE
    assert _use(report, "W-1").status == "pending"


def test_waiver_on_the_base_branch_applies_without_review(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    payments.on_base(waiver_yaml())
    head = payments.head()
    report = payments.run_ci(payments.ci_env(forge, head, tmp_path))
    assert _secret(report).status is Status.WAIVED
    assert _use(report, "W-1").source == "base branch"
    assert report.verdict is Verdict.PASS
    assert not forge.calls("GET", "/repos/o/r/pulls/7/reviews")  # nothing new to approve


def test_expired_waiver_resurfaces_its_finding(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    payments.on_base(waiver_yaml())
    head = payments.head()
    report = payments.run_ci(payments.ci_env(forge, head, tmp_path), today=dt.date(2026, 3, 11))
    finding = _secret(report)
    assert finding.status is Status.ACTIVE
    assert finding.status_reason == "waiver W-1 expired on 2026-03-10"
    assert report.verdict is Verdict.FAIL
    assert "waiver W-1: expired - waiver W-1 expired on 2026-03-10" in report.notes


def test_pr_extending_an_expiry_keeps_the_reviewed_expiry(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    payments.on_base(waiver_yaml())
    payments.repo.write(".gate/waivers.yml", waiver_yaml(expires="2026-03-30"))
    head = payments.head()
    env = payments.ci_env(forge, head, tmp_path)
    report = payments.run_ci(env, today=dt.date(2026, 3, 12))
    assert _secret(report).status is Status.ACTIVE
    assert "expired on 2026-03-10" in _secret(report).status_reason
    assert _use(report, "W-1 (proposed)").status == "pending"
    assert any("expiry moved from 2026-03-10 to 2026-03-30" in d for d in report.notes)
    assert report.risk.tier == 3


def test_back_or_forward_dated_waiver_cannot_exceed_the_lifetime(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    # critical: at most 30 days. Back-dating `created` makes the span longer, not shorter;
    # forward-dating it is refused outright.
    payments.on_base(
        waiver_yaml(created="2026-02-25", expires="2026-06-01")
        + waiver_yaml(id="W-2", created="2026-05-10", expires="2026-06-01").split("waivers:\n")[1]
    )
    head = payments.head()
    report = payments.run_ci(payments.ci_env(forge, head, tmp_path))
    assert _secret(report).status is Status.ACTIVE
    assert "more than the 30 allowed for critical findings" in _use(report, "W-1").detail
    assert "created in the future" in _use(report, "W-2").detail


def test_malformed_or_missing_expiry_counts_as_expired(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    payments.on_base(waiver_yaml(expires="next spring"))
    head = payments.head()
    report = payments.run_ci(payments.ci_env(forge, head, tmp_path))
    assert _secret(report).status is Status.ACTIVE
    assert _use(report, "W-1").status == "expired"
    assert "no valid expiry date" in _use(report, "W-1").detail


def test_wildcard_waiver_in_the_pr_does_not_load_and_base_waivers_apply(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    payments.repo.write(".gate/waivers.yml", waiver_yaml(rule="*", paths=["**"]))
    head = payments.head()
    report = payments.run_ci(payments.ci_env(forge, head, tmp_path))
    assert _secret(report).status is Status.ACTIVE
    assert any("waivers file does not load" in n and "wildcard" in n for n in report.notes)
    assert report.risk.tier == 3


def test_stale_waiver_and_expiring_waiver_are_reported(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    stale = waiver_yaml(id="W-9", rule="secret-aws-secret-key", paths=["other.py"])
    gone = waiver_yaml(id="W-8", paths=["removed/**"])
    payments.on_base(waiver_yaml() + stale.split("waivers:\n")[1] + gone.split("waivers:\n")[1])
    payments.repo.write("other.py", "y = 3\n")
    head = payments.head()
    report = payments.run_ci(payments.ci_env(forge, head, tmp_path), today=dt.date(2026, 3, 5))
    assert _use(report, "W-9").status == "stale"
    assert "matches no finding in other.py" in _use(report, "W-9").detail
    assert "code is gone" in _use(report, "W-8").detail
    assert _use(report, "W-1").warning == "expires on 2026-03-10 (in 5 days)"
    assert any(n.startswith("waiver W-1 expires on 2026-03-10") for n in report.notes)


def test_local_run_applies_working_tree_waivers_with_a_note(payments: Payments) -> None:
    payments.repo.write(".gate/waivers.yml", waiver_yaml(approved_by=["alice"]))
    payments.head()
    report = payments.run_local()
    assert _secret(report).status is Status.WAIVED
    assert _use(report, "W-1").source == "working tree (local run)"
    assert any("in CI only waivers on the base branch" in n for n in report.notes)
    assert report.verdict is Verdict.PASS
    # thirty days on the waiver has expired, and the finding counts again
    later = payments.run_local(today=TODAY + dt.timedelta(days=30))
    assert _secret(later).status is Status.ACTIVE


def test_reviews_api_failure_leaves_the_waiver_pending_not_granted(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    from tests.posting.fake_servers import Fault

    payments.repo.write(".gate/waivers.yml", waiver_yaml())
    head = payments.head()
    forge.pr_reviews = [("bob", "APPROVED", head)]
    forge.fail("GET", r"/pulls/7/reviews", forever=Fault.forbidden())
    env = payments.ci_env(forge, head, tmp_path)
    report = payments.run_ci(env)
    assert _secret(report).status is Status.ACTIVE
    assert "reviews could not be read" in _use(report, "W-1").detail
    assert forge.pr_reviews and "TESTtoken" not in _use(report, "W-1").detail


def test_member_of_an_approver_team_named_in_approved_by_can_approve(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    config = CONFIG.replace("approvers: [bob, carol]", "approver_teams: [o/security]")
    payments.on_base("version: 1\nwaivers: []\n", **{".gate.yml": config})
    payments.repo.write(".gate/waivers.yml", waiver_yaml(approved_by=["o/security"]))
    head = payments.head()
    env = payments.ci_env(forge, head, tmp_path)
    forge.team_members = {"o/security": {"dana", "alice"}}
    forge.pr_reviews = [("zed", "APPROVED", head), ("alice", "APPROVED", head)]
    report = payments.run_ci(env)  # zed is not in the team; alice wrote the PR
    assert _secret(report).status is Status.ACTIVE
    assert "pending approval by a member of o/security" in _use(report, "W-1").detail
    forge.pr_reviews.append(("dana", "APPROVED", head))
    report = payments.run_ci(env)
    assert _secret(report).status is Status.WAIVED
    assert _use(report, "W-1").approved_by == ("dana (o/security)",)
