"""`gate.change.hooks`: the base of a push, and `gate install-hooks` / `uninstall-hooks` with
real git repositories and a real `git push` to a local bare remote."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gate.change.git import EMPTY_TREE
from gate.change.hooks import (
    MARKER,
    hooks_dir,
    install_hooks,
    is_gate_hook,
    uninstall_hooks,
)
from gate.change.pushes import ZERO_SHA, parse_push_lines, pushed_ranges
from gate.commands.cli import cli
from gate.errors import GitError, UsageError
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


# --- pushed_ranges: what a push sends ---------------------------------------------------


def with_remote(repo: GitRepo, tmp_path: Path) -> Path:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    repo.git("remote", "add", "origin", str(remote))
    return remote


def test_existing_branch_range_is_remote_sha_to_pushed_sha_not_head(repo: GitRepo) -> None:
    first, second = two_commits(repo)
    repo.git("checkout", "-q", "-b", "elsewhere", first)  # HEAD is not what is pushed
    stdin = f"refs/heads/main {second} refs/heads/main {first}\n"
    (pushed,) = pushed_ranges({}, stdin, repo.path)
    assert (pushed.base, pushed.head, pushed.ref) == (first, second, "refs/heads/main")


def test_every_pushed_ref_gets_its_own_range_and_deletions_none(repo: GitRepo) -> None:
    first, second = two_commits(repo)
    stdin = (
        f"(delete) {ZERO_SHA} refs/heads/old {first}\n"
        f"refs/heads/a {second} refs/heads/a {first}\n"
        f"refs/heads/b {first} refs/heads/b {second}\n"  # a force push back
    )
    ranges = pushed_ranges({}, stdin, repo.path)
    assert [(r.ref, r.base, r.head) for r in ranges] == [
        ("refs/heads/a", first, second),
        ("refs/heads/b", second, first),
    ]


def test_delete_only_push_sends_nothing(repo: GitRepo) -> None:
    first, _ = two_commits(repo)
    assert pushed_ranges({}, f"(delete) {ZERO_SHA} refs/heads/old {first}\n", repo.path) == ()


def test_new_branch_is_compared_with_the_remotes_default_branch(
    repo: GitRepo, tmp_path: Path
) -> None:
    first, _ = two_commits(repo)
    with_remote(repo, tmp_path)
    repo.git("push", "-q", "origin", "main")
    repo.git("remote", "set-head", "origin", "main")
    repo.git("checkout", "-q", "-b", "feature", first)
    repo.write("c.py", CLEAN)
    feature = repo.commit("feature")
    stdin = f"refs/heads/feature {feature} refs/heads/feature {ZERO_SHA}\n"
    (pushed,) = pushed_ranges({}, stdin, repo.path, remote="origin")
    assert (pushed.base, pushed.head) == (first, feature)
    assert "refs/remotes/origin/HEAD" in pushed.why


def test_new_branch_without_a_default_branch_uses_what_the_remote_has(
    repo: GitRepo, tmp_path: Path
) -> None:
    first, second = two_commits(repo)
    with_remote(repo, tmp_path)
    repo.git("push", "-q", "origin", f"{first}:refs/heads/release")
    stdin = f"refs/heads/main {second} refs/heads/topic {ZERO_SHA}\n"
    (pushed,) = pushed_ranges({}, stdin, repo.path, remote="origin")
    assert (pushed.base, pushed.head) == (first, second)


def test_first_push_of_a_repository_is_against_the_empty_tree(
    repo: GitRepo, tmp_path: Path
) -> None:
    _, second = two_commits(repo)
    with_remote(repo, tmp_path)
    stdin = f"refs/heads/main {second} refs/heads/main {ZERO_SHA}\n"
    (pushed,) = pushed_ranges({}, stdin, repo.path, remote="origin")
    assert (pushed.base, pushed.head) == (EMPTY_TREE, second)


def test_pre_commit_to_ref_is_the_head_not_head(repo: GitRepo) -> None:
    first, second = two_commits(repo)
    repo.git("checkout", "-q", first)
    env = {"PRE_COMMIT_FROM_REF": first, "PRE_COMMIT_TO_REF": second}
    (pushed,) = pushed_ranges(env, "", repo.path)
    assert (pushed.base, pushed.head) == (first, second)


def test_pre_commit_first_push_gives_only_the_local_branch(repo: GitRepo) -> None:
    _, second = two_commits(repo)
    repo.git("checkout", "-q", "-b", "other", "HEAD~1")
    env = {
        "PRE_COMMIT": "1",
        "PRE_COMMIT_LOCAL_BRANCH": "refs/heads/main",
        "PRE_COMMIT_REMOTE_BRANCH": "refs/heads/main",
        "PRE_COMMIT_REMOTE_NAME": "origin",
    }
    (pushed,) = pushed_ranges(env, "", repo.path)
    assert (pushed.base, pushed.head) == (EMPTY_TREE, second)


def test_unknown_pre_commit_to_ref_is_a_one_line_error(repo: GitRepo) -> None:
    first, _ = two_commits(repo)
    env = {"PRE_COMMIT_FROM_REF": first, "PRE_COMMIT_TO_REF": "f" * 40}
    with pytest.raises(GitError, match="PRE_COMMIT_TO_REF=f+: no such commit"):
        pushed_ranges(env, "", repo.path)


def test_no_stdin_means_pushing_head_to_its_upstream(repo: GitRepo, tmp_path: Path) -> None:
    first, second = two_commits(repo)
    with_remote(repo, tmp_path)
    repo.git("push", "-q", "-u", "origin", f"{first}:refs/heads/main")
    repo.git("fetch", "-q", "origin")
    (pushed,) = pushed_ranges({}, "", repo.path)
    assert (pushed.base, pushed.head) == (first, second)
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
    assert '-m gate run --pre-push "$@"' in (repo.path / ".git/hooks/pre-push").read_text()
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


def _remote_tip(remote: Path, ref: str) -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", ref],
        cwd=remote,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip()


def _hooked_project(repo: GitRepo, tmp_path: Path) -> Path:
    """main with gate's policy, pushed; gate's pre-push hook installed."""
    remote = with_remote(repo, tmp_path)
    repo.write(".gate.yml", GATE_YML)
    repo.write("app/service.py", CLEAN)
    repo.commit("base")
    assert _push(repo, "-q", "-u", "origin", "main").returncode == 0
    install_hooks(repo.path, ("pre-push",))
    return remote


@pytest.mark.slow
def test_pushing_a_risky_branch_from_a_clean_main_checkout_is_blocked(
    repo: GitRepo, tmp_path: Path
) -> None:
    remote = _hooked_project(repo, tmp_path)
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("app/loader.py", RISKY)
    repo.commit("risky")
    repo.git("checkout", "-q", "main")  # a clean main is checked out
    blocked = _push(repo, "origin", "feature")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, output
    assert "sec-unsafe-deserialization" in output and "app/loader.py" in output
    assert "merge-base with origin's default branch" in output or "origin/main" in output
    assert _remote_tip(remote, "refs/heads/feature") == ""


@pytest.mark.slow
def test_pushing_a_clean_range_passes_while_head_and_work_tree_are_risky(
    repo: GitRepo, tmp_path: Path
) -> None:
    remote = _hooked_project(repo, tmp_path)
    repo.write("app/count.py", CLEAN.replace("total", "count"))
    clean = repo.commit("clean")
    repo.git("checkout", "-q", "-b", "risky")
    repo.write("app/loader.py", RISKY)
    repo.commit("risky")  # HEAD is risky ...
    repo.write("app/scratch.py", RISKY)  # ... and so is an untracked file
    passed = _push(repo, "origin", "main")
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "PASS" in output and "sec-unsafe-deserialization" not in output
    assert _remote_tip(remote, "refs/heads/main") == clean


@pytest.mark.slow
def test_one_push_of_two_refs_is_blocked_by_the_risky_one(repo: GitRepo, tmp_path: Path) -> None:
    remote = _hooked_project(repo, tmp_path)
    repo.git("checkout", "-q", "-b", "clean")
    repo.write("app/count.py", CLEAN.replace("total", "count"))
    repo.commit("clean")
    repo.git("checkout", "-q", "-b", "risky", "main")
    repo.write("app/loader.py", RISKY)
    repo.commit("risky")
    repo.git("checkout", "-q", "clean")
    blocked = _push(repo, "origin", "clean", "risky")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, output
    assert "refs/heads/clean" in output and "refs/heads/risky" in output
    assert "PASS" in output and "sec-unsafe-deserialization" in output
    assert _remote_tip(remote, "refs/heads/risky") == ""


@pytest.mark.slow
def test_first_push_of_a_repository_scans_the_pushed_commits(repo: GitRepo, tmp_path: Path) -> None:
    remote = with_remote(repo, tmp_path)
    repo.write(".gate.yml", GATE_YML)
    repo.write("app/service.py", CLEAN)
    repo.commit("base")
    repo.write("app/loader.py", RISKY)
    repo.commit("risky")
    install_hooks(repo.path, ("pre-push",))
    blocked = _push(repo, "origin", "main")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, output  # a verdict, not a usage error (2)
    assert "empty tree" in output and "app/loader.py" in output
    repo.git("rm", "-q", "app/loader.py")
    repo.commit("remove it")
    repo.git("reset", "-q", "--hard", "HEAD~2")  # history without the risky commit
    passed = _push(repo, "origin", "main")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert _remote_tip(remote, "refs/heads/main") != ""


@pytest.mark.slow
def test_deleting_a_branch_scans_nothing(repo: GitRepo, tmp_path: Path) -> None:
    remote = _hooked_project(repo, tmp_path)
    assert _push(repo, "--no-verify", "-q", "origin", "main:refs/heads/old").returncode == 0
    repo.write("app/loader.py", RISKY)  # a risky work tree does not matter
    deleted = _push(repo, "origin", "--delete", "old")
    assert deleted.returncode == 0, deleted.stdout + deleted.stderr
    assert "nothing to scan" in deleted.stderr
    assert _remote_tip(remote, "refs/heads/old") == ""


def test_commit_export_reads_git_not_the_work_tree(repo: GitRepo) -> None:
    from gate.change.commits import export_commit

    repo.write("a.py", CLEAN)
    repo.write("tool.sh", "#!/bin/sh\n")
    (repo.path / "tool.sh").chmod(0o755)
    (repo.path / "link").symlink_to("/etc/passwd")
    sha = repo.commit("one")
    repo.write("a.py", RISKY)  # uncommitted: must not be exported
    export = export_commit(repo.path, sha, ["a.py", "tool.sh", "link"])
    assert (export / "a.py").read_text() == CLEAN
    assert os.access(export / "tool.sh", os.X_OK)
    assert not (export / "link").is_symlink()
    assert (export / "link").read_text() == "/etc/passwd"


@pytest.mark.slow
def test_pushing_head_ignores_uncommitted_edits_to_tracked_files(
    repo: GitRepo, tmp_path: Path
) -> None:
    _hooked_project(repo, tmp_path)
    repo.write("app/count.py", CLEAN + "\n\ndef other():\n    return 1\n")  # 6 added lines
    repo.commit("clean")
    repo.write("app/count.py", RISKY)  # modified in the work tree (line 5), not committed
    passed = _push(repo, "origin", "main")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "sec-unsafe-deserialization" not in passed.stdout + passed.stderr
