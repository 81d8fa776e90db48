"""gate's own error-handling analyzer for Python: stdlib `ast` + `tokenize`, no imports run.

`analyse(module)` runs every detector family over one parsed file and returns the hits
whose problem the change introduced or worsened (see `Module.touched`). Rule ids, texts
and metadata live in policies/error-handling/native.yml; the detectors only decide where.

Families (one module each): exceptions, network, sessions, retries, resources, misc.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Callable, Iterable

from gate.change.model import ChangedFile
from gate.scanning.analyzers import exceptions, misc, network, resources, retries, sessions
from gate.scanning.analyzers._model import Hit, Module

Detector = Callable[[Module], Iterable[Hit]]
DETECTORS: tuple[Detector, ...] = (
    exceptions.detect,
    network.detect,
    sessions.detect,
    retries.detect,
    resources.detect,
    misc.detect,
)


class NotAnalysedError(Exception):
    """The file cannot be analysed; `line` is where parsing failed (1 if unknown)."""

    def __init__(self, reason: str, line: int = 1) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = max(line, 1)


def decode(data: bytes) -> str:
    """Source text the way Python reads it: BOM and PEP 263 coding cookie honoured.

    Bytes that are invalid in the declared encoding become U+FFFD instead of failing the
    whole file: the structure (and every line number) is intact, only a string literal or
    comment is garbled, and the error-handling checks do not depend on those.
    """
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:  # unknown codec named in the cookie
        encoding = "utf-8"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def parse(source: str, path: str) -> ast.Module:
    try:
        return ast.parse(source, filename=path)
    except SyntaxError as exc:
        raise NotAnalysedError(
            f"syntax error at line {exc.lineno or 1}: {exc.msg}", exc.lineno or 1
        ) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise NotAnalysedError(f"cannot be parsed: {exc}") from None


def analyse(
    source: str, *, path: str, file: ChangedFile, critical_paths: tuple[str, ...] = ()
) -> tuple[Hit, ...]:
    """Hits for one file, sorted by line; raises NotAnalysedError when it does not parse."""
    tree = parse(source, path)
    module = Module.build(
        path=path, source=source, tree=tree, file=file, critical_paths=critical_paths
    )
    hits: dict[tuple[str, int, int], Hit] = {}
    try:
        for detector in DETECTORS:
            for hit in detector(module):
                hits.setdefault((hit.rule_id, hit.line, hit.col), hit)
    except RecursionError:
        raise NotAnalysedError("nested too deeply to analyse") from None
    return tuple(sorted(hits.values(), key=lambda h: (h.line, h.col, h.rule_id)))


__all__ = ["DETECTORS", "Hit", "Module", "NotAnalysedError", "analyse", "decode", "parse"]
