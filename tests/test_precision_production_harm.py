"""Rules whose harm needs production code (reflected XSS, unverified JWTs, SSRF, open
redirects, missing audit events, missing timeouts, weak crypto, swallowed or discarded
errors, deserializing the test's own bytes) are off
in test code under the default test profile, and are not even given to the engine for test files
(`gate.scanning.test_scope`). The same shapes in application code are still reported, and
a secret in a test file still is. Real semgrep, a real git repository."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gate.findings import Severity
from gate.policy.packs import Catalog
from gate.report import Report
from gate.runner import RunOptions, run_gate
from gate.scanning.rule_paths import applies, rule_scopes
from gate.scanning.test_scope import scope_to_profile
from tests.conftest import GitRepo

JS_HANDLER = """\
const express = require("express");
const app = express();

app.post("/echo", (req, res) => {
  res.send(req.body.name);
});

module.exports = app;
"""

JS_TEST = """\
const express = require("express");
const app = express();

app.post("/echo", (req, res) => {
  res.send(req.body.name);
});

const stripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";

test("echoes the body", async () => {
  expect(await post(app, "/echo", { name: "x", key: stripeKey })).toBe("x");
});
"""

GO_APP = """\
package auth

import "github.com/golang-jwt/jwt/v5"

func Subject(raw string) string {
	token, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return ""
	}
	sub, _ := token.Claims.GetSubject()
	return sub
}
"""

GO_TEST = GO_APP.replace("package auth", "package auth_test")

# A throwaway weak key and a deliberately ignored failure: harmless in a test, not in the
# signing service.
JS_SIGNER = """\
const { generateKeyPairSync } = require("crypto");

function signingKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
  return privateKey;
}

function notify(client, event) {
  client.post("/hooks", event).catch(() => {});
}

module.exports = { signingKey, notify };
"""
JS_SIGNER_TEST = """\
const { generateKeyPairSync } = require("crypto");
const { sign } = require("../src/sign");

test("refuses a short key", async () => {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
  expect(() => sign({ sub: "1" }, privateKey)).toThrow("minimum key size");
  await request(app).get("/stream").catch(() => {});
});
"""

# A session read back from a cookie is attacker-controlled; a test reading back the bytes it
# has just written is not. An error discarded in the ledger loses money; in a test helper it
# only weakens the test.
JAVA_STORE = """\
package com.acme.session;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Base64;

public class CookieSessions {
    public Object load(String cookie) throws Exception {
        byte[] raw = Base64.getDecoder().decode(cookie);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw))) {
            return in.readObject();
        }
    }
}
"""
JAVA_ROUNDTRIP_TEST = """\
package com.acme.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

class CookieSessionsTest {
    static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        ByteArrayInputStream written = new ByteArrayInputStream(bytes.toByteArray());
        try (ObjectInputStream in = new ObjectInputStream(written)) {
            return in.readObject();
        }
    }
}
"""
GO_LEDGER = """\
package ledger

import "strconv"

func Credit(balance int, raw string) int {
	cents, _ := strconv.Atoi(raw)
	return balance + cents
}
"""

FILES = {
    "routes/echo.js": JS_HANDLER,
    "test/echo.test.js": JS_TEST,
    "auth/subject.go": GO_APP,
    "auth/parser_test.go": GO_TEST,
    "src/signer.js": JS_SIGNER,
    "__tests__/sign.test.js": JS_SIGNER_TEST,
    "src/main/java/com/acme/session/CookieSessions.java": JAVA_STORE,
    "src/test/java/com/acme/session/CookieSessionsTest.java": JAVA_ROUNDTRIP_TEST,
    "ledger/credit.go": GO_LEDGER,
    # under test/, not `*_test.go` (which the rule itself already leaves out)
    "test/ledger/credit.go": GO_LEDGER,
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Report]:
    repo = GitRepo(tmp_path_factory.mktemp("harm") / "repo")
    repo.write("README.md", "# service\n")
    repo.commit("base")
    for path, text in FILES.items():
        repo.write(path, text)
    repo.commit("change")
    yield run_gate(
        RunOptions(cwd=repo.path, base="HEAD~1", overrides={"cache": {"enabled": False}})
    )


def _medium_plus(report: Report, path: str) -> set[str]:
    return {
        f.rule_id for f in report.active if f.path == path and f.severity.at_least(Severity.MEDIUM)
    }


def test_the_scanners_ran(report: Report) -> None:
    assert {s.name: s.status for s in report.scanners}["semgrep"] == "ok"


def test_application_code_is_still_reported(report: Report) -> None:
    assert "sec-xss-response-body-js" in _medium_plus(report, "routes/echo.js")
    assert "sec-jwt-unverified-go" in _medium_plus(report, "auth/subject.go")


def test_production_harm_rules_are_quiet_in_tests(report: Report) -> None:
    assert "sec-xss-response-body-js" not in _medium_plus(report, "test/echo.test.js")
    assert "sec-jwt-unverified-go" not in _medium_plus(report, "auth/parser_test.go")


def test_weak_keys_and_ignored_failures_count_in_code_not_in_tests(report: Report) -> None:
    app = _medium_plus(report, "src/signer.js")
    assert {"pci-weak-crypto-js", "eh-js-empty-catch"} <= app, app
    quiet = _medium_plus(report, "__tests__/sign.test.js")
    assert not quiet & {"pci-weak-crypto-js", "eh-js-empty-catch"}, quiet


def test_deserialization_and_discarded_errors_count_in_code_not_in_tests(report: Report) -> None:
    java = "src/main/java/com/acme/session/CookieSessions.java"
    assert "sec-unsafe-deserialization-java" in _medium_plus(report, java)
    assert "eh-go-error-discarded" in _medium_plus(report, "ledger/credit.go")
    java_test = "src/test/java/com/acme/session/CookieSessionsTest.java"
    assert "sec-unsafe-deserialization-java" not in _medium_plus(report, java_test)
    assert "eh-go-error-discarded" not in _medium_plus(report, "test/ledger/credit.go")


def test_benchmark_sources_are_test_code() -> None:
    from gate.policy.profiles import is_test_path

    assert is_test_path({}, "lib/src/jmh/java/com/acme/DecoderBenchmark.java")
    assert is_test_path({}, "benchmarks/parse_bench.py")
    assert not is_test_path({}, "lib/src/main/java/com/acme/Decoder.java")


def test_a_secret_in_a_test_is_still_reported(report: Report) -> None:
    found = {f.rule_id for f in report.active if f.path == "test/echo.test.js"}
    assert any("stripe" in r or "secret" in r for r in found), found


def _catalog() -> Catalog:
    rule = {
        "id": "sec-ssrf-go",
        "languages": ["go"],
        "paths": {"exclude": ["examples/"]},
        "pattern": "http.Get($U)",
    }
    other = {"id": "sec-sql-injection-go", "languages": ["go"], "pattern": "db.Query($Q)"}
    return Catalog(packs=(), rules={}, semgrep_rules=(rule, other), digest="d")


def test_disabled_rules_are_not_planned_for_test_files_only() -> None:
    tests = {"paths": ["*_test.go", "testdata/"], "disable_rules": ["sec-ssrf-go"]}
    scoped = scope_to_profile(_catalog(), {"tests": tests})
    assert scoped.digest != "d"
    ssrf, sql = rule_scopes(scoped.semgrep_rules, {"go": "go"})
    assert not applies(ssrf, "client/fetch_test.go")
    assert not applies(ssrf, "testdata/x.go")
    assert not applies(ssrf, "examples/main.go")  # the rule's own exclude is kept
    assert applies(ssrf, "client/fetch.go")
    assert applies(sql, "client/fetch_test.go")


def test_a_profile_turned_off_changes_nothing() -> None:
    catalog = _catalog()
    off = {"tests": {"paths": [], "disable_rules": ["sec-ssrf-go"]}}
    assert scope_to_profile(catalog, off) is catalog


def test_the_per_file_engine_timeout_scales_with_file_size() -> None:
    from gate.scanning.semgrep_core import RULE_TIMEOUT_MAX, rule_timeout

    assert rule_timeout(0) == rule_timeout(100_000) == 30
    assert rule_timeout(275_000) == 82  # a 6,600-line integration test
    assert rule_timeout(300_000) > rule_timeout(200_000) > 30
    assert rule_timeout(50_000_000) == RULE_TIMEOUT_MAX
