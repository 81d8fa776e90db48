"""`gate.change.hooks`: the base of a push, and `gate install-hooks` / `uninstall-hooks` with
real git repositories and a real `git push` to a local bare remote."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gate.change.hooks import (
    MARKER,
    ZERO_SHA,
    hooks_dir,
    install_hooks,
    is_gate_hook,
    parse_push_lines,
    pre_push_base,
    uninstall_hooks,
)
from gate.commands.cli import cli
from gate.errors import UsageError
from tests.conftest import GitRepo

GATE_YML = """\
packs: [security]
scanners:
  bandit: {enabled: false}
  secrets: {enabled: false}
"""
CLEAN = "def total(items):\n    return sum(items)\n"
RISKY = "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n"


def two_commits(repo: GitRepo) -> tuple[str, str]:
    repo.write("a.py", CLEAN)
    first = repo.commit("one")
    repo.write("b.py", CLEAN)
    return first, repo.commit("two")


# --- pre_push_base ---------------------------------------------------------------------------


def test_pre_commit_from_ref_is_the_base(repo: GitRepo) -> None:
    first, second = two_commits(repo)
    env = {"PRE_COMMIT_FROM_REF": first, "PRE_COMMIT_TO_REF": second}
    assert pre_push_base(env, "", repo.path) == first


def test_unknown_pre_commit_from_ref_is_ignored(repo: GitRepo) -> None:
    _, second = two_commits(repo)
    env = {"PRE_COMMIT_FROM_REF": "f" * 40, "PRE_COMMIT_TO_REF": second}
    assert pre_push_base(env, "", repo.path) is None


def test_pre_commit_remote_branch_gives_the_tracking_ref(repo: GitRepo) -> None:
    first, _ = two_commits(repo)
    repo.git("update-ref", "refs/remotes/origin/main", first)
    env = {"PRE_COMMIT_REMOTE_BRANCH": "refs/heads/main", "PRE_COMMIT_REMOTE_NAME": "origin"}
    assert pre_push_base(env, "", repo.path) == "refs/remotes/origin/main"


def test_git_stdin_remote_sha_is_the_base(repo: GitRepo) -> None:
    first, second = two_commits(repo)
    stdin = f"refs/heads/main {second} refs/heads/main {first}\n"
    assert pre_push_base({}, stdin, repo.path) == first


def test_git_stdin_prefers_the_line_pushing_head(repo: GitRepo) -> None:
    first, second = two_commits(repo)
    stdin = (
        f"refs/heads/other {first} refs/heads/other {ZERO_SHA}\n"
        f"refs/heads/main {second} refs/heads/main {first}\n"
    )
    assert pre_push_base({}, stdin, repo.path) == first


def test_new_branch_falls_back_to_the_upstream_merge_base(repo: GitRepo) -> None:
    _, second = two_commits(repo)
    stdin = f"refs/heads/feature {second} refs/heads/feature {ZERO_SHA}\n"
    assert pre_push_base({}, stdin, repo.path) is None


def test_remote_sha_not_fetched_falls_back(repo: GitRepo) -> None:
    _, second = two_commits(repo)
    stdin = f"refs/heads/main {second} refs/heads/main {'e' * 40}\n"
    assert pre_push_base({}, stdin, repo.path) is None


def test_delete_only_push_compares_head_with_itself(repo: GitRepo) -> None:
    first, _ = two_commits(repo)
    stdin = f"(delete) {ZERO_SHA} refs/heads/old {first}\n"
    assert pre_push_base({}, stdin, repo.path) == "HEAD"


def test_no_stdin_means_upstream_merge_base(repo: GitRepo) -> None:
    two_commits(repo)
    assert pre_push_base({}, "", repo.path) is None
    assert parse_push_lines("garbage\n\n") == ()


# --- install / uninstall ------------------------------------------------------------------


def test_install_writes_marked_executable_hooks(repo: GitRepo) -> None:
    lines = install_hooks(repo.path, ("pre-push", "pre-commit"))
    assert len(lines) == 2
    for hook in ("pre-push", "pre-commit"):
        path = repo.path / ".git" / "hooks" / hook
        assert is_gate_hook(path) and os.access(path, os.X_OK)
        text = path.read_text()
        assert MARKER in text and sys.executable in text
    assert "-m gate run --pre-push" in (repo.path / ".git/hooks/pre-push").read_text()
    assert "-m gate run --staged --quiet" in (repo.path / ".git/hooks/pre-commit").read_text()


def test_install_respects_core_hooks_path(repo: GitRepo) -> None:
    repo.git("config", "core.hooksPath", "githooks")
    install_hooks(repo.path / ".", ("pre-push",))
    assert hooks_dir(repo.path) == repo.path / "githooks"
    assert is_gate_hook(repo.path / "githooks" / "pre-push")
    assert not (repo.path / ".git" / "hooks" / "pre-push").exists()


def test_foreign_hook_is_refused_without_force_and_restored_on_uninstall(repo: GitRepo) -> None:
    foreign = repo.write(".git/hooks/pre-push", "#!/bin/sh\necho mine\n")
    with pytest.raises(UsageError, match=r"^\.git/hooks/pre-push exists .* --force"):
        install_hooks(repo.path, ("pre-push",))
    assert foreign.read_text() == "#!/bin/sh\necho mine\n"
    install_hooks(repo.path, ("pre-push",), force=True)
    assert is_gate_hook(foreign)
    assert uninstall_hooks(repo.path) == ("pre-push: removed; previous hook restored",)
    assert foreign.read_text() == "#!/bin/sh\necho mine\n"


def test_uninstall_leaves_foreign_hooks_alone(repo: GitRepo) -> None:
    foreign = repo.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n")
    install_hooks(repo.path, ("pre-push",))
    lines = uninstall_hooks(repo.path)
    assert "pre-push: removed" in lines
    assert any(line.startswith("pre-commit: left alone") for line in lines)
    assert foreign.exists()
    assert not (repo.path / ".git" / "hooks" / "pre-push").exists()


def test_cli_install_refusal_is_one_line_with_exit_2(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gate.commands.cli import main

    repo.write(".git/hooks/pre-push", "#!/bin/sh\n")
    monkeypatch.chdir(repo.path)
    runner = CliRunner()
    with runner.isolation() as (_out, err, *_):
        with pytest.raises(SystemExit) as exit_info:
            main(["install-hooks"])
    assert exit_info.value.code == 2
    lines = err.getvalue().decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gate: error: .git/hooks/pre-push exists")


def test_cli_install_and_uninstall(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo.path)
    result = CliRunner().invoke(cli, ["install-hooks", "--pre-commit"])
    assert result.exit_code == 0, result.output
    assert "pre-push: installed" in result.output and "pre-commit: installed" in result.output
    result = CliRunner().invoke(cli, ["uninstall-hooks"])
    assert result.exit_code == 0
    assert "pre-push: removed" in result.output
    assert not any((repo.path / ".git" / "hooks" / h).exists() for h in ("pre-push", "pre-commit"))


# --- a real push through the installed hook --------------------------------------------------


def _push(repo: GitRepo, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "push", *args], cwd=repo.path, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_installed_pre_push_hook_blocks_a_risky_push(repo: GitRepo, tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    repo.git("remote", "add", "origin", str(remote))
    repo.write(".gate.yml", GATE_YML)
    repo.write("app/service.py", CLEAN)
    repo.commit("base")
    assert _push(repo, "-q", "-u", "origin", "main").returncode == 0
    install_hooks(repo.path, ("pre-push",))

    repo.write("app/count.py", CLEAN.replace("total", "count"))
    repo.commit("clean")
    clean = _push(repo, "origin", "main")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "PASS" in clean.stdout + clean.stderr

    repo.write("app/loader.py", RISKY)
    risky = repo.commit("risky")
    blocked = _push(repo, "origin", "main")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "sec-unsafe-deserialization" in output and "app/loader.py" in output
    assert "app/count.py" not in output  # only what this push sends was compared
    pushed = subprocess.run(
        ["git", "rev-parse", "main"], cwd=remote, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert pushed != risky
    assert _push(repo, "--no-verify", "origin", "main").returncode == 0


@pytest.mark.slow
def test_installed_pre_commit_hook_blocks_a_risky_commit(repo: GitRepo) -> None:
    repo.write(".gate.yml", GATE_YML)
    repo.commit("base")
    install_hooks(repo.path, ("pre-push", "pre-commit"))
    repo.write("loader.py", RISKY)
    repo.git("add", "loader.py")
    result = subprocess.run(
        ["git", "commit", "-m", "risky"], cwd=repo.path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stderr.strip().startswith("gate: FAIL")
    assert "sec-unsafe-deserialization" in result.stderr
