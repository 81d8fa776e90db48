"""Skip the semgrep rules that cannot match the files at hand, before the engine parses them.

The engine parses and compiles every rule it is given before it reads a file (about 8 ms a
rule here: 62 TypeScript rules cost a one-file hook 0.5 s of CPU more than one rule does),
and only then drops, per file, the rules whose words the file lacks. This module makes the
same test earlier: from each rule's patterns it derives words a file must contain for the
rule to match (a formula in conjunctive normal form: every clause needs one of its words),
and `satisfied` tells whether the scanned files' words meet a rule's formula.

The test errs on the side of keeping a rule. Words are identifiers written in `pattern`,
`pattern-inside` and taint source/sink patterns, outside string literals; never a
metavariable, a keyword of a supported language (but `try`, `catch`, `except`, `finally`,
which no other construct stands for), the type of a typed metavariable (the engine infers
some types), or `java.lang` (imported implicitly). `pattern-not*`, `metavariable-*`
filters, regex and generic rules, and keys this module does not know, add no requirement:
no regex is ever searched here (Python's `re` has no time limit, and a rule's regex can
backtrack for minutes on a large or hostile file). A rule with a regex Python cannot read
goes to the engine whatever its words, so the engine reports it.
A file's words are every identifier-shaped token of its text, strings and comments included,
so an alias, an import path or a quoted attribute name still counts.
`tests/test_rule_words.py` checks that every rule keeps every file of its own positive cases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

__all__ = ["FileWords", "Formula", "file_words", "rule_formula", "satisfied"]

Formula = tuple[frozenset[str], ...]  # CNF: every clause needs one of its words; () = always
_ALWAYS: Formula = ()
_MAX_CLAUSES = 32  # an OR of ORs is cut to this many clauses: fewer clauses, weaker, still sound

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`[^`]*`')
_METAVAR = re.compile(r"\$(?:\.\.\.)?[A-Z_][A-Z0-9_]*")
# `(Type $X)`, `(*pkg.Type $X)`, `(List<String> $X)`: the engine infers types the code never names
_TYPED = re.compile(r"\(\s*[^()$]*?\s+\$[A-Z_][A-Z0-9_]*\s*\)")
_SEARCH_KEYS = ("pattern", "patterns", "pattern-either", "pattern-inside")
_IGNORED = frozenset(
    "False None True and as assert async await break case catch class const continue def "
    "default defer del delete do elif else except extends false final finally for from func "
    "function go if implements import in instanceof interface is lambda let new nil nonlocal "
    "not null or package pass private protected public raise return static struct super "
    "switch this throw throws true try type typeof undefined var void while with yield "
    "self java lang".split()
) - {"try", "catch", "except", "finally"}


@dataclass(frozen=True)
class FileWords:
    """What the prefilter knows of the files to scan: the words of their texts."""

    words: frozenset[str]

    def has(self, member: str) -> bool:
        return member in self.words


def file_words(*texts: str) -> FileWords:
    return FileWords(frozenset(w for t in texts for w in _WORD.findall(t)))


def satisfied(formula: Formula, facts: FileWords) -> bool:
    return all(any(facts.has(member) for member in clause) for clause in formula)


@cache
def _pattern_words(pattern: str) -> Formula:
    text = _METAVAR.sub(" ", _TYPED.sub(" ", _STRING.sub(" ", pattern)))
    return tuple(frozenset({w}) for w in dict.fromkeys(_WORD.findall(text)) if w not in _IGNORED)


def _both(formulas: Iterable[Formula]) -> Formula:
    clauses: dict[frozenset[str], None] = {}
    for formula in formulas:
        clauses.update(dict.fromkeys(formula))
    return tuple(clauses)


def _either(formulas: Iterable[Formula]) -> Formula:
    result: Formula | None = None
    for formula in formulas:
        if not formula:
            return _ALWAYS  # one branch needs nothing: the OR needs nothing
        if result is None:
            result = formula
            continue
        crossed = {a | b: None for a in result for b in formula}
        result = tuple(crossed)[:_MAX_CLAUSES]
    return result or _ALWAYS


def _spec(item: Any) -> Formula:
    """The words a pattern item (a string, or a mapping with one operator) requires."""
    if isinstance(item, str):
        return _pattern_words(item)
    if not isinstance(item, Mapping):
        return _ALWAYS
    parts: list[Formula] = []
    for key, value in item.items():
        if key in ("pattern", "pattern-inside") and isinstance(value, str):
            parts.append(_pattern_words(value))
        elif key == "patterns" and isinstance(value, list):
            parts.append(_both(_spec(v) for v in value))
        elif key == "pattern-either" and isinstance(value, list):
            parts.append(_either(_spec(v) for v in value))
        # pattern-not*, pattern-regex, metavariable-*, focus, options: no requirement
    return _both(parts)


def _any_of(specs: Any) -> Formula:
    return _either(_spec(s) for s in specs) if isinstance(specs, list) and specs else _ALWAYS


def _regexes_readable(value: Any) -> bool:
    """Every `regex` / `pattern-regex` / `pattern-not-regex` in the rule compiles."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key in ("regex", "pattern-regex", "pattern-not-regex") and isinstance(item, str):
                try:
                    re.compile(item)
                except (re.error, RecursionError, OverflowError):
                    return False
            elif not _regexes_readable(item):
                return False
    elif isinstance(value, list):
        return all(_regexes_readable(item) for item in value)
    return True


def rule_formula(rule: Mapping[str, Any]) -> Formula:
    """The words a file needs for `rule` to match in it; () when the rule may match anywhere."""
    languages = {str(lang).lower() for lang in rule.get("languages") or ()}
    if not languages or languages & {"generic", "regex", "none"} or not _regexes_readable(rule):
        return _ALWAYS  # a regex Python cannot read: the engine decides (or reports it)
    if rule.get("mode", "search") == "taint":
        return _both((_any_of(rule.get("pattern-sources")), _any_of(rule.get("pattern-sinks"))))
    if rule.get("mode", "search") != "search" or not any(k in rule for k in _SEARCH_KEYS):
        return _ALWAYS  # join, extract, the `match:` syntax: let the engine decide
    return _spec({k: rule[k] for k in _SEARCH_KEYS if k in rule})
