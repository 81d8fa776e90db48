"""The bytes of a changed file as git stores them: blobs via `git cat-file`, never
through filters or textconv; work-tree files without following a symbolic link.

Binary or text is decided here, by content (a NUL byte in the first 8 KB, git's own
heuristic), never by `.gitattributes`: a PR that marks `*.py binary` or `-diff` is still
scanned. Line numbers follow the scanners' universal newlines: a CR-only file is one line
to git but many to Python, so git's line numbers are remapped. Files over `FULL_BYTES`
are read only far enough to sniff (`Content.whole` is then False).
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from gate.change.git import git, git_env, git_options

SNIFF_BYTES = 8192
FULL_BYTES = 8 * 1024 * 1024
NULL_SHA = "0" * 40
_LONE_CR = re.compile(rb"\r(?!\n)")


@dataclass(frozen=True, slots=True)
class Content:
    data: bytes  # the whole file, or (whole=False) its first SNIFF_BYTES
    whole: bool = True


def is_binary(data: bytes) -> bool:
    return b"\x00" in data[:SNIFF_BYTES]


def read_blobs(root: Path, shas: Iterable[str]) -> dict[str, Content]:
    """Many blobs via `git cat-file` (no filters, no textconv); large ones only sniffed."""
    wanted = list(dict.fromkeys(s for s in shas if s and s != NULL_SHA))
    if not wanted:
        return {}
    sizes = _sizes(root, wanted)
    blobs = {
        sha: Content(data)
        for sha, data in _batch(root, [s for s in wanted if sizes.get(s, -1) <= FULL_BYTES])
    }
    for sha in wanted:
        if sizes.get(sha, -1) > FULL_BYTES:
            blobs[sha] = Content(_prefix(root, sha), whole=False)
    return blobs


def _sizes(root: Path, shas: list[str]) -> dict[str, int]:
    payload = "".join(f"{s}\n" for s in shas).encode("ascii")
    output = git(root, "cat-file", "--batch-check", stdin=payload).stdout
    sizes: dict[str, int] = {}
    for line in output.decode("ascii", "replace").splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] == "blob":
            sizes[fields[0]] = int(fields[2])
    return sizes


def _batch(root: Path, shas: list[str]) -> Iterable[tuple[str, bytes]]:
    if not shas:
        return
    payload = "".join(f"{s}\n" for s in shas).encode("ascii")
    output = git(root, "cat-file", "--batch", stdin=payload).stdout
    position = 0
    while position < len(output):
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            yield header[0].decode("ascii"), output[position : position + size]
            position += size + 1
        # "<sha> missing": nothing follows the header


def _prefix(root: Path, sha: str) -> bytes:
    """The first bytes of a large blob, without reading all of it."""
    command = ["git", *git_options(str(root)), "cat-file", "blob", sha]
    with subprocess.Popen(  # noqa: S603 - fixed argv, no shell
        command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=git_env()
    ) as process:
        assert process.stdout is not None
        head = process.stdout.read(SNIFF_BYTES)
        process.kill()
    return head


def read_worktree(root: Path, path: str) -> Content | None:
    """A work-tree file, refusing symbolic links and anything not a regular file."""
    try:
        descriptor = os.open(root / path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            data = handle.read(FULL_BYTES + 1)
    except OSError:
        return None
    if len(data) > FULL_BYTES:
        return Content(data[:SNIFF_BYTES], whole=False)
    return Content(data)


def universal_line_map(data: bytes) -> list[int] | None:
    """For content with lone CRs: git line k (1-based) -> first universal-newline line.

    Returns None when the file has no lone CR (git's numbering is already right); the
    list has one extra entry, the line after the last, so ranges can be closed.
    """
    if not _LONE_CR.search(data):
        return None
    starts = [0, 1]
    for git_line in data.split(b"\n"):
        body = git_line[:-1] if git_line.endswith(b"\r") else git_line
        starts.append(starts[-1] + 1 + len(_LONE_CR.findall(body)))
    return starts


def remap(ranges: tuple[tuple[int, int], ...], starts: list[int]) -> tuple[tuple[int, int], ...]:
    """Git line ranges -> universal-newline line ranges (see `universal_line_map`)."""
    last = len(starts) - 2
    result = []
    for first, end in ranges:
        first, end = min(max(first, 1), last), min(max(end, 1), last)
        result.append((starts[first], starts[end + 1] - 1))
    return tuple(result)


def sniff(blobs: Mapping[str, Content], sha: str, root: Path, path: str) -> Content | None:
    """The new content of a changed file: its blob, else (work tree) the file itself."""
    if sha and sha != NULL_SHA:
        return blobs.get(sha)
    return read_worktree(root, path)
