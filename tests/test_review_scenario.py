"""The scripted scenario of issue 18, end to end: 10 PRs of different tiers in a real git
repository, scanned by `run_gate` with the policy and CODEOWNERS from the base commit,
posted to the fake GitHub on 127.0.0.1 (every request contract-checked), then:

- routing from CODEOWNERS and path rules;
- a required approval keeps the `gate` check blocked until the right person approves;
- the tier label is replaced when a PR's tier changes;
- an SLA breach escalates through two levels on two scheduled runs, and not on a third;
- the queue page is rendered (and, when Chromium is installed, loaded in it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from gate.commands.cli import cli
from gate.decision.queue import snapshot
from gate.decision.queue_html import render_html
from gate.decision.sla import run_sla
from gate.forges.github import post_to_github
from gate.forges.github_client import GitHubClient
from gate.forges.sla_forges import GitHubSlaForge
from gate.policy.config import parse_config
from gate.report import Report
from gate.runner import RunOptions, run_gate
from tests.conftest import GitRepo
from tests.posting.conftest import FAST, make_ctx
from tests.posting.fake_servers import TOKEN
from tests.posting.forge import ForgeGitHub

REPO = "Codertocat/Hello-World"
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)

POLICY = """\
version: 1
scanners:
  semgrep: {enabled: false}
  bandit: {enabled: false}
risk:
  classify_identifiers: false
routing:
  groups:
    security: {members: [acme/security]}
  teams:
    acme/security: [sec-sam, sec-sue]
    acme/payments: [pay-pat]
  codeowners: {require: true}
  rules:
    - name: payments-paths
      when: {paths: ["payments/"]}
      require: [security]
      labels: [needs-security-review]
    - name: auth-changes
      when: {min_tier: 2, paths: ["auth/"]}
      require: [security]
sla:
  tier-2: 8h
  tier-3:
    after: 4h
    escalate: [comment, label]
    levels:
      - {after: 8h, escalate: [reviewers, comment], reviewers: [acme/security-leads]}
"""

CODEOWNERS = "payments/ @acme/payments\n/auth/ @auth-owner\n"
VIEW = (
    "from auth.deco import login_required\n\n@login_required\ndef refund(request):\n    return 1\n"
)

# number -> (author, files written on the PR's branch); "" deletes nothing here
PRS: dict[int, tuple[str, dict[str, str]]] = {
    1: ("dev-dana", {"payments/charge.py": "def charge(amount):\n    return amount * 2\n"}),
    2: ("dev-dan", {"docs/guide.md": "# Guide\n\nMore words.\n"}),
    3: ("dev-dora", {"src/util.py": "def clamp(x):\n    return max(0, x)\n"}),
    4: ("dev-dana", {"auth/session.py": "def expire(session):\n    session.clear()\n"}),
    5: ("dev-dan", {"svc/views.py": VIEW.replace("@login_required\n", "")}),
    6: ("dev-dora", {"payments/refund.py": "def refund(x):\n    return -x\n"}),
    7: ("dev-dan", {"tests/test_util.py": "def test_clamp():\n    assert True\n"}),
    8: ("dev-dora", {"requirements.txt": "requests==2.32.3\n"}),
    9: ("dev-dana", {"infra/main.tf": 'resource "null_resource" "x" {}\n'}),
    10: ("dev-dan", {"src/report.py": "def total(rows):\n    return sum(rows)\n"}),
}


@pytest.fixture
def gh(forge: ForgeGitHub) -> Iterator[GitHubClient]:
    with requests.Session() as session:
        session.trust_env = False
        yield GitHubClient(session, forge.base_url, TOKEN, policy=FAST, sleep=lambda s: None)


def _scan(repo: GitRepo, base: str, number: int) -> Report:
    report = run_gate(RunOptions(cwd=repo.path, base=base, policy_from_base=True))
    return replace(report, repository=REPO, pull_request=number)


def _post(gh: GitHubClient, report: Report, number: int, author: str) -> None:
    ctx = make_ctx(pull_request=number, head_sha=report.change.head_sha, author=author)
    settings = {"comment": True, "check_run": True, "labels": True, "request_reviewers": True}
    post_to_github(report, ctx, gh, settings)


def _conclusion(forge: ForgeGitHub, head: str) -> str:
    runs = [r for r in forge.check_runs.values() if r["head_sha"] == head]
    return str(runs[-1]["conclusion"])


def test_ten_prs_routed_required_relabelled_escalated_and_queued(
    repo: GitRepo, forge: ForgeGitHub, gh: GitHubClient, tmp_path: Path
) -> None:
    repo.write(".gate.yml", POLICY)
    repo.write("CODEOWNERS", CODEOWNERS)
    repo.write("svc/views.py", VIEW)
    repo.write("README.md", "shop\n")
    base = repo.commit("base")
    reports: dict[int, Report] = {}
    for number, (author, files) in PRS.items():
        repo.git("checkout", "-q", "-b", f"pr-{number}", base)
        for path, text in files.items():
            repo.write(path, text)
        head = repo.commit(f"PR {number}")
        reports[number] = _scan(repo, base, number)
        assert reports[number].change.head_sha == head
        created = (T0 + timedelta(minutes=number)).strftime("%Y-%m-%dT%H:%M:%SZ")
        forge.add_pull(number, author=author, head=head, created_at=created, draft=number == 10)
        _post(gh, reports[number], number, author)

    # 1. Routing from CODEOWNERS and path rules.
    tiers = {n: r.risk.tier for n, r in reports.items()}
    assert tiers == {1: 3, 2: 0, 3: 1, 4: 2, 5: 3, 6: 3, 7: 0, 8: 2, 9: 2, 10: 1}
    required = {n: {g.members for g in r.risk.required} for n, r in reports.items()}
    assert required[1] == {("acme/security",), ("acme/payments",)}
    assert required[4] == {("acme/security",), ("auth-owner",)}
    assert all(not required[n] for n in (2, 3, 7, 8, 9, 10))
    assert any(line.startswith("rule 'payments-paths': paths payments/charge.py")
               for line in reports[1].risk.routes)  # fmt: skip
    assert any(line.startswith("CODEOWNERS: owners of payments/charge.py")
               for line in reports[1].risk.routes)  # fmt: skip
    assert any(s.signal == "authz:removed" for s in reports[5].risk.signals)
    assert "needs-security-review" in forge.labels[1]

    # 2. SLA: PR 1 breaches; two scheduled runs escalate two levels, a third does nothing.
    sla_forge = GitHubSlaForge(gh, REPO)
    config = parse_config(POLICY, ".gate.yml")
    first = run_sla(sla_forge, REPO, config, T0 + timedelta(hours=5))
    second = run_sla(sla_forge, REPO, config, T0 + timedelta(hours=9))
    third = run_sla(sla_forge, REPO, config, T0 + timedelta(hours=10))
    pr1 = [{p.number: p for p in run.prs}[1] for run in (first, second, third)]
    assert [p.levels_done for p in pr1] == [(1,), (1, 2), (1, 2)]
    assert pr1[0].actions == ("level 1: labelled gate:review-overdue", "level 1: commented")
    assert pr1[1].actions[0] == "level 2: requested review from acme/security-leads"
    assert pr1[2].actions == ()
    markers = [c for c in forge.comments_on(1) if "gate:sla-escalation" in c["body"]]
    assert len(markers) == 2
    assert {p.number for p in third.prs if p.state == "draft"} == {10}

    # 3. Required means required: PR 1 stays blocked until security AND payments approve.
    head1 = reports[1].change.head_sha
    assert _conclusion(forge, head1) == "action_required"
    result = tmp_path / "pr1.json"
    result.write_text(reports[1].to_json())
    env = {"GITHUB_API_URL": forge.base_url, "GITHUB_TOKEN": TOKEN, "GITHUB_REPOSITORY": REPO}

    def review_check() -> int:
        outcome = CliRunner().invoke(
            cli, ["review-check", "--from", str(result), "--pr", "1"], env=env
        )
        return outcome.exit_code

    forge.review(1, "dev-dana", "APPROVED", head1)  # the author
    forge.review(1, "random-rob", "APPROVED", head1)  # not in any required group
    forge.review(1, "sec-sam", "COMMENTED", head1)  # a comment is not an approval
    assert review_check() == 1 and _conclusion(forge, head1) == "action_required"
    forge.review(1, "sec-sam", "APPROVED", head1)
    assert review_check() == 1  # payments has not approved yet
    forge.review(1, "pay-pat", "APPROVED", head1)
    assert review_check() == 0 and _conclusion(forge, head1) == "success"

    # 4. PR 6 drops its payments change: tier 3 -> 1, and its labels follow.
    assert "gate:tier-3-critical" in forge.labels[6]
    repo.git("checkout", "-q", "pr-6")
    repo.git("rm", "-q", "payments/refund.py")
    repo.write("src/helpers.py", "def half(x):\n    return x / 2\n")
    new_head = repo.commit("drop the payments part")
    forge.push(6, new_head)
    relabelled = _scan(repo, base, 6)
    assert relabelled.risk.tier == 1
    _post(gh, relabelled, 6, "dev-dora")
    tier_labels = [name for name in forge.labels[6] if name.startswith("gate:tier-")]
    assert tier_labels == ["gate:tier-1-elevated"]
    assert forge.calls("DELETE", r"/issues/6/labels/gate:tier-3-critical$")

    # 5. The queue page.
    queue = run_sla(sla_forge, REPO, config, T0 + timedelta(hours=10), dry_run=True)
    page = tmp_path / "queue.html"
    page.write_text(render_html(snapshot(queue), (snapshot(first), snapshot(queue))))
    text = page.read_text()
    assert text.count('<tr class="pr"') == 10
    assert 'data-tier="3"' in text and "breached" in text
    from tests.test_queue import chromium, dump_dom

    try:
        chromium()
    except pytest.skip.Exception:
        return
    dom = dump_dom(page, tmp_path / "profile")
    assert dom.count('<tr class="pr"') == 10 and 'id="age-chart"' in dom
