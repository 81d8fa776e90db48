"""Hooks: a one-line change to a large Python file scans the changed definitions, not the file.

A taint rule costs time in proportion to the code it reads: on a 70 KB module a one-line
change cost the whole module's taint analysis (4 s quiet, 30 s on a loaded machine) in
the pre-commit hook. For a staged change, `scan_view` hands the content scanners
(`SLICED_SCANNERS`) a copy of each large Python file in which every top-level `def` /
`class` that contains no changed line is blanked out, line by line, so the file keeps its
line numbers (findings need no mapping back) and keeps everything the changed
definitions can need: the imports, module-level assignments and any other module code,
the changed definitions whole (a method's class whole) and every comment between them.

Why this loses no finding the hook would report: the hook counts a finding only on a
changed line, or (taint) when its trace passes through one (`gate.policy.filters`);
semgrep's open-source engine and bandit analyse one function at a time, so a trace that
touches a changed line in a function lies inside that line's definition, which is kept.
A changed line of module-level code can reach a function through a name: semgrep carries
taint from a module-level assignment into the functions that read it (`X = input()` at
the top, `os.system(X)` in a function), so for such a line every definition that mentions
a name the changed statement mentions or binds is kept too, the names closed over the
module-level statements that mention them (`Y = X`), and a star import keeps the file
whole. A file is also scanned whole when it does not parse, or when slicing would save
less than half of it. The secrets scanner always reads the whole staged file. CI (`gate
run --base`) and `--files` / `--all` scan whole files; the run's notes name every sliced
file. Other languages are scanned whole: without a parser for them here a cut could
land inside a template string or a nested block.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import stat
import tempfile
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from gate.change.model import Change, ChangedFile, DiffMode, Range

SLICE_MIN_BYTES = 4 * 1024  # below, a whole-file scan costs about what slicing does
SLICED_SCANNERS = ("semgrep", "bandit", "heuristics")  # secrets: always the whole file
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")  # the tokenizer's line ends

__all__ = ["SLICED_SCANNERS", "SLICE_MIN_BYTES", "ScanView", "scan_view", "slice_source"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Slice:
    text: bytes  # same number of lines as the file; left-out lines are empty
    kept: tuple[str, ...]  # names of the changed top-level definitions
    left_out: int  # how many top-level definitions were blanked


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanView:
    """A directory the content scanners read instead of the staged export."""

    root: Path
    notes: tuple[str, ...]

    def roots(self) -> dict[str, Path]:
        return dict.fromkeys(SLICED_SCANNERS, self.root)

    def cleanup(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def scan_view(
    change: Change, filter_mode: str, languages: Mapping[str, str], targets: Iterable[str]
) -> ScanView | None:
    """The sliced view of a staged change, or None when every file is scanned whole."""
    if change.mode is not DiffMode.STAGED or change.content_root == change.repo_root:
        return None
    if filter_mode not in ("added", "diff_context"):
        return None  # `file` / `nofilter` report findings anywhere in the file
    wanted = tuple(dict.fromkeys(targets))
    by_path = {f.path: f for f in change.files}
    slices: dict[str, Slice] = {}
    for path in wanted:
        changed = by_path.get(path)
        if changed is None or languages.get(path) != "python" or not _sliceable(changed):
            continue
        full = change.content_root / path
        try:
            if full.is_symlink() or full.stat().st_size < SLICE_MIN_BYTES:
                continue
            data = full.read_bytes()
        except OSError:
            continue
        ranges = changed.hunks if filter_mode == "diff_context" else changed.added
        # a deletion inside a definition changed it: keep the lines on both sides
        ranges += tuple((max(p, 1), p + 1) for p in changed.deleted_after)
        cut = slice_source(data, ranges)
        if cut is not None:
            slices[path] = cut
    if not slices:
        return None
    root = Path(tempfile.mkdtemp(prefix="gate-slices-"))
    try:
        for path in wanted:
            _place(change.content_root / path, root / path, slices.get(path))
    except OSError:
        shutil.rmtree(root, ignore_errors=True)
        return None  # no view: everything is scanned whole, as before
    notes = tuple(
        f"hook: {path}: scanned the definition(s) {', '.join(cut.kept)} with the "
        f"module-level code; {cut.left_out} unchanged top-level definition(s) left out "
        "(CI scans the whole file)"
        for path, cut in sorted(slices.items())
    )
    return ScanView(root=root, notes=notes)


def _sliceable(changed: ChangedFile) -> bool:
    return not (changed.whole or changed.is_binary or changed.is_symlink or changed.is_submodule)


def _place(source: Path, target: Path, cut: Slice | None) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if cut is None:
        try:
            os.link(source, target)  # same bytes, mode and size; no copy
        except OSError:
            shutil.copy2(source, target)
        return
    target.write_bytes(cut.text)
    os.chmod(target, stat.S_IMODE(source.stat().st_mode))


def slice_source(data: bytes, changed: Iterable[Range]) -> Slice | None:
    """`data` with every top-level definition that holds no changed line blanked, or None
    when the file must be scanned whole (see the module docstring)."""
    lines = _LINE.findall(data)
    if data.startswith(b"\xef\xbb\xbf") or not lines:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escapes etc. are the file's business
            tree = ast.parse(data.decode("utf-8"))
    except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError, MemoryError):
        return None
    changed_lines = {n for start, end in changed for n in range(start, end + 1)}
    reached = _names_reached(tree, changed_lines)
    if reached is None:
        return None  # a star import: any name could come from the changed line
    blank: set[int] = set()
    kept: list[str] = []
    left_out = 0
    for node in tree.body:
        if not isinstance(node, _DEFINITIONS):
            continue
        start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        end = node.end_lineno or node.lineno
        if changed_lines & set(range(start, end + 1)) or _uses(node, reached):
            kept.append(node.name)
        else:
            blank.update(range(start, end + 1))
            left_out += 1
    saved = sum(len(lines[n - 1]) for n in blank if n <= len(lines))
    if saved * 2 < len(data):
        return None  # not worth a second copy of the file
    text = b"".join(
        _line_end(line) if number in blank else line for number, line in enumerate(lines, 1)
    )
    return Slice(text=text, kept=tuple(kept) or ("(none)",), left_out=left_out)


def _names_reached(tree: ast.Module, changed_lines: set[int]) -> set[str] | None:
    """Every name a changed module-level statement mentions or binds, closed over the
    module-level statements that mention one of them (`Y = X` after a changed `X = ...`):
    a definition that uses none of them cannot see the change. None for a star import."""
    module_level = [node for node in tree.body if not isinstance(node, _DEFINITIONS)]
    pending = [
        node
        for node in module_level
        if changed_lines & set(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    ]
    reached: set[str] = set()
    rest = [node for node in module_level if node not in pending]
    while pending:
        for node in pending:
            names = _names(node)
            if names is None:
                return None
            reached |= names
        pending = [node for node in rest if (_names(node) or set()) & reached]
        rest = [node for node in rest if node not in pending]
    return reached


def _names(node: ast.AST) -> set[str] | None:
    names: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            names.add(sub.id)
        elif isinstance(sub, ast.alias):
            if sub.name == "*":
                return None
            names.add(sub.asname or sub.name.split(".")[0])
    return names


def _uses(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef, names: set[str]) -> bool:
    if not names:
        return False
    if node.name in names:
        return True  # the changed module code calls or registers this definition
    return any(isinstance(sub, ast.Name) and sub.id in names for sub in ast.walk(node))


def _line_end(line: bytes) -> bytes:
    stripped = line.rstrip(b"\r\n")
    return line[len(stripped) :]
