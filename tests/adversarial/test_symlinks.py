"""Nothing the PR commits is followed as a link: policy, packs, cache, outputs, files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gate.change.diff import resolve_change
from gate.errors import ConfigError
from gate.policy.config import Config
from gate.policy.source import load_policy
from gate.runner import RunOptions, run_gate
from gate.scanning.cached import open_cache
from tests.conftest import GitRepo

STRICT = "packs: [security]\nfail_on: low\n"
WEAK = "packs: [security]\nfail_on: never\n"
PACK = "id: team-rules\ntitle: Team rules\nversion: 1.0.0\ndescription: Team.\n"


def _feature(repo: GitRepo) -> None:
    repo.git("checkout", "-q", "-b", "feature")


def _commit_link(repo: GitRepo, name: str, target: str | Path) -> None:
    link = repo.path / name
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.is_symlink() or link.is_file():
        link.unlink()
    elif link.is_dir():
        import shutil

        shutil.rmtree(link)
    link.symlink_to(target)
    repo.commit(f"link {name}")


@pytest.mark.parametrize("target", ["/dev/null", "weak.yml"])
def test_explicit_config_symlinked_by_the_pr_is_read_from_the_base(
    repo: GitRepo, target: str
) -> None:
    repo.write("ci/gate.yml", STRICT)
    repo.write("ci/weak.yml", WEAK)
    base = repo.commit("base")
    _feature(repo)
    _commit_link(repo, "ci/gate.yml", target)
    explicit = repo.path / "ci" / "gate.yml"
    policy = load_policy(repo.path, base_sha=base, in_ci=True, explicit=explicit)
    assert policy.config.fail_on == "low"
    assert policy.description.startswith(f"base commit {base[:12]} ci/gate.yml")
    assert any("symbolic link" in d for d in policy.drift), policy.drift


def test_a_config_that_is_a_link_at_the_base_is_refused(repo: GitRepo) -> None:
    repo.write("weak.yml", WEAK)
    (repo.path / ".gate.yml").symlink_to("weak.yml")
    base = repo.commit("base")
    with pytest.raises(ConfigError, match=r"\.gate\.yml: a symbolic link at base commit"):
        load_policy(repo.path, base_sha=base, in_ci=True, explicit=None)


def test_local_pack_redirected_by_a_symlink_is_not_a_decoy(repo: GitRepo, tmp_path: Path) -> None:
    decoy = tmp_path / "decoy"
    decoy.mkdir()
    (decoy / "pack.yml").write_text(PACK.replace("1.0.0", "6.6.6"))
    repo.write(".gate.yml", "packs: [security, ./rules/team]\n")
    repo.write("rules/team/pack.yml", PACK)
    base = repo.commit("base")
    _feature(repo)
    _commit_link(repo, "rules", decoy.parent)  # rules -> tmp, so rules/team -> nothing
    (tmp_path / "team").symlink_to(decoy)
    policy = load_policy(repo.path, base_sha=base, in_ci=True, explicit=None)
    try:
        assert policy.pack_dir == policy.temp_dir
        assert (policy.pack_dir / "rules/team/pack.yml").read_text() == PACK
        assert any("symbolic link" in d for d in policy.drift)
    finally:
        policy.cleanup()


def test_local_pack_that_is_a_link_at_the_base_is_refused(repo: GitRepo, tmp_path: Path) -> None:
    repo.write(".gate.yml", "packs: [security, ./rules]\n")
    (repo.path / "rules").symlink_to(tmp_path)
    base = repo.commit("base")
    with pytest.raises(ConfigError, match="is a symbolic link at base commit"):
        load_policy(repo.path, base_sha=base, in_ci=True, explicit=None)


def test_committed_cache_symlink_to_outside_is_not_trusted(repo: GitRepo, tmp_path: Path) -> None:
    forged = tmp_path / "forged-cache"
    (forged / "cache").mkdir(parents=True)
    repo.write("README.md", "x\n")
    repo.commit("base")
    _commit_link(repo, ".gate", forged)
    change = resolve_change(repo.path, base="HEAD~1")
    assert open_cache(change, Config(source="defaults")) is None


def test_untracked_symlinks_are_not_followed_in_a_local_run(repo: GitRepo, tmp_path: Path) -> None:
    secret = tmp_path / "outside.txt"
    secret.write_text("password = 'hunter2-outside-the-repo'\n")
    repo.write("README.md", "x\n")
    repo.commit("base")
    (repo.path / "leak.py").symlink_to(secret)
    (repo.path / "dirlink").symlink_to(tmp_path)  # a link to a directory
    report = run_gate(RunOptions(cwd=repo.path))
    skipped = {c.path: c.skipped for c in report.coverage}
    assert skipped["leak.py"] == "symbolic link (not followed)"
    assert skipped["dirlink"] == "symbolic link (not followed)"
    assert not [f for f in report.findings if f.path == "leak.py"]
    assert "hunter2" not in report.to_json()


def test_config_symlink_in_the_work_tree_is_refused_locally(repo: GitRepo, tmp_path: Path) -> None:
    (tmp_path / "elsewhere.yml").write_text(WEAK)
    (repo.path / ".gate.yml").symlink_to(tmp_path / "elsewhere.yml")
    with pytest.raises(ConfigError, match=r"\.gate\.yml is a symbolic link"):
        load_policy(repo.path, base_sha=None, in_ci=False, explicit=None)


@pytest.mark.parametrize("path", ["/tmp/gate-escaped.json", "../escaped.json", "out/x.json"])
def test_config_outputs_write_only_inside_the_repository(
    repo: GitRepo, tmp_path: Path, path: str
) -> None:
    (tmp_path / "outside").mkdir()
    repo.write(".gate.yml", f"outputs:\n  - {{format: json, path: '{path}'}}\n")
    repo.write("README.md", "x\n")
    repo.commit("base")
    (repo.path / "out").symlink_to(tmp_path / "outside")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    result = subprocess.run(
        [sys.executable, "-m", "gate", "run", "--all"],
        cwd=repo.path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "outputs:" in result.stderr
    assert not Path("/tmp/gate-escaped.json").exists()
    assert not (repo.path.parent / "escaped.json").exists()
    assert not (tmp_path / "outside" / "x.json").exists()


def test_extra_local_pack_works_in_ci_and_comes_from_the_base(repo: GitRepo) -> None:
    repo.write(".gate.yml", "packs: [security]\n")
    repo.write("team/pack.yml", PACK)
    base = repo.commit("base")
    _feature(repo)
    repo.write("team/pack.yml", PACK.replace("1.0.0", "0.0.1-weaker"))
    repo.commit("pr edits the extra pack")
    policy = load_policy(
        repo.path, base_sha=base, in_ci=True, explicit=None, extra_packs=("./team",)
    )
    try:
        assert "./team" in policy.config.packs
        assert (policy.pack_dir / "team/pack.yml").read_text() == PACK
        assert not any("removed from packs" in d for d in policy.drift)
    finally:
        policy.cleanup()
    report = run_gate(
        RunOptions(cwd=repo.path, base=base, policy_from_base=True, extra_packs=("./team",))
    )
    assert {p.id: p.version for p in report.packs}["team-rules"] == "1.0.0"
