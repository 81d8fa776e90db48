"""CODEOWNERS (GitHub and GitLab syntax) and `routing:` rules -> required reviewer groups."""

from __future__ import annotations

import pytest

from gate.decision.routing import route, route_with
from gate.decision.tier_config import validate_risk, validate_routing
from gate.errors import ConfigError
from gate.findings import Finding, Severity
from gate.policy.codeowners import load_codeowners, parse_codeowners
from gate.policy.config import parse_config
from gate.policy.source import parse_policy
from gate.report import Risk, RiskSignal
from tests.conftest import GitRepo
from tests.test_cli_run import gate

GITHUB_OWNERS = """\
# default owners
*                 @acme/devs
*.js              @js-owner
/docs/            @docs-team
apps/             @octocat
docs/*            @doc-writer
/payments/        @acme/payments
/payments/README.md
"""

GITLAB_OWNERS = """\
* @acme/devs

[Payments][2] @acme/payments
payments/
payments/ledger/ @carol

^[Docs] @docs-team
*.md

[Security]
auth/ @acme/security
"""


def test_github_last_matching_pattern_wins() -> None:
    owners = parse_codeowners(GITHUB_OWNERS, "CODEOWNERS")
    assert owners.areas("src/app.js")[0].owners == ("js-owner",)
    assert owners.areas("docs/a.md")[0].owners == ("doc-writer",)
    # docs/* covers files directly in docs/ only; nested ones fall back to /docs/
    assert owners.areas("docs/deep/b.md")[0].owners == ("docs-team",)
    assert owners.areas("lib/apps/x.py")[0].owners == ("octocat",)
    assert owners.areas("payments/api.py")[0].owners == ("acme/payments",)
    assert owners.areas("payments/README.md") == ()  # a line without owners: nobody
    assert owners.areas("main.py")[0].owners == ("acme/devs",)


def test_gitlab_sections_keep_approval_counts_and_optional_flags() -> None:
    owners = parse_codeowners(GITLAB_OWNERS, "CODEOWNERS")
    areas = {a.section: a for a in owners.areas("payments/ledger/post.py")}
    assert areas[""].owners == ("acme/devs",)
    assert areas["Payments"].owners == ("carol",)  # last match inside the section
    assert areas["Payments"].approvals == 2
    readme = {a.section: a for a in owners.areas("payments/README.md")}
    assert readme["Payments"].owners == ("acme/payments",)  # the section's default owners
    assert readme["Docs"].optional and readme["Docs"].owners == ("docs-team",)
    assert {a.section for a in owners.areas("auth/login.py")} == {"", "Security"}


def test_codeowners_bad_owner_is_a_one_line_error_with_the_line() -> None:
    with pytest.raises(ConfigError, match=r"^CODEOWNERS:2: 'not an owner' |CODEOWNERS:2: 'not'"):
        parse_codeowners("* @ok\nsrc/ not\n", "CODEOWNERS")


def test_codeowners_come_from_the_base_commit_not_the_change(repo: GitRepo) -> None:
    repo.write(".github/CODEOWNERS", "payments/ @acme/payments\n")
    repo.write("README.md", "x\n")
    base = repo.commit("base")
    repo.write(".github/CODEOWNERS", "payments/ @mallory\n")
    repo.commit("the PR rewrites its owners")
    from_base = load_codeowners(repo.path, base)
    assert from_base is not None
    assert from_base.areas("payments/x.py")[0].owners == ("acme/payments",)
    assert from_base.source.startswith("base:")
    tree = load_codeowners(repo.path, None)
    assert tree is not None and tree.areas("payments/x.py")[0].owners == ("mallory",)


ROUTING = """\
version: 1
routing:
  groups:
    security:
      members: [acme/security, sam]
      backup: [acme/security-leads]
  rules:
    - name: payments
      when:
        paths: ["payments/"]
      require: [security]
      labels: [needs-security]
      note: Payments changes need a security review.
    - name: cardholder-data
      when:
        data_classes: [PAN]
        min_tier: 2
      require: [security]
      approvals: 2
    - name: pci-findings
      when:
        controls: ["pci-dss-4.0:6"]
      require: [codeowners]
    - name: owned-by-payments
      when:
        codeowners: [acme/payments]
      labels: [payments-owned]
"""


def _config(text: str = ROUTING):  # type: ignore[no-untyped-def]
    return parse_policy(text, ".gate.yml")


def _risk(tier: int = 1, signals: tuple[RiskSignal, ...] = ()) -> Risk:
    return Risk(tier=tier, name="x", signals=signals, labels=(f"gate:tier-{tier}-x",))


def test_path_rule_requires_the_group_and_adds_labels_and_note() -> None:
    risk = route_with(_risk(), ("payments/api.py",), (), _config(), None)
    assert [(g.name, g.members, g.approvals) for g in risk.required] == [
        ("security", ("acme/security", "sam"), 1)
    ]
    assert "needs-security" in risk.labels and "gate:tier-1-x" in risk.labels
    assert "Payments changes need a security review." in risk.review_note
    assert risk.routes == (
        "rule 'payments': paths payments/api.py -> requires 1 of "
        "acme/security, sam; labels needs-security",
    )


def test_unmatched_change_requires_nobody() -> None:
    risk = route_with(_risk(), ("src/app.py",), (), _config(), None)
    assert risk.required == () and risk.routes == ()


def test_data_class_rule_needs_its_tier_too_and_raises_the_count() -> None:
    pan = (RiskSignal(signal="data:PAN", detail="x", tier=3),)
    low = route_with(_risk(1, pan), ("src/app.py",), (), _config(), None)
    assert low.required == ()
    high = route_with(_risk(3, pan), ("payments/app.py",), (), _config(), None)
    assert [(g.name, g.approvals) for g in high.required] == [("security", 2)]
    assert any("data classes PAN" in line for line in high.routes)


def test_control_and_codeowners_rules_route_from_the_owners_file() -> None:
    owners = parse_codeowners("payments/ @acme/payments\n", "CODEOWNERS")
    finding = Finding(
        rule_id="r", sources=("semgrep",), severity=Severity.HIGH, path="payments/a.py",
        start_line=1, end_line=1, message="m", controls=("pci-dss-4.0:6.2.4",),
    )  # fmt: skip
    risk = route_with(_risk(), ("payments/a.py",), (finding,), _config(), owners)
    names = {g.name: g for g in risk.required}
    assert names["codeowners:default:acme/payments"].members == ("acme/payments",)
    assert "payments-owned" in risk.labels
    assert any(line.startswith("rule 'pci-findings': findings on controls pci-dss-4.0:6.2.4")
               for line in risk.routes)  # fmt: skip


def test_codeowners_require_uses_gitlab_sections_and_skips_optional_ones() -> None:
    config = _config("version: 1\nrouting:\n  codeowners:\n    require: true\n")
    owners = parse_codeowners(GITLAB_OWNERS, "CODEOWNERS")
    risk = route_with(_risk(), ("payments/README.md",), (), config, owners)
    got = {(g.members, g.approvals) for g in risk.required}
    assert got == {(("acme/devs",), 1), (("acme/payments",), 2)}
    assert any("optional section [Docs]" in line for line in risk.routes)


def test_blocking_tier_with_reviewers_is_a_required_group() -> None:
    config = _config("version: 1\nrouting:\n  tier-3:\n    reviewers: [acme/security]\n")
    risk = route_with(_risk(3), ("x.py",), (), config, None)
    assert [(g.name, g.members) for g in risk.required] == [("tier-3", ("acme/security",))]
    assert route_with(_risk(2), ("x.py",), (), config, None).required == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "routing:\n  rules:\n    - name: a\n      require: [securty]\n"
            "  groups:\n    security: {members: [sam]}\n",
            ".gate.yml:4: routing.rules[0]: require: 'securty' is not a group of routing.groups, "
            "an @user, an org/team or 'codeowners' (did you mean 'security'?)",
        ),
        (
            "routing:\n  rules:\n    - name: a\n      whne: {}\n      require: ['@sam']\n",
            ".gate.yml:5: unknown key 'routing.rules[0].whne' (did you mean 'when'?)",
        ),
        (
            "routing:\n  rules:\n    - require: ['@sam']\n",
            ".gate.yml:4: routing.rules[0]: missing 'name' (it is shown by `gate explain-tier`)",
        ),
        (
            "routing:\n  rules:\n    - name: a\n      when: {data_classes: [PAM]}\n"
            "      require: ['@sam']\n",
            ".gate.yml:4: routing.rules[0]: when.data_classes: 'PAM' is not one of PAN, SAD, "
            "CHD, CRED, PII",
        ),
        (
            "routing:\n  payments: {}\n",
            ".gate.yml:3: routing.payments: unknown key; route by area with routing.rules "
            "(when: {paths: [...]}), or per tier with routing.tier-0 ... tier-3",
        ),
    ],
)
def test_bad_routing_is_a_one_line_error_naming_line_and_key(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_policy("version: 1\n" + text, ".gate.yml")
    assert str(caught.value) == message


def test_existing_tier_routing_still_validates() -> None:
    text = "version: 1\nrouting:\n  tier-2:\n    reviewers: [bob]\n    labels: [l]\n"
    config = parse_config(text, ".gate.yml")
    risk = validate_risk(None, ".gate.yml")
    checked = validate_routing(config.raw["routing"], ".gate.yml", risk)
    assert checked["tier-2"]["reviewers"] == ("bob",) and checked["rules"] == ()


def test_explain_tier_shows_which_rule_routed_the_pr(repo: GitRepo) -> None:
    repo.write(".gate.yml", ROUTING + "scanners:\n  semgrep: {enabled: false}\n"
               "  bandit: {enabled: false}\n")  # fmt: skip
    repo.write("CODEOWNERS", "payments/ @acme/payments\n")
    repo.write("README.md", "x\n")
    repo.commit("base")
    repo.write("payments/api.py", "def total(a, b):\n    return a + b\n")
    repo.commit("pay")
    result = gate(repo, "explain-tier", "--base", "HEAD~1")
    assert result.returncode == 0, result.stderr
    assert "routed by rule 'payments': paths payments/api.py" in result.stdout
    assert "routed by rule 'owned-by-payments': CODEOWNERS areas of acme/payments" in result.stdout
    assert "required: 1 approval(s) from acme/security, sam (rule 'payments')" in result.stdout


def test_route_reads_codeowners_at_the_base(repo: GitRepo) -> None:
    repo.write("CODEOWNERS", "src/ @acme/core\n")
    repo.write("README.md", "x\n")
    repo.commit("base")
    repo.write("CODEOWNERS", "src/ @mallory\n")
    repo.write("src/a.py", "x = 1\n")
    repo.commit("change")
    from gate.change.diff import resolve_change

    change = resolve_change(repo.path, base="HEAD~1")
    config = _config("version: 1\nrouting:\n  codeowners: {require: true}\n")
    risk = route(_risk(), change, (), config)
    assert [g.members for g in risk.required] == [("acme/core",)]


def test_merged_shards_keep_every_shards_required_groups(repo: GitRepo) -> None:
    from gate.decision.merge import merge_reports
    from gate.report import ChangeInfo, Report, ReviewGroup, Verdict

    repo.write("README.md", "x\n")
    base = repo.commit("base")
    repo.write("src/a.py", "x = 1\n")
    head = repo.commit("change")

    def shard(k: int, group: str) -> Report:
        risk = Risk(
            tier=1,
            required=(ReviewGroup(name=group, members=(f"acme/{group}",)),),
            routes=(f"rule '{group}'",),
        )
        change = ChangeInfo(mode="base", description="x", base_sha=base, head_sha=head)
        return Report(
            gate_version="0",
            verdict=Verdict.PASS,
            verdict_reason="",
            change=change,
            risk=risk,
            shard=f"{k}/2",
        )

    merged = merge_reports((shard(1, "security"), shard(2, "payments")), repo=repo.path)
    assert {g.name for g in merged.risk.required} == {"security", "payments"}
    assert merged.risk.routes == ("rule 'security'", "rule 'payments'")


def test_gitlab_roles_are_owners_and_unused_codeowners_is_not_read(repo: GitRepo) -> None:
    owners = parse_codeowners("[Core]\nsrc/ @@maintainer\n", "CODEOWNERS")
    assert owners.areas("src/a.py")[0].owners == ("@maintainer",)
    repo.write("CODEOWNERS", "src/ not-an-owner\n")
    repo.write("README.md", "x\n")
    repo.commit("base")
    repo.write("src/a.py", "x = 1\n")
    repo.commit("change")
    from gate.change.diff import resolve_change

    change = resolve_change(repo.path, base="HEAD~1")
    assert route(_risk(), change, (), _config("version: 1\n")).required == ()
    with pytest.raises(ConfigError, match="CODEOWNERS:1: 'not-an-owner' is not an owner"):
        route(_risk(), change, (), _config("version: 1\nrouting:\n  codeowners: {require: true}\n"))
