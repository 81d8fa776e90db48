"""Only the semgrep rules for the languages of the files being scanned.

The engine parses and compiles every rule it is given before it reads a file, though it
runs a rule only on files paired with that rule's analyzer. A hook staging one `.py` file
paid for the Java, Go and JavaScript rules too. `rules_for_targets` keeps the rules whose
analyzer the engine would pair with some target (extension or shebang: the engine's own
`lang.json`, the same test `gate.scanning.semgrep_direct` uses to build the pairs, plus
the target's detected language) and the multi-language rules (`generic`, `regex`). The
result is exactly the rules the engine would have run, so the catalog's digest (part of
every cache key) stays the same. Without the direct engine the catalog is left whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from gate.policy.packs import Catalog
from gate.scanning.base import ScanTarget

_MULTILANG = frozenset({"generic", "regex"})

__all__ = ["rules_for_targets"]


def rules_for_targets(catalog: Catalog, targets: Iterable[ScanTarget], root: Path) -> Catalog:
    from gate.scanning.semgrep import semgrep_executable
    from gate.scanning.semgrep_core import analyzers_for, find_engine

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
    if len(kept) == len(catalog.semgrep_rules):
        return catalog
    return replace(catalog, semgrep_rules=kept)


def _languages(rule: Mapping[str, Any]) -> tuple[Any, ...]:
    value = rule.get("languages")
    return tuple(value) if isinstance(value, list | tuple) else ()
