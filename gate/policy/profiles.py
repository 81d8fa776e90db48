"""Per-path profiles: the test-code profile and the `overrides` list, in one order.

Test code is not shipped, so by default it gets a lighter profile: bandit's `assert`
check is off (pytest is built on asserts) and only critical findings fail the PR there.
Secrets and real credentials are still checked in tests: provider-format secrets are
critical, so they still fail. `.gate.yml` changes the profile under ``tests:``
(``gate init`` writes it out); ``tests: {paths: []}`` turns it off.

`threshold_for` is a pure function of the raw configuration mapping, so the verdict and
the reporters (which only see `Report.config`) agree on a finding's thresholds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from gate.globs import matches_any

TEST_PATHS: tuple[str, ...] = (
    "tests/",
    "test/",
    "__tests__/",
    "spec/",
    "testdata/",
    "test_*.py",
    "*_test.py",
    "conftest.py",
    "*_test.go",
    "*.test.*",
    "*.spec.*",
    "*Test.java",
    "*Tests.java",
    "*IT.java",
)
TEST_DISABLED_RULES: tuple[str, ...] = ("sec-assert-used",)
TEST_FAIL_ON = "critical"


def path_overrides(raw: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The test profile first, then `overrides` in file order: later entries win."""
    result: list[Mapping[str, Any]] = []
    tests = raw.get("tests")
    if isinstance(tests, Mapping) and tests.get("paths"):
        result.append(tests)
    overrides = raw.get("overrides") or ()
    result.extend(o for o in overrides if isinstance(o, Mapping))
    return result


def threshold_for(raw: Mapping[str, Any], path: str, key: str, default: str) -> str:
    """`fail_on` / `warn_on` for one path: the global value, then matching profiles."""
    value = str(raw.get(key) or default)
    for override in path_overrides(raw):
        paths: Sequence[str] = override.get("paths") or ()
        if override.get(key) and matches_any(path, paths):
            value = str(override[key])
    return value


def is_test_path(raw: Mapping[str, Any], path: str) -> bool:
    tests = raw.get("tests")
    paths: Sequence[str] = (tests.get("paths") or ()) if isinstance(tests, Mapping) else TEST_PATHS
    return bool(paths) and matches_any(path, paths)
