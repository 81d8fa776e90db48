"""Only the semgrep rules for the languages of the files being scanned.

The engine parses and compiles every rule it is given before it reads a file, though it
runs a rule only on files paired with that rule's analyzer. A hook staging one `.py` file
paid for the Java, Go and JavaScript rules too. `rules_for_targets` keeps the rules whose
analyzer the engine would pair with some target (extension or shebang: the engine's own
`lang.json`, the same test `gate.scanning.semgrep_direct` uses to build the pairs, plus
the target's detected language) and the multi-language rules (`generic`, `regex`). Of
those it keeps the rules whose words the files contain (`gate.scanning.rule_words`: the
engine's own per-file test, made before it parses the rules), when the files are few
enough to read cheaply (a hook, a small PR). The result finds what the whole catalog
finds, so the catalog's digest (part of every cache key) stays the same. Without the
direct engine the catalog is left whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from gate.policy.packs import Catalog
from gate.scanning.base import ScanTarget
from gate.scanning.rule_words import FileWords, file_words, rule_formula, satisfied

_MULTILANG = frozenset({"generic", "regex"})
# Reading the files for their words pays off while the rule set can still shrink: beyond
# this many files or bytes nearly every rule stays, and the reading would be pure cost.
WORDS_MAX_FILES = 64
WORDS_MAX_BYTES = 2_000_000

__all__ = ["rules_for_targets"]


def rules_for_targets(catalog: Catalog, targets: Iterable[ScanTarget], root: Path) -> Catalog:
    from gate.scanning.semgrep import semgrep_executable
    from gate.scanning.semgrep_core import analyzers_for, find_engine

    targets = tuple(targets)
    engine = find_engine(semgrep_executable())
    if engine is None or not catalog.semgrep_rules:
        return catalog
    ids = engine.analyzer_ids
    languages = {str(lang).lower() for rule in catalog.semgrep_rules for lang in _languages(rule)}
    paired: set[str] = set()
    for target in targets:
        paired.update(analyzers_for(engine, root, target.path, languages))
        paired.add(ids.get(target.language, target.language))
    kept = tuple(
        rule
        for rule in catalog.semgrep_rules
        if not _languages(rule)  # malformed: the engine reports it
        or any(
            (name := ids.get(str(lang).lower(), str(lang).lower())) in paired
            or name in _MULTILANG
            or name not in engine.languages  # unknown to this engine: let it decide
            for lang in _languages(rule)
        )
    )
    # A language the engine does not know is the engine's error to report, on the whole set.
    unknown = any(
        ids.get(str(lang).lower(), str(lang).lower()) not in engine.languages
        for rule in catalog.semgrep_rules
        for lang in _languages(rule)
    )
    words = None if unknown else _target_words(root, targets)
    if words is not None:
        kept = tuple(rule for rule in kept if satisfied(rule_formula(rule), words))
    if len(kept) == len(catalog.semgrep_rules):
        return catalog
    return replace(catalog, semgrep_rules=kept)


def _target_words(root: Path, targets: Iterable[ScanTarget]) -> FileWords | None:
    """The targets' words; None (keep every rule) when reading them costs too much."""
    paths = [root / t.path for t in targets]
    if len(paths) > WORDS_MAX_FILES:
        return None
    texts: list[str] = []
    budget = WORDS_MAX_BYTES
    for path in paths:
        try:
            if path.is_symlink() or (size := path.stat().st_size) > budget:
                return None
            budget -= size
            texts.append(path.read_bytes().decode("utf-8", "replace"))
        except OSError:
            return None  # the engine will say what is wrong with the file
    return file_words(*texts)


def _languages(rule: Mapping[str, Any]) -> tuple[Any, ...]:
    value = rule.get("languages")
    return tuple(value) if isinstance(value, list | tuple) else ()
