"""git -> `Change`: which files a change touched and which of their lines it added.

Paths come from git's NUL-separated `--raw -z` output (exact bytes, any name);
line numbers come from the patch parsed by `unidiff`. Nothing here reads the
content of a file except through git.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from gate.change.git import EMPTY_TREE, git, repo_root
from gate.change.model import Change, ChangedFile, ChangeKind, DiffMode
from gate.change.patch import diff_files, split_z
from gate.errors import GitError, UsageError


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
    head: str | None = None,
) -> Change:
    """Decide what to compare and list the changed files with their added lines.

    `head` (with `base`) names the commit to judge instead of HEAD: a pushed branch, a
    PR head under a merge checkout. Its files are read from git, not the working tree.
    """
    chosen = sum(bool(x) for x in (base, staged, files, all_files))
    if chosen > 1:
        raise UsageError("use only one of --base, --staged, --files and --all")
    root = repo_root(start)
    if files:
        return _whole_files(root, start, files)
    if all_files:
        tracked = split_z(git(root, "ls-files", "-z").stdout)
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
    if head is not None and base is None:
        raise UsageError("--head needs --base: the commit to compare it with")
    return _against_base(root, base, head)


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
            listed = split_z(git(root, "ls-files", "-z", "--", relative.as_posix()).stdout)
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
    files = diff_files(root, [base], cached=True)
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


def _against_base(root: Path, base: str | None, head_ref: str | None = None) -> Change:
    head = _rev(root, head_ref or "HEAD")
    if head_ref is not None and head is None:
        raise GitError(f"unknown revision '{head_ref}' (--head): fetch it first")
    if base is not None:
        base_sha = EMPTY_TREE if base == EMPTY_TREE else _rev(root, base)
        if base_sha is None:
            raise GitError(
                f"unknown revision '{base}': fetch it first (e.g. `git fetch origin {base}`), "
                "or in GitHub Actions check out with `fetch-depth: 0`"
            )
        if head is None:
            raise GitError("HEAD has no commit yet; commit first or use --staged")
        merge_base = EMPTY_TREE if base_sha == EMPTY_TREE else _merge_base(root, base_sha, head)
        files = diff_files(root, [merge_base, head])
        what = f"HEAD ({head[:12]})"
        if head_ref is not None:
            what = (
                f"commit {head[:12]}" if head.startswith(head_ref) else f"{head_ref} ({head[:12]})"
            )
        against = (
            "the empty tree (every file is new)"
            if merge_base == EMPTY_TREE
            else f"its merge-base with {base} ({merge_base[:12]})"
        )
        content_root = root
        if head_ref is not None:  # the commit's own files, never the working tree
            from gate.change.commits import export_commit

            paths = [f.path for f in files if f.kind is not ChangeKind.DELETED]
            content_root = export_commit(root, head, paths)
        return Change(
            mode=DiffMode.BASE,
            description=f"{what} against {against}",
            repo_root=root,
            content_root=content_root,
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
    untracked = split_z(git(root, "ls-files", "-z", "--others", "--exclude-standard").stdout)
    files = diff_files(root, [merge_base]) + tuple(
        ChangedFile(path=p, kind=ChangeKind.UNTRACKED, is_symlink=os.path.islink(root / p))
        for p in untracked
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


def cleanup(change: Change) -> None:
    """Remove an index export made for --staged."""
    if change.content_root != change.repo_root and change.content_root.name.startswith("gate-"):
        shutil.rmtree(change.content_root, ignore_errors=True)
