"""Which semgrep analyzers a file needs: the same selection `semgrep scan` makes.

The engine pairs a file with an analyzer (python, generic, ...) only to run the rules of
that language whose ``paths:`` filter admits the file; a pair no rule applies to is
dropped by the engine without a word. gate used to send such pairs anyway (every file
with ``generic``, for one HTML-template rule), read the silent drop as an engine failure
and re-ran the whole scan through the CLI. `plan_pairs` pairs each file only with the
analyzers some rule applies to, so the engine's list of scanned files is exact again.

Matching errs on the side of scanning: an ``include`` pattern admits a file under any
plausible reading of gitignore-style globs (basename, any path component, the path), and
an ``exclude`` pattern drops it only when it plainly names its basename or a directory
it sits in. A file gate pairs but the engine still skips is re-scanned by the CLI alone
(see `gate.scanning.semgrep`), so a mistake here costs time, never a finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

__all__ = ["RuleScope", "applies", "rule_scopes"]


@dataclass(frozen=True, slots=True)
class RuleScope:
    """One rule's analyzers and path filter."""

    analyzers: frozenset[str]
    include: tuple[str, ...]
    exclude: tuple[str, ...]


def rule_scopes(
    rules: Iterable[Mapping[str, Any]], analyzer_ids: Mapping[str, str]
) -> tuple[RuleScope, ...]:
    scopes = []
    for rule in rules:
        languages = (str(lang).lower() for lang in rule.get("languages") or ())
        paths = rule.get("paths") or {}
        scopes.append(
            RuleScope(
                analyzers=frozenset(analyzer_ids.get(lang, lang) for lang in languages),
                include=_patterns(paths.get("include")),
                exclude=_patterns(paths.get("exclude")),
            )
        )
    return tuple(scopes)


def applies(scope: RuleScope, path: str) -> bool:
    """Could this rule run on `path`? (True when unsure.)"""
    if scope.include and not any(_admits(pattern, path) for pattern in scope.include):
        return False
    return not any(_plainly_excludes(pattern, path) for pattern in scope.exclude)


def _patterns(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Sequence):
        return tuple(str(v) for v in value)
    return ()


def _admits(pattern: str, path: str) -> bool:
    """Loose: any reading of the pattern that matches the path counts."""
    bare = pattern.strip().removeprefix("./").lstrip("/").rstrip("/")
    if not bare or bare in ("*", "**"):
        return True
    parts = path.split("/")
    flat = bare.replace("**/", "").replace("/**", "")
    # every run of path components: the file itself, a directory it sits in, any depth
    segments = {
        "/".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)
    }
    return any(fnmatchcase(segment, p) for segment in segments for p in {bare, flat})


def _plainly_excludes(pattern: str, path: str) -> bool:
    """Strict: only a bare basename glob or a bare directory name."""
    text = pattern.strip()
    parts = path.split("/")
    if text.endswith("/") and "/" not in text[:-1]:
        directory = text[:-1]
        return any(fnmatchcase(part, directory) for part in parts[:-1])
    if "/" not in text:
        return fnmatchcase(parts[-1], text)
    return False
