"""Helpers for the heuristics scanner tests (no tests here): write a file, scan it, list hits."""

from __future__ import annotations

import textwrap
from pathlib import Path

from gate.change.model import ChangedFile, ChangeKind, Range
from gate.policy.packs import Catalog, load_catalog
from gate.scanning.base import ScanOutcome, ScanRequest, ScanTarget
from gate.scanning.heuristics import HeuristicsScanner

_CATALOG: list[Catalog] = []


def catalog() -> Catalog:
    if not _CATALOG:
        _CATALOG.append(load_catalog(["error-handling"]))
    return _CATALOG[0]


def source(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line containing `needle` in the dedented source."""
    found = [i for i, line in enumerate(source(text).splitlines(), 1) if needle in line]
    assert len(found) >= nth, f"{needle!r} occurs {len(found)} time(s)"
    return found[nth - 1]


def scan(
    tmp_path: Path,
    text: str | bytes,
    *,
    path: str = "app/service.py",
    added: tuple[Range, ...] | None = None,
    critical_paths: tuple[str, ...] = (),
) -> ScanOutcome:
    target = tmp_path / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(source(text), encoding="utf-8")
    file = (
        ChangedFile(path=path, kind=ChangeKind.WHOLE)
        if added is None
        else ChangedFile(path=path, kind=ChangeKind.MODIFIED, added=added)
    )
    request = ScanRequest(
        root=tmp_path,
        targets=(ScanTarget(file=file, language="python"),),
        catalog=catalog(),
        timeout=60.0,
        critical_paths=critical_paths,
    )
    outcome = HeuristicsScanner().scan(request)
    assert outcome.ok, outcome.error
    return outcome


def hits(outcome: ScanOutcome) -> set[tuple[str, int]]:
    return {(f.rule_id, f.start_line) for f in outcome.findings}


def rules(outcome: ScanOutcome) -> set[str]:
    return {f.rule_id for f in outcome.findings}
