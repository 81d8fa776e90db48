"""git's `--raw -z` output and unified patch -> `ChangedFile`s.

Paths come from git's NUL-separated `--raw -z` output (exact bytes, any name); line
numbers come from the patch parsed by `unidiff`, git's C-quoting undone.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import unidiff

from gate.change.content import (
    NULL_SHA,
    Content,
    is_binary,
    read_blobs,
    remap,
    sniff,
    universal_line_map,
)
from gate.change.git import git
from gate.change.model import ChangedFile, ChangeKind, Range
from gate.errors import GitError


def split_z(output: bytes) -> list[str]:
    return [os.fsdecode(part) for part in output.split(b"\x00") if part]


def diff_files(root: Path, revs: list[str], cached: bool = False) -> tuple[ChangedFile, ...]:
    """Changed files with their added lines; `.gitattributes` decides nothing here.

    `--text` makes git diff every file as text whatever the attributes say (`binary`,
    `-diff`, a diff driver); binary is then decided from the content itself, and only
    files that really are text go into the parsed patch.
    """
    common = [
        "-M",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--ignore-submodules=none",
    ]
    if cached:
        common.append("--cached")
    raw = git(root, "diff", "--raw", "-z", "--no-abbrev", *common, *revs, "--").stdout
    entries = list(_raw_entries(raw))
    content_root = None if cached else root
    blobs = read_blobs(root, (e.new_sha for e in entries if e.new_mode not in _NOT_FILES))
    contents: dict[str, Content | None] = {}
    for entry in entries:
        if entry.letter == "D" or entry.new_mode in _NOT_FILES:
            continue
        if content_root is None and entry.new_sha == NULL_SHA:
            contents[entry.path] = None
            continue
        contents[entry.path] = sniff(blobs, entry.new_sha, root, entry.path)
    binary = {path for path, c in contents.items() if c is not None and is_binary(c.data)}
    lines_by_path: dict[str, _Lines] = {}
    if any(e.path not in binary for e in entries):
        patch = git(
            root,
            "diff",
            "-p",
            "-U3",
            "--text",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            *common,
            *revs,
            "--",
            *(f":(exclude,literal){p}" for p in sorted(binary)),
        ).stdout
        lines_by_path = _parse_patch(patch)
    for path, content in contents.items():
        known = lines_by_path.get(path)
        whole = content is not None and content.whole
        starts = universal_line_map(content.data) if whole and content else None
        if known is not None and starts is not None:
            points = tuple(p and remap(((p, p),), starts)[0][1] for p in known[2])
            lines_by_path[path] = (
                remap(known[0], starts),
                remap(known[1], starts),
                points,
                known[3],
            )
    for path in binary:
        lines_by_path[path] = ((), (), (), True)
    return tuple(_from_entries(entries, lines_by_path))


_NOT_FILES = ("120000", "160000", "000000")


@dataclass(frozen=True, slots=True)
class _RawEntry:
    old_mode: str
    new_mode: str
    new_sha: str
    letter: str
    path: str
    old_path: str | None


def _raw_entries(raw: bytes) -> Iterable[_RawEntry]:
    parts = raw.split(b"\x00")
    index = 0
    while index < len(parts) and parts[index]:
        meta = parts[index].decode("ascii", "replace")  # ":100644 100644 abc def M"
        fields = meta.lstrip(":").split()
        letter = fields[4][0]
        if letter in "RC":
            old_path, path = os.fsdecode(parts[index + 1]), os.fsdecode(parts[index + 2])
            index += 3
        else:
            old_path, path = None, os.fsdecode(parts[index + 1])
            index += 2
        yield _RawEntry(
            old_mode=fields[0],
            new_mode=fields[1],
            new_sha=fields[3],
            letter=letter,
            path=path,
            old_path=old_path,
        )


_KINDS = {
    "A": ChangeKind.ADDED,
    "M": ChangeKind.MODIFIED,
    "R": ChangeKind.RENAMED,
    "C": ChangeKind.COPIED,
    "D": ChangeKind.DELETED,
    "T": ChangeKind.TYPE_CHANGED,
}


def _from_entries(
    entries: Iterable[_RawEntry],
    lines_by_path: dict[str, _Lines],
) -> Iterable[ChangedFile]:
    for entry in entries:
        kind = _KINDS.get(entry.letter, ChangeKind.MODIFIED)
        added, hunks, deleted_after, binary = lines_by_path.get(entry.path, _NO_LINES)
        if kind is ChangeKind.DELETED:
            added, hunks, deleted_after = (), (), ()
        old_mode, new_mode = entry.old_mode, entry.new_mode
        yield ChangedFile(
            path=entry.path,
            old_path=entry.old_path,
            kind=kind,
            added=added,
            hunks=hunks,
            deleted_after=deleted_after,
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


# added ranges, hunk ranges, deletion points (ChangedFile.deleted_after), binary
_Lines = tuple[tuple[Range, ...], tuple[Range, ...], tuple[int, ...], bool]
_NO_LINES: _Lines = ((), (), (), False)
# A deleted line that carries no code (blank, or only a comment) changes no statement.
_NOT_CODE = re.compile(r"^\s*(?:$|#|//|/\*|\*|<!--)")


def _deletion_points(hunk: unidiff.Hunk) -> list[int]:
    """New-file positions of deleted code lines in one hunk (see ChangedFile.deleted_after):
    only pure deletions, since lines replaced by added lines are already counted as added."""
    last = hunk.target_start if hunk.target_length == 0 else hunk.target_start - 1
    points: list[int] = []
    pending = False  # a run of removed lines with code in it, not yet replaced
    for line in hunk:
        if line.is_removed:
            pending = pending or not _NOT_CODE.match(line.value)
            continue
        if pending and not line.is_added and last not in points:
            points.append(last)
        pending = False
        if line.target_line_no is not None:
            last = line.target_line_no
    if pending and last not in points:
        points.append(last)
    return points


def _parse_patch(patch: bytes) -> dict[str, _Lines]:
    text = patch.decode("utf-8", "surrogateescape")
    try:
        patch_set = unidiff.PatchSet(text)
    except unidiff.UnidiffParseError as exc:
        raise GitError(f"could not parse git's diff output: {exc}") from None
    result: dict[str, _Lines] = {}
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
        deleted_after = tuple(p for hunk in patched for p in _deletion_points(hunk))
        previous = result.get(path)
        added = _ranges(added_lines)
        if previous:  # a type change appears as delete + add of the same path
            added, hunks = previous[0] + added, previous[1] + hunks
            deleted_after = previous[2] + deleted_after
        result[path] = (added, hunks, deleted_after, bool(patched.is_binary_file))
    return result


def _ranges(numbers: Iterable[int | None]) -> tuple[Range, ...]:
    ranges: list[list[int]] = []
    for number in sorted(n for n in numbers if n is not None):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return tuple((a, b) for a, b in ranges)
