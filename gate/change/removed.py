"""The other side of the diff: which lines of which base files a change removed.

`gate.change.diff` records what a change *added* (new-file line numbers). The baseline
(`gate.decision.baseline`) also needs what it *removed*: old-file line numbers in the
base version of each file, where code that moved or was re-indented came from. This runs
the same `git diff` as `gate.change.patch.diff_files` (same revisions, same rename
detection) and reads the removed side; its added side is returned too, so the caller
can check both diffs agree before trusting either.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import unidiff

from gate.change.git import git
from gate.change.model import Change, DiffMode, Range
from gate.change.patch import _git_unquote, _ranges
from gate.errors import GitError

# Exactly the options of gate.change.patch.diff_files: the two sides must pair the same
# lines, or removed and added occurrences would not cancel out.
_COMMON = ("-M", "--no-color", "--no-ext-diff", "--no-textconv", "--ignore-submodules=none")


@dataclass(frozen=True, slots=True, kw_only=True)
class Removal:
    """Lines a change removed from one base file."""

    path: str  # the head path (the new name of a renamed file; the old name of a deleted one)
    base_path: str  # the file's path in the base commit
    removed: tuple[Range, ...]  # old-file line numbers, inclusive
    added: tuple[Range, ...]  # new-file line numbers, as this diff saw them

    def line_removed(self, line: int) -> bool:
        return any(start <= line <= end for start, end in self.removed)


def diff_revisions(change: Change) -> tuple[list[str], bool] | None:
    """The revisions `resolve_change` compared (and whether against the index), or None
    when the change has no base side (--files, --all, an empty repository)."""
    if not change.base_sha:
        return None
    if change.mode is DiffMode.BASE:
        return [change.base_sha, change.head_sha], False
    if change.mode is DiffMode.STAGED:
        return [change.base_sha], True
    if change.mode is DiffMode.LOCAL:
        return [change.base_sha], False
    return None


def removed_lines(root: Path, revisions: list[str], cached: bool) -> dict[str, Removal]:
    """Head path -> what the diff removed from its base version (files with removals or
    additions; pure renames and mode changes are absent)."""
    options = [*_COMMON, "--cached"] if cached else list(_COMMON)
    patch = git(
        root, "diff", "-p", "-U3", "--src-prefix=a/", "--dst-prefix=b/", *options, *revisions, "--"
    ).stdout
    text = patch.decode("utf-8", "surrogateescape")
    try:
        patch_set = unidiff.PatchSet(text)
    except unidiff.UnidiffParseError as exc:
        raise GitError(f"could not parse git's diff output: {exc}") from None
    result: dict[str, Removal] = {}
    for patched in patch_set:
        if patched.is_binary_file:
            continue
        source = _strip(_git_unquote(patched.source_file.rstrip("\t")), "a/")
        target = _strip(_git_unquote(patched.target_file.rstrip("\t")), "b/")
        removed = _ranges(
            line.source_line_no for hunk in patched for line in hunk if line.is_removed
        )
        added = _ranges(line.target_line_no for hunk in patched for line in hunk if line.is_added)
        path = target if target != "/dev/null" else source
        base_path = source if source != "/dev/null" else ""
        previous = result.get(path)
        if previous is not None:  # a type change: delete + add of one path
            removed, added = previous.removed + removed, previous.added + added
            base_path = previous.base_path or base_path
        result[path] = Removal(path=path, base_path=base_path, removed=removed, added=added)
    return result


def _strip(name: str, prefix: str) -> str:
    if name == "/dev/null":
        return name
    return os.fsdecode(os.fsencode(name[len(prefix) :] if name.startswith(prefix) else name))
