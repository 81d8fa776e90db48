"""The diff model on real git repositories: every odd case a PR can contain."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from gate.change.diff import cleanup, resolve_change
from gate.change.model import ChangeKind, DiffMode
from gate.errors import GitError, UsageError
from tests.conftest import GitRepo


def by_path(change):  # type: ignore[no-untyped-def]
    return {f.path: f for f in change.files}


def test_base_mode_reports_added_line_ranges(repo: GitRepo) -> None:
    repo.write("app.py", "a = 1\nb = 2\nc = 3\n")
    repo.commit("base")
    repo.write("app.py", "a = 1\nnew = 0\nb = 2\nc = 3\nd = 4\ne = 5\n")
    repo.commit("head")
    change = resolve_change(repo.path, base="HEAD~1")
    app = by_path(change)["app.py"]
    assert change.mode is DiffMode.BASE
    assert app.kind is ChangeKind.MODIFIED
    assert app.added == ((2, 2), (5, 6))
    assert app.line_added(2) and not app.line_added(3)
    assert app.line_in_hunk(3)  # context line inside the hunk
    assert "merge-base" in change.description


def test_base_mode_uses_merge_base_not_the_tip_of_base(repo: GitRepo) -> None:
    repo.write("a.py", "x = 1\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("feature.py", "f = 1\n")
    repo.commit("feature work")
    repo.git("checkout", "-q", "main")
    repo.write("main_only.py", "m = 1\n")
    repo.commit("main moves on")
    repo.git("checkout", "-q", "feature")
    change = resolve_change(repo.path, base="main")
    assert set(by_path(change)) == {"feature.py"}


def test_rename_without_edit_has_no_added_lines(repo: GitRepo) -> None:
    repo.write("old_name.py", "".join(f"line_{i} = {i}\n" for i in range(20)))
    repo.commit("base")
    repo.git("mv", "old_name.py", "new_name.py")
    repo.commit("rename")
    change = resolve_change(repo.path, base="HEAD~1")
    renamed = by_path(change)["new_name.py"]
    assert renamed.kind is ChangeKind.RENAMED
    assert renamed.old_path == "old_name.py"
    assert renamed.added == ()


def test_rename_with_edit_reports_only_the_edit(repo: GitRepo) -> None:
    repo.write("old.py", "".join(f"line_{i} = {i}\n" for i in range(20)))
    repo.commit("base")
    repo.git("mv", "old.py", "new.py")
    repo.write("new.py", "".join(f"line_{i} = {i}\n" for i in range(20)) + "added = 1\n")
    repo.commit("rename and edit")
    renamed = by_path(resolve_change(repo.path, base="HEAD~1"))["new.py"]
    assert renamed.kind is ChangeKind.RENAMED
    assert renamed.added == ((21, 21),)


def test_deleted_file_is_listed_but_not_scannable(repo: GitRepo) -> None:
    repo.write("gone.py", "x = 1\n")
    repo.write("kept.py", "y = 1\n")
    repo.commit("base")
    (repo.path / "gone.py").unlink()
    repo.commit("delete")
    change = resolve_change(repo.path, base="HEAD~1")
    assert by_path(change)["gone.py"].kind is ChangeKind.DELETED
    assert change.scannable() == ()


def test_mode_only_change(repo: GitRepo) -> None:
    repo.write("run.sh", "echo hi\n")
    repo.commit("base")
    os.chmod(repo.path / "run.sh", 0o755)
    repo.commit("chmod")
    script = by_path(resolve_change(repo.path, base="HEAD~1"))["run.sh"]
    assert script.mode_changed and script.added == ()


def test_binary_file_is_marked_binary(repo: GitRepo) -> None:
    repo.commit("base")
    repo.write("logo.png", bytes(range(256)) * 4)
    repo.commit("binary")
    assert by_path(resolve_change(repo.path, base="HEAD~1"))["logo.png"].is_binary


def test_symlink_is_marked(repo: GitRepo) -> None:
    repo.commit("base")
    os.symlink("/etc/passwd", repo.path / "link")
    repo.commit("symlink")
    assert by_path(resolve_change(repo.path, base="HEAD~1"))["link"].is_symlink


def test_submodule_is_marked(repo: GitRepo, tmp_path: Path) -> None:
    inner = GitRepo(tmp_path / "inner")
    inner.write("x.py", "x = 1\n")
    inner.commit("inner")
    repo.commit("base")
    subprocess.run(
        [
            "git",
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            str(inner.path),
            "sub",
        ],
        cwd=repo.path,
        check=True,
        capture_output=True,
    )
    repo.commit("add submodule")
    assert by_path(resolve_change(repo.path, base="HEAD~1"))["sub"].is_submodule


@pytest.mark.parametrize(
    "name",
    ["with space.py", "ünïcödé.py", 'tab\tand"quote.py', "-starts-with-dash.py", "new\nline.py"],
)
def test_odd_path_names_survive_exactly(repo: GitRepo, name: str) -> None:
    repo.commit("base")
    repo.write(name, "x = 1\ny = 2\n")
    repo.commit("odd name")
    changed = by_path(resolve_change(repo.path, base="HEAD~1"))
    assert name in changed
    assert changed[name].added == ((1, 2),)


def test_non_utf8_content_and_crlf(repo: GitRepo) -> None:
    repo.write("latin1.py", b"a = 1\n")
    repo.write("crlf.py", b"a = 1\r\n")
    repo.commit("base")
    repo.write("latin1.py", b"a = 1\ns = '\xe9t\xe9'\n")
    repo.write("crlf.py", b"a = 1\r\nb = 2\r\n")
    repo.commit("edits")
    changed = by_path(resolve_change(repo.path, base="HEAD~1"))
    assert changed["latin1.py"].added == ((2, 2),)
    assert changed["crlf.py"].added == ((2, 2),)


def test_very_large_diff(repo: GitRepo) -> None:
    repo.commit("base")
    for index in range(300):
        repo.write(f"pkg/mod_{index}.py", "".join(f"v{i} = {i}\n" for i in range(200)))
    repo.commit("big")
    change = resolve_change(repo.path, base="HEAD~1")
    assert len(change.files) == 300
    assert all(f.added == ((1, 200),) for f in change.files)


def test_staged_mode_scans_the_index_not_the_work_tree(repo: GitRepo) -> None:
    repo.write("a.py", "a = 1\n")
    repo.commit("base")
    repo.write("a.py", "a = 1\nstaged = 2\n")
    repo.git("add", "a.py")
    repo.write("a.py", "a = 1\nstaged = 2\nunstaged = 3\n")
    change = resolve_change(repo.path, staged=True)
    try:
        assert change.mode is DiffMode.STAGED
        assert by_path(change)["a.py"].added == ((2, 2),)
        exported = (change.content_root / "a.py").read_text()
        assert "unstaged" not in exported and "staged = 2" in exported
    finally:
        cleanup(change)
    assert not change.content_root.exists()


def test_staged_mode_in_a_repository_without_commits(repo: GitRepo) -> None:
    repo.write("first.py", "x = 1\n")
    repo.git("add", "first.py")
    change = resolve_change(repo.path, staged=True)
    cleanup(change)
    assert by_path(change)["first.py"].kind is ChangeKind.ADDED


def test_local_default_includes_uncommitted_and_untracked_work(repo: GitRepo) -> None:
    repo.write("a.py", "a = 1\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "topic")
    repo.write("committed.py", "c = 1\n")
    repo.commit("topic commit")
    repo.write("a.py", "a = 1\nuncommitted = 1\n")
    repo.write("untracked.py", "u = 1\n")
    change = resolve_change(repo.path)
    changed = by_path(change)
    assert change.mode is DiffMode.LOCAL
    assert set(changed) == {"a.py", "committed.py", "untracked.py"}
    assert changed["untracked.py"].kind is ChangeKind.UNTRACKED
    assert "merge-base with main" in change.description


def test_files_mode_scans_whole_files(repo: GitRepo) -> None:
    repo.write("src/a.py", "a = 1\nb = 2\n")
    repo.commit("base")
    change = resolve_change(repo.path, files=["src/a.py"])
    assert change.mode is DiffMode.FILES
    assert by_path(change)["src/a.py"].line_added(2)


def test_all_mode_lists_tracked_files(repo: GitRepo) -> None:
    repo.write("a.py", "a = 1\n")
    repo.write("b/c.js", "var c = 1;\n")
    repo.commit("base")
    assert set(by_path(resolve_change(repo.path, all_files=True))) == {"a.py", "b/c.js"}


def test_unknown_base_ref_explains_how_to_fetch(repo: GitRepo) -> None:
    repo.commit("base")
    with pytest.raises(GitError, match="fetch"):
        resolve_change(repo.path, base="origin/nope")


def test_shallow_clone_without_merge_base_explains_fetch_depth(
    repo: GitRepo, tmp_path: Path
) -> None:
    repo.write("a.py", "a = 1\n")
    repo.commit("one")
    repo.git("checkout", "-q", "-b", "other")
    for index in range(3):
        repo.write(f"o{index}.py", "x = 1\n")
        repo.commit(f"other {index}")
    repo.git("checkout", "-q", "main")
    repo.write("b.py", "b = 1\n")
    repo.commit("two")
    clone = tmp_path / "shallow"
    subprocess.run(
        [
            "git",
            "clone",
            "-q",
            "--depth",
            "1",
            "--no-single-branch",
            f"file://{repo.path}",
            str(clone),
        ],
        check=True,
        capture_output=True,
    )
    with pytest.raises(GitError, match="fetch-depth: 0"):
        resolve_change(clone, base="origin/other")


def test_outside_a_repository_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GitError, match="not inside a git repository"):
        resolve_change(tmp_path)


def test_conflicting_modes_are_a_usage_error(repo: GitRepo) -> None:
    repo.commit("base")
    with pytest.raises(UsageError):
        resolve_change(repo.path, base="HEAD", staged=True)
