"""git -> `Change`: which files a change touched and which of their lines it added.

Paths come from git's NUL-separated `--raw -z` output (exact bytes, any name);
line numbers come from the patch parsed by `unidiff`. Nothing here reads the
content of a file except through git.
"""

from __future__ import annotations

import codecs
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import unidiff

from gate.errors import GitError, UsageError

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
_GIT_TIMEOUT = 120


class ChangeKind(str, Enum):
    ADDED = "added"
    MODIFIED = "modified"
    RENAMED = "renamed"
    COPIED = "copied"
    DELETED = "deleted"
    TYPE_CHANGED = "type-changed"
    UNTRACKED = "untracked"
    WHOLE = "whole-file"  # --files / --all: every line counts as added


class DiffMode(str, Enum):
    BASE = "base"  # merge-base(REF, HEAD)..HEAD
    STAGED = "staged"  # HEAD..index
    LOCAL = "local"  # merge-base(upstream, HEAD)..work tree, untracked included
    FILES = "files"
    ALL = "all"


Range = tuple[int, int]  # inclusive, 1-based


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangedFile:
    path: str  # repo-relative, forward slashes
    kind: ChangeKind
    old_path: str | None = None
    added: tuple[Range, ...] = ()  # lines this change added
    hunks: tuple[Range, ...] = ()  # new-file ranges of the changed hunks (with context)
    is_binary: bool = False
    is_symlink: bool = False
    is_submodule: bool = False
    mode_changed: bool = False

    @property
    def whole(self) -> bool:
        return self.kind in (ChangeKind.WHOLE, ChangeKind.UNTRACKED)

    def line_added(self, line: int) -> bool:
        return self.whole or any(start <= line <= end for start, end in self.added)

    def line_in_hunk(self, line: int) -> bool:
        return self.whole or any(start <= line <= end for start, end in self.hunks)

    def added_count(self) -> int:
        return sum(end - start + 1 for start, end in self.added)


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    mode: DiffMode
    description: str  # human sentence: what was compared
    repo_root: Path
    content_root: Path  # where the new content lives (repo root, or an index export)
    files: tuple[ChangedFile, ...]
    base_ref: str = ""
    base_sha: str = ""  # the merge-base actually compared against
    head_sha: str = ""
    notes: tuple[str, ...] = field(default=())

    def scannable(self) -> tuple[ChangedFile, ...]:
        return tuple(f for f in self.files if f.kind is not ChangeKind.DELETED)


def git(
    root: Path, *args: str, check: bool = True, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run git without any repository-configured helpers that could execute code."""
    command = [
        "git",
        "-c",
        "core.quotePath=true",
        "-c",
        "diff.external=",
        "-c",
        "core.fsmonitor=false",
        *args,
    ]
    env = {**os.environ, "GIT_EXTERNAL_DIFF": "", "GIT_PAGER": "cat", "LC_ALL": "C"}
    try:
        result = subprocess.run(  # noqa: S603 - fixed argv, no shell
            command,
            cwd=root,
            input=stdin,
            capture_output=True,
            timeout=_GIT_TIMEOUT,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took longer than {_GIT_TIMEOUT}s") from None
    if check and result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {' '.join(args[:2])} failed: {message[-1] if message else 'error'}")
    return result


def repo_root(start: Path) -> Path:
    result = git(start, "rev-parse", "--show-toplevel", check=False)
    if result.returncode != 0:
        raise GitError(
            f"{start} is not inside a git repository: run gate from your checkout, "
            "or use `gate demo` to see it work on a sample repository"
        )
    return Path(os.fsdecode(result.stdout.strip()))


def _rev(root: Path, ref: str) -> str | None:
    result = git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
    return result.stdout.decode().strip() if result.returncode == 0 else None


def _merge_base(root: Path, ref: str, head: str) -> str:
    result = git(root, "merge-base", ref, head, check=False)
    if result.returncode == 0:
        return result.stdout.decode().strip()
    shallow = git(root, "rev-parse", "--is-shallow-repository", check=False).stdout.strip()
    if shallow == b"true":
        raise GitError(
            f"no merge-base between {ref} and {head}: this is a shallow clone. "
            "In GitHub Actions use actions/checkout with `fetch-depth: 0`, "
            f"or run `git fetch --unshallow` (or `git fetch origin {ref}`) first"
        )
    raise GitError(f"{ref} and {head} have no common history; pass --base with a related ref")


def resolve_change(
    start: Path,
    *,
    base: str | None = None,
    staged: bool = False,
    files: Sequence[str] = (),
    all_files: bool = False,
) -> Change:
    """Decide what to compare and list the changed files with their added lines."""
    chosen = sum(bool(x) for x in (base, staged, files, all_files))
    if chosen > 1:
        raise UsageError("use only one of --base, --staged, --files and --all")
    root = repo_root(start)
    if files:
        return _whole_files(root, start, files)
    if all_files:
        tracked = _split_z(git(root, "ls-files", "-z").stdout)
        return Change(
            mode=DiffMode.ALL,
            description="every tracked file (--all)",
            repo_root=root,
            content_root=root,
            files=tuple(_whole(root, p) for p in tracked),
            head_sha=_rev(root, "HEAD") or "",
        )
    if staged:
        return _staged(root)
    return _against_base(root, base)


def _whole(root: Path, path: str) -> ChangedFile:
    full = root / path
    return ChangedFile(
        path=path,
        kind=ChangeKind.WHOLE,
        is_symlink=full.is_symlink(),
        is_submodule=full.is_dir() and not full.is_symlink(),
    )


def _whole_files(root: Path, start: Path, names: Sequence[str]) -> Change:
    picked = []
    for name in names:
        full = (start / name).resolve() if not Path(name).is_absolute() else Path(name).resolve()
        try:
            relative = full.relative_to(root.resolve())
        except ValueError:
            raise UsageError(f"{name}: outside the repository {root}") from None
        if not full.exists():
            raise UsageError(f"{name}: no such file")
        if full.is_dir():
            listed = _split_z(git(root, "ls-files", "-z", "--", relative.as_posix()).stdout)
            picked.extend(listed)
        else:
            picked.append(relative.as_posix())
    unique = tuple(dict.fromkeys(picked))
    return Change(
        mode=DiffMode.FILES,
        description=f"{len(unique)} file(s) given with --files, scanned whole",
        repo_root=root,
        content_root=root,
        files=tuple(_whole(root, p) for p in unique),
        head_sha=_rev(root, "HEAD") or "",
    )


def _staged(root: Path) -> Change:
    head = _rev(root, "HEAD")
    base = head or EMPTY_TREE
    files = _diff_files(root, [base], cached=True)
    export = Path(tempfile.mkdtemp(prefix="gate-index-"))
    paths = [f.path for f in files if f.kind is not ChangeKind.DELETED and not f.is_submodule]
    if paths:
        payload = b"".join(os.fsencode(p) + b"\x00" for p in paths)
        git(root, "checkout-index", f"--prefix={export}/", "-z", "--stdin", stdin=payload)
    return Change(
        mode=DiffMode.STAGED,
        description=f"staged changes against {'HEAD' if head else 'an empty repository'}",
        repo_root=root,
        content_root=export,
        files=files,
        base_ref="HEAD",
        base_sha=head or "",
        head_sha="",
    )


def _upstream_candidates(root: Path) -> Iterable[str]:
    upstream = git(
        root, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}", check=False
    )
    if upstream.returncode == 0:
        yield upstream.stdout.decode().strip()
    origin_head = git(root, "symbolic-ref", "--short", "refs/remotes/origin/HEAD", check=False)
    if origin_head.returncode == 0:
        yield origin_head.stdout.decode().strip()
    yield from ("origin/main", "origin/master", "main", "master")


def _against_base(root: Path, base: str | None) -> Change:
    head = _rev(root, "HEAD")
    if base is not None:
        base_sha = _rev(root, base)
        if base_sha is None:
            raise GitError(
                f"unknown revision '{base}': fetch it first (e.g. `git fetch origin {base}`), "
                "or in GitHub Actions check out with `fetch-depth: 0`"
            )
        if head is None:
            raise GitError("HEAD has no commit yet; commit first or use --staged")
        merge_base = _merge_base(root, base_sha, head)
        files = _diff_files(root, [merge_base, head])
        return Change(
            mode=DiffMode.BASE,
            description=(
                f"HEAD ({head[:12]}) against its merge-base with {base} ({merge_base[:12]})"
            ),
            repo_root=root,
            content_root=root,
            files=files,
            base_ref=base,
            base_sha=merge_base,
            head_sha=head,
        )
    # Local run: upstream merge-base plus uncommitted and untracked work.
    chosen_ref, merge_base = "", head or EMPTY_TREE
    if head is not None:
        current = (
            git(root, "rev-parse", "--abbrev-ref", "HEAD", check=False).stdout.decode().strip()
        )
        for candidate in _upstream_candidates(root):
            if candidate in (current, f"origin/{current}") and candidate != _tracking(root):
                continue
            sha = _rev(root, candidate)
            if sha is None:
                continue
            result = git(root, "merge-base", sha, head, check=False)
            if result.returncode == 0:
                chosen_ref, merge_base = candidate, result.stdout.decode().strip()
                break
    untracked = _split_z(git(root, "ls-files", "-z", "--others", "--exclude-standard").stdout)
    files = _diff_files(root, [merge_base]) + tuple(
        ChangedFile(path=p, kind=ChangeKind.UNTRACKED) for p in untracked
    )
    against = (
        f"its merge-base with {chosen_ref} ({merge_base[:12]})"
        if chosen_ref
        else ("HEAD (no upstream branch found)" if head else "an empty repository")
    )
    return Change(
        mode=DiffMode.LOCAL,
        description=f"working tree, including uncommitted and untracked files, against {against}",
        repo_root=root,
        content_root=root,
        files=files,
        base_ref=chosen_ref or ("HEAD" if head else ""),
        base_sha=merge_base if head else "",
        head_sha=head or "",
    )


def _tracking(root: Path) -> str:
    result = git(
        root, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}", check=False
    )
    return result.stdout.decode().strip() if result.returncode == 0 else ""


def _split_z(output: bytes) -> list[str]:
    return [os.fsdecode(part) for part in output.split(b"\x00") if part]


def _diff_files(root: Path, revs: list[str], cached: bool = False) -> tuple[ChangedFile, ...]:
    common = ["-M", "--no-color", "--no-ext-diff", "--no-textconv", "--ignore-submodules=none"]
    if cached:
        common.append("--cached")
    raw = git(root, "diff", "--raw", "-z", *common, *revs, "--").stdout
    patch = git(
        root, "diff", "-p", "-U3", "--src-prefix=a/", "--dst-prefix=b/", *common, *revs, "--"
    ).stdout
    lines_by_path = _parse_patch(patch)
    return tuple(_from_raw(raw, lines_by_path))


_KINDS = {
    "A": ChangeKind.ADDED,
    "M": ChangeKind.MODIFIED,
    "R": ChangeKind.RENAMED,
    "C": ChangeKind.COPIED,
    "D": ChangeKind.DELETED,
    "T": ChangeKind.TYPE_CHANGED,
}


def _from_raw(
    raw: bytes, lines_by_path: dict[str, tuple[tuple[Range, ...], tuple[Range, ...], bool]]
) -> Iterable[ChangedFile]:
    parts = raw.split(b"\x00")
    index = 0
    while index < len(parts) and parts[index]:
        meta = parts[index].decode("ascii", "replace")  # ":100644 100644 abc def M"
        fields = meta.lstrip(":").split()
        old_mode, new_mode, status = fields[0], fields[1], fields[4]
        letter = status[0]
        if letter in "RC":
            old_path, path = os.fsdecode(parts[index + 1]), os.fsdecode(parts[index + 2])
            index += 3
        else:
            old_path, path = None, os.fsdecode(parts[index + 1])
            index += 2
        kind = _KINDS.get(letter, ChangeKind.MODIFIED)
        added, hunks, binary = lines_by_path.get(path, ((), (), False))
        if kind is ChangeKind.DELETED:
            added, hunks = (), ()
        yield ChangedFile(
            path=path,
            old_path=old_path,
            kind=kind,
            added=added,
            hunks=hunks,
            is_binary=binary,
            is_symlink=new_mode == "120000",
            is_submodule=new_mode == "160000",
            mode_changed=old_mode not in ("000000", new_mode) and new_mode != "000000",
        )


def _git_unquote(name: str) -> str:
    """Undo git's C-style quoting of unusual path names ("a/t\\303\\244b")."""
    if len(name) >= 2 and name.startswith('"') and name.endswith('"'):
        raw = name[1:-1].encode("latin-1", "backslashreplace")
        return os.fsdecode(codecs.escape_decode(raw)[0])
    return name


def _parse_patch(
    patch: bytes,
) -> dict[str, tuple[tuple[Range, ...], tuple[Range, ...], bool]]:
    text = patch.decode("utf-8", "surrogateescape")
    try:
        patch_set = unidiff.PatchSet(text)
    except unidiff.UnidiffParseError as exc:
        raise GitError(f"could not parse git's diff output: {exc}") from None
    result: dict[str, tuple[tuple[Range, ...], tuple[Range, ...], bool]] = {}
    for patched in patch_set:
        target = _git_unquote(patched.target_file.rstrip("\t"))
        if target == "/dev/null":
            continue
        path = target[2:] if target.startswith("b/") else target
        added_lines = [line.target_line_no for hunk in patched for line in hunk if line.is_added]
        hunks = tuple(
            (hunk.target_start, hunk.target_start + max(hunk.target_length, 1) - 1)
            for hunk in patched
            if hunk.target_length > 0
        )
        previous = result.get(path)
        added = _ranges(added_lines)
        if previous:  # a type change appears as delete + add of the same path
            added, hunks = previous[0] + added, previous[1] + hunks
        result[path] = (added, hunks, bool(patched.is_binary_file))
    return result


def _ranges(numbers: Iterable[int | None]) -> tuple[Range, ...]:
    ranges: list[list[int]] = []
    for number in sorted(n for n in numbers if n is not None):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return tuple((a, b) for a, b in ranges)


def cleanup(change: Change) -> None:
    """Remove an index export made for --staged."""
    if change.content_root != change.repo_root and change.content_root.name.startswith("gate-"):
        shutil.rmtree(change.content_root, ignore_errors=True)
