"""The policy comes from the base commit in CI: a PR cannot weaken the rules that judge it."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.change.diff import resolve_change
from gate.decision.tier import assess_risk
from gate.errors import ConfigError, GitError, UsageError
from gate.policy.config import Config, parse_config
from gate.policy.packs import load_catalog
from gate.policy.source import config_drift, load_policy, parse_policy
from tests.conftest import GitRepo

BASE_CONFIG = """\
version: 1
packs: [pci-dss, soc2, security]
fail_on: high
exclude: [vendor/**]
"""

WEAKENED_CONFIG = """\
version: 1
packs: [pci-dss, security]
fail_on: critical
exclude: [vendor/**, src/payments/**]
disable_rules: [pci-pan-logged]
scanners:
  semgrep: {enabled: false}
"""

PACK = """\
id: team-rules
title: Team rules
version: {version}
description: Rules of the payments team.
"""


def _pr(repo: GitRepo, base_files: dict[str, str], head_files: dict[str, str]) -> str:
    """Commit base files on main, branch `feature` with head files; return base sha."""
    for path, text in base_files.items():
        repo.write(path, text)
    base = repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    for path, text in head_files.items():
        repo.write(path, text)
    repo.commit("pr")
    return base


def test_ci_judges_with_base_config_when_pr_weakens_it(repo: GitRepo) -> None:
    base = _pr(
        repo, {".gate.yml": BASE_CONFIG, "app/x.py": "x = 1\n"}, {".gate.yml": WEAKENED_CONFIG}
    )
    policy = load_policy(repo.path, base_sha="main", in_ci=True, explicit=None)
    try:
        assert policy.config.fail_on == "high"
        assert policy.config.packs == ("pci-dss", "soc2", "security")
        assert policy.config.scanner("semgrep")["enabled"] is True
        assert policy.config.source == f"base:{base[:12]}:.gate.yml"
        assert policy.description == f"base commit {base[:12]} .gate.yml (CI)"
        assert policy.head_config is not None and policy.head_config.fail_on == "critical"
        assert "pack 'soc2' removed from packs" in policy.drift
        assert any(s.startswith("fail_on weakened from 'high' to 'critical'") for s in policy.drift)
        assert "rule 'pci-pan-logged' disabled" in policy.drift
        assert any(s.startswith("exclude adds 'src/payments/**'") for s in policy.drift)
        assert "scanner 'semgrep' disabled" in policy.drift

        change = resolve_change(repo.path, base="main")
        risk = assess_risk(change, (), policy.config, config_drift=policy.drift)
    finally:
        policy.cleanup()
    assert risk.tier == 3
    signal = next(s for s in risk.signals if s.signal == "gate-config-changed")
    assert signal.tier == 3
    assert "pack 'soc2' removed from packs" in signal.detail
    assert "fail_on weakened" in signal.detail


def test_local_run_uses_working_tree_config_and_says_so(repo: GitRepo) -> None:
    _pr(repo, {".gate.yml": BASE_CONFIG}, {".gate.yml": WEAKENED_CONFIG})
    policy = load_policy(repo.path, base_sha=None, in_ci=False, explicit=None)
    assert policy.config.fail_on == "critical"
    assert policy.description == "working tree .gate.yml (local run)"
    assert policy.drift == ()
    assert policy.pack_dir == repo.path


def test_local_run_with_a_base_reports_drift_too(repo: GitRepo) -> None:
    _pr(repo, {".gate.yml": BASE_CONFIG}, {".gate.yml": WEAKENED_CONFIG})
    policy = load_policy(repo.path, base_sha="main", in_ci=False, explicit=None)
    assert policy.config.fail_on == "critical"
    assert "pack 'soc2' removed from packs" in policy.drift


def test_ci_without_a_base_refuses(repo: GitRepo) -> None:
    repo.write(".gate.yml", BASE_CONFIG)
    repo.commit()
    with pytest.raises(UsageError, match="--base"):
        load_policy(repo.path, base_sha=None, in_ci=True, explicit=None)


def test_ci_with_unknown_base_says_how_to_fetch(repo: GitRepo) -> None:
    repo.commit()
    with pytest.raises(GitError, match="git fetch origin nope"):
        load_policy(repo.path, base_sha="nope", in_ci=True, explicit=None)


def test_config_added_by_the_pr_is_ignored_in_ci_and_listed(repo: GitRepo) -> None:
    _pr(repo, {"app/x.py": "x\n"}, {".gate.yml": "fail_on: never\n"})
    policy = load_policy(repo.path, base_sha="main", in_ci=True, explicit=None)
    policy.cleanup()
    assert policy.config.source == "defaults"
    assert policy.config.fail_on == "high"
    assert "no .gate.yml at base commit" in policy.description
    assert any(s.startswith("fail_on weakened from 'high' to 'never'") for s in policy.drift)


def test_local_pack_is_materialized_from_the_base_commit(repo: GitRepo) -> None:
    config = "packs: [security, ./gate-rules/team]\n"
    _pr(
        repo,
        {".gate.yml": config, "gate-rules/team/pack.yml": PACK.format(version="1.0.0")},
        {"gate-rules/team/pack.yml": PACK.format(version="0.0.1-weaker")},
    )
    policy = load_policy(repo.path, base_sha="main", in_ci=True, explicit=None)
    try:
        assert policy.temp_dir is not None and policy.pack_dir == policy.temp_dir
        materialized = policy.pack_dir / "gate-rules/team/pack.yml"
        assert "version: 1.0.0" in materialized.read_text()
        catalog = load_catalog(policy.config.packs, policy.pack_dir)
        assert {p.id: p.version for p in catalog.packs}["team-rules"] == "1.0.0"
        assert any("local pack './gate-rules/team' differs" in s for s in policy.drift)
    finally:
        policy.cleanup()
    assert not materialized.exists()


def test_unchanged_local_pack_gives_no_drift(repo: GitRepo) -> None:
    config = "packs: [security, gate-rules/team]\n"
    _pr(
        repo,
        {".gate.yml": config, "gate-rules/team/pack.yml": PACK.format(version="1")},
        {"app/x.py": "x = 1\n"},
    )
    policy = load_policy(repo.path, base_sha="main", in_ci=True, explicit=None)
    policy.cleanup()
    assert policy.drift == ()


def test_broken_base_config_is_an_error_naming_the_base_file(repo: GitRepo) -> None:
    base = _pr(repo, {".gate.yml": "version: 1\nfail_onn: high\n"}, {".gate.yml": BASE_CONFIG})
    with pytest.raises(ConfigError, match=rf"^base:{base[:12]}:\.gate\.yml:2: unknown key"):
        load_policy(repo.path, base_sha="main", in_ci=True, explicit=None)


def test_broken_head_config_does_not_stop_ci_but_is_drift(repo: GitRepo) -> None:
    _pr(repo, {".gate.yml": BASE_CONFIG}, {".gate.yml": "fail_on: [\n"})
    policy = load_policy(repo.path, base_sha="main", in_ci=True, explicit=None)
    policy.cleanup()
    assert policy.config.fail_on == "high"
    assert any(s.startswith("the PR's configuration does not load") for s in policy.drift)


def test_risk_section_lowered_by_pr_is_drift(repo: GitRepo) -> None:
    _pr(
        repo,
        {".gate.yml": BASE_CONFIG},
        {".gate.yml": BASE_CONFIG + "risk:\n  areas:\n    payments: {tier: 0}\n"},
    )
    policy = load_policy(repo.path, base_sha="main", in_ci=True, explicit=None)
    policy.cleanup()
    assert "risk.areas.payments.tier changed from 3 to 0" in policy.drift


def test_malformed_risk_config_names_file_line_and_key() -> None:
    text = "version: 1\nrisk:\n  names: [a, b, c, d]\n  large_change_lines: lots\n"
    with pytest.raises(ConfigError) as caught:
        parse_policy(text, ".gate.yml")
    assert str(caught.value) == (
        ".gate.yml:4: risk.large_change_lines: expected a number, got 'lots'"
    )


def test_malformed_sla_config_names_file_line_and_key() -> None:
    with pytest.raises(ConfigError, match=r"^\.gate\.yml:3: sla\.tier-2: expected a duration"):
        parse_policy("version: 1\nsla:\n  tier-2: soon\n", ".gate.yml")


def test_drift_between_identical_configs_is_empty() -> None:
    config = parse_config(BASE_CONFIG, "a")
    assert config_drift(config, parse_config(BASE_CONFIG, "b")) == ()
    assert config_drift(Config(source="defaults"), Config(source="defaults")) == ()


def test_drift_names_tightening_and_other_changes() -> None:
    base = parse_config("fail_on: high\nfilter_mode: file\n", "a")
    head = parse_config("fail_on: medium\nfilter_mode: added\nmax_file_bytes: 10\n", "b")
    drift = config_drift(base, head)
    assert "fail_on tightened from 'high' to 'medium'" in drift
    assert any(s.startswith("filter_mode weakened from 'file' to 'added'") for s in drift)
    assert "max_file_bytes changed from 1000000 to 10" in drift


def test_explicit_config_outside_repo_is_trusted_in_ci(repo: GitRepo, tmp_path: Path) -> None:
    repo.write("app/x.py", "x\n")
    repo.commit()
    outside = tmp_path / "org-gate.yml"
    outside.write_text("fail_on: medium\n")
    policy = load_policy(repo.path, base_sha="HEAD", in_ci=True, explicit=outside)
    policy.cleanup()
    assert policy.config.fail_on == "medium"
    assert "outside the repository" in policy.description
