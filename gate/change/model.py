"""The change as data: `ChangedFile` (path, old path, kind, added lines) and `Change`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


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
    # Where code lines were deleted: p means between new lines p and p+1 (0: above line 1).
    # A statement around such a point was changed though no line of it was added.
    deleted_after: tuple[int, ...] = ()
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

    def deletion_inside(self, start: int, end: int) -> int | None:
        """The first point where code was deleted between two lines of `start`..`end`."""
        return next((p for p in self.deleted_after if start <= p < end), None)

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
