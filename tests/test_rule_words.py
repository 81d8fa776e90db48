"""The word prefilter (gate.scanning.rule_words) never drops a rule from a file it matches.

Every rule's own positive cases are the evidence: each test file that says `ruleid: <id>`
must keep rule <id>. The rest checks the formula's shape on small rules written here and
that the prefilter does shrink a one-file hook's rule set.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gate.policy.packs import BUILTIN_PACKS, load_catalog
from gate.scanning.rule_words import file_words, rule_formula, satisfied
from tests.conftest import PROJECT_ROOT

RULE_SUFFIXES = {".yml", ".yaml"}
_RULEID = re.compile(r"\bruleid:\s*([\w.,\s-]+)")


def _positive_cases() -> list[tuple[str, Path]]:
    pairs = []
    for path in sorted((PROJECT_ROOT / "policies").glob("*/rules/*")):
        if path.suffix in RULE_SUFFIXES or not path.is_file():
            continue
        for match in _RULEID.finditer(path.read_text(encoding="utf-8")):
            for rule_id in re.split(r"[,\s]+", match.group(1).strip()):
                if rule_id:
                    pairs.append((rule_id, path))
    return sorted(set(pairs))


CATALOG = load_catalog(BUILTIN_PACKS)
RULES = {str(r["id"]): r for r in CATALOG.semgrep_rules}


def test_every_rule_keeps_every_file_of_its_own_positive_cases() -> None:
    cases = [(rule_id, path) for rule_id, path in _positive_cases() if rule_id in RULES]
    assert len(cases) > 150, "the rules' test files were found"
    dropped = [
        f"{rule_id} in {path.relative_to(PROJECT_ROOT)}: needs {rule_formula(RULES[rule_id])}"
        for rule_id, path in cases
        if not satisfied(rule_formula(RULES[rule_id]), file_words(path.read_text("utf-8")))
    ]
    assert dropped == []


def _rule(**body: object) -> dict[str, object]:
    return {"id": "r", "languages": ["python"], "message": "m", "severity": "ERROR", **body}


def test_words_come_from_code_not_metavariables_strings_keywords_or_types() -> None:
    formula = rule_formula(
        _rule(pattern='requests.get($URL, verify=False, headers={"X-Token": $T})')
    )
    assert set().union(*formula) == {"requests", "get", "verify", "headers"}
    typed = rule_formula(_rule(pattern="(HttpClient $C).send($REQ)"))
    assert set().union(*typed) == {"send"}  # the engine may infer the type


def test_either_needs_one_branch_and_not_or_regex_need_nothing() -> None:
    rule = _rule(
        patterns=[
            {"pattern-either": [{"pattern": "yaml.load($X)"}, {"pattern": "pickle.loads($X)"}]},
            {"pattern-not": "yaml.load($X, Loader=SafeLoader)"},
            {"pattern-regex": "load"},
        ]
    )
    formula = rule_formula(rule)
    assert satisfied(formula, file_words("import pickle\npickle.loads(body)"))
    assert satisfied(formula, file_words("import yaml\nyaml.load(body)"))
    assert not satisfied(formula, file_words("import json\njson.loads(body)"))
    either_regex = _rule(**{"pattern-either": [{"pattern": "eval($X)"}, {"pattern-regex": "x"}]})
    assert rule_formula(either_regex) == ()


def test_a_taint_rule_needs_a_source_word_and_a_sink_word() -> None:
    rule = _rule(
        mode="taint",
        **{
            "pattern-sources": [{"pattern": "flask.request.args"}, {"pattern": "input()"}],
            "pattern-sinks": [{"pattern": "os.system($X)"}],
        },
    )
    formula = rule_formula(rule)
    assert satisfied(formula, file_words("import os\nos.system(input())"))
    assert not satisfied(formula, file_words("import os\nos.system('ls')"))
    assert not satisfied(formula, file_words("x = input()"))


def test_generic_regex_and_unknown_rule_shapes_are_always_kept() -> None:
    assert rule_formula({"id": "g", "languages": ["generic"], "pattern": "password"}) == ()
    assert rule_formula(_rule(match={"all": ["foo()"]})) == ()
    assert rule_formula(_rule(mode="join")) == ()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("typescript", "export function total(xs: number[]): number {\n  return xs.length;\n}\n"),
        ("python", "def total(xs):\n    return len(xs)\n"),
    ],
)
def test_a_small_plain_file_keeps_a_fraction_of_its_languages_rules(
    language: str, text: str
) -> None:
    rules = [r for r in CATALOG.semgrep_rules if language in r["languages"]]
    kept = [r for r in rules if satisfied(rule_formula(r), file_words(text))]
    assert len(kept) < len(rules) / 2, [r["id"] for r in kept]


def test_a_metavariable_regex_adds_no_requirement() -> None:
    # never searched: a rule's regex can backtrack for minutes on a large file
    rule = _rule(
        patterns=[
            {"pattern": "$F($X)"},
            {"metavariable-regex": {"metavariable": "$F", "regex": "^(a+)+$"}},
        ]
    )
    assert rule_formula(rule) == ()
