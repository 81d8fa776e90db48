"""Which files a semgrep rule's `paths:` filter admits (gate.scanning.rule_paths).

Include patterns are read loosely (a pair the engine then skips only costs a CLI re-scan
of that file); exclude patterns strictly (a wrongly dropped pair would lose findings)."""

from __future__ import annotations

import pytest

from gate.scanning.rule_paths import RuleScope, applies, rule_scopes

TEMPLATES = RuleScope(analyzers=frozenset({"generic"}), include=("*.html", "*.j2"), exclude=())
NOT_TESTS = RuleScope(
    analyzers=frozenset({"python"}), include=(), exclude=("tests/", "test_*.py", "conftest.py")
)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("templates/page.html", True),
        ("page.html", True),
        ("a/b/c/mail.j2", True),
        ("README.md", False),
        ("package.json", False),
        ("html/readme.txt", False),
    ],
)
def test_include_globs_match_basenames_at_any_depth(path: str, expected: bool) -> None:
    assert applies(TEMPLATES, path) is expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("app/views.py", True),
        ("tests/test_views.py", False),
        ("src/tests/helpers.py", False),
        ("app/test_utils.py", False),
        ("conftest.py", False),
        ("contests/app.py", True),  # not the directory `tests/`
        ("app/latest_tests.py", True),
    ],
)
def test_exclude_drops_only_plain_basenames_and_directories(path: str, expected: bool) -> None:
    assert applies(NOT_TESTS, path) is expected


def test_anchored_and_double_star_includes_are_read_loosely() -> None:
    scope = RuleScope(analyzers=frozenset({"generic"}), include=("/src/**/*.tpl",), exclude=())
    assert applies(scope, "src/a/b.tpl")
    assert applies(scope, "lib/src/b.tpl")  # unsure: scan (the CLI settles it)
    assert not applies(scope, "src/a/b.txt")


def test_anchored_exclude_never_drops_a_file() -> None:
    scope = RuleScope(analyzers=frozenset({"python"}), include=(), exclude=("/vendor/*.py",))
    assert applies(scope, "vendor/x.py")


def test_rule_scopes_map_language_keys_to_analyzers() -> None:
    rules = [
        {"languages": ["js"], "paths": {"include": "*.jsx"}},
        {"languages": ["Python"]},
    ]
    scopes = rule_scopes(rules, {"js": "js", "javascript": "js", "python": "python"})
    assert scopes[0] == RuleScope(analyzers=frozenset({"js"}), include=("*.jsx",), exclude=())
    assert scopes[1].analyzers == frozenset({"python"}) and not scopes[1].include
