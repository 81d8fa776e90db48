"""A commit's files, read from git objects into a temp dir: the content of a change whose
head is not the working tree (a pushed branch, a PR head under a merge checkout).

`export_commit(root, sha, paths)` lists the paths with ``git ls-tree -r -z`` (exact
bytes, any name) and streams their blobs through one ``git cat-file --batch``. Nothing
in the working tree is read, so uncommitted files and whatever commit is checked out
never leak into what is scanned. A symlink is written as a plain file holding its
target (nothing in the export points outside it; the scan plan skips symlinks by their
git mode anyway), submodules are skipped, and a tree entry that would escape the
export (``..``, an absolute path, ``.git``) is refused.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from gate.change.git import git
from gate.errors import GitError

EXPORT_PREFIX = "gate-commit-"  # `gate.change.diff.cleanup` removes dirs named gate-*


def export_commit(root: Path, sha: str, paths: Sequence[str]) -> Path:
    """A new temp dir holding `paths` as they are in commit `sha`."""
    export = Path(tempfile.mkdtemp(prefix=EXPORT_PREFIX))
    if not paths:
        return export
    entries = _tree_entries(root, sha, paths)
    blobs = [(path, mode, oid) for path, mode, oid in entries if mode != "160000"]
    request = b"".join(oid.encode("ascii") + b"\n" for _, _, oid in blobs)
    output = git(root, "cat-file", "--batch", stdin=request).stdout
    offset = 0
    for path, mode, oid in blobs:
        header_end = output.index(b"\n", offset)
        header = output[offset:header_end].decode("ascii", "replace").split()
        if len(header) != 3 or header[0] != oid:
            raise GitError(f"git cat-file: unexpected answer for {path} in {sha[:12]}")
        size = int(header[2])
        content = output[header_end + 1 : header_end + 1 + size]
        offset = header_end + 1 + size + 1  # the blob is followed by a newline
        _write(export, path, mode, content)
    return export


def _tree_entries(root: Path, sha: str, paths: Sequence[str]) -> list[tuple[str, str, str]]:
    wanted = set(paths)
    listed = git(root, "ls-tree", "-r", "-z", "--full-tree", sha).stdout
    entries = []
    for record in listed.split(b"\x00"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, _kind, oid = meta.decode("ascii").split()
        path = os.fsdecode(raw_path)
        if path in wanted:
            entries.append((path, mode, oid))
    return entries


def _write(export: Path, path: str, mode: str, content: bytes) -> None:
    parts = PurePosixPath(path).parts
    if not parts or PurePosixPath(path).is_absolute() or any(p in ("..", ".git") for p in parts):
        raise GitError(f"refusing to export tree entry {path!r}: it would leave the export")
    target = export.joinpath(*parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)  # a symlink's blob is its target: written, never followed
    if mode == "100755":
        target.chmod(0o755)
