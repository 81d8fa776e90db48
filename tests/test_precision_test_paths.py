"""False-positive classes of the real-commit benchmark that depend on WHERE the code is:
Go test clients and test setup, JWT decode-rejection tests, a test forging a token with a
throwaway HMAC key. One change holds them beside the same shapes in application code,
run through the real scanners with the default configuration: the test files stay quiet,
the application files are still reported."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gate.findings import Severity
from gate.report import Report, Verdict
from gate.runner import RunOptions, run_gate
from tests.conftest import GitRepo

GO_TEST = """\
package consent

import (
	"net/http"
	"strconv"
	"testing"
)

func TestLogout(t *testing.T) {
	browser := &http.Client{Jar: newJar(t), Transport: http.DefaultTransport}
	limit, _ := strconv.Atoi("20")
	resp, err := browser.Get(publicURL + "/logout?limit=" + strconv.Itoa(limit))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
}
"""

GO_APP = """\
package upstream

import (
	"net/http"
	"strconv"
)

type Client struct{ hc *http.Client }

func New() *Client {
	return &Client{hc: &http.Client{Transport: http.DefaultTransport}}
}

func Limit(raw string) int {
	n, _ := strconv.Atoi(raw)
	return n
}
"""

JS_TEST = """\
const jwt = require("jsonwebtoken");
const crypto = require("crypto");

describe("decode", () => {
  it("rejects a token with four segments", () => {
    expect(() => jwt.decode("foo.bar.baz.")).to.throw(TypeError);
  });

  it("rejects a forged HS256 request object", async () => {
    const body = Buffer.from(JSON.stringify({ sub: "x" })).toString("base64url");
    const mac = crypto.createHmac("sha256", "secret").update(body).digest("base64url");
    await expect(verifyRequestObject(`e30.${body}.${mac}`)).to.be.rejected;
  });
});
"""

JS_APP = """\
const jwt = require("jsonwebtoken");
const crypto = require("crypto");

function currentUser(req) {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  return claims.sub;
}

function sign(body) {
  return crypto.createHmac("sha256", "s3cr3t-signing-key-2024").update(body).digest("hex");
}

module.exports = { currentUser, sign };
"""

FILES = {
    "consent/strategy_logout_test.go": GO_TEST,
    "upstream/client.go": GO_APP,
    "test/jwt/jsonwebtoken.test.js": JS_TEST,
    "src/auth.js": JS_APP,
}
RULES = (
    "eh-go-http-client-no-timeout",
    "eh-go-error-discarded",
    "sec-jwt-unverified-js",
    "pci-crypto-key-hardcoded",
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Report]:
    repo = GitRepo(tmp_path_factory.mktemp("paths") / "repo")
    repo.write("README.md", "# service\n")
    repo.commit("base")
    for path, text in FILES.items():
        repo.write(path, text)
    repo.commit("change")
    yield run_gate(
        RunOptions(cwd=repo.path, base="HEAD~1", overrides={"cache": {"enabled": False}})
    )


def _rules_at(report: Report, path: str) -> set[str]:
    return {
        f.rule_id
        for f in report.active
        if f.path == path and f.severity.at_least(Severity.MEDIUM) and f.rule_id in RULES
    }


def test_the_scanners_ran(report: Report) -> None:
    assert {s.name: s.status for s in report.scanners}["semgrep"] == "ok"
    assert all(s.status != "error" for s in report.scanners)


def test_go_test_client_and_test_setup_discard_are_not_reported(report: Report) -> None:
    assert _rules_at(report, "consent/strategy_logout_test.go") == set()


def test_decode_rejection_test_and_forging_key_in_a_test_are_not_reported(
    report: Report,
) -> None:
    assert _rules_at(report, "test/jwt/jsonwebtoken.test.js") == set()


def test_the_same_shapes_in_application_code_are_still_reported(report: Report) -> None:
    assert _rules_at(report, "upstream/client.go") == {
        "eh-go-http-client-no-timeout",
        "eh-go-error-discarded",
    }
    assert _rules_at(report, "src/auth.js") == {"sec-jwt-unverified-js", "pci-crypto-key-hardcoded"}


GO_TEST_UTIL = """\
package testutil

import (
	"database/sql"
	"fmt"
)

func RebuildDatabase(db *sql.DB, name string) error {
	if _, err := db.Exec(fmt.Sprintf("DROP DATABASE IF EXISTS %s", name)); err != nil {
		return err
	}
	return nil
}
"""


@pytest.mark.parametrize(
    ("path", "fails"), [("test-util/database.go", False), ("internal/store/database.go", True)]
)
def test_sql_built_in_a_test_helper_package_does_not_fail_the_change(
    repo: GitRepo, path: str, fails: bool
) -> None:
    repo.write("README.md", "# service\n")
    repo.commit("base")
    repo.write(path, GO_TEST_UTIL)
    repo.commit("change")
    result = run_gate(RunOptions(cwd=repo.path, base="HEAD~1"))
    assert "sec-sql-injection-go" in {f.rule_id for f in result.active}
    assert (result.verdict is Verdict.FAIL) is fails


PY_CARD_LOG = """\
import logging

log = logging.getLogger(__name__)


def charge(card_number, amount):
    log.info("charging %s for %s", card_number, amount)
"""


@pytest.mark.parametrize(
    ("path", "verdict"),
    [("examples/charge_demo.py", Verdict.WARN), ("shop/payments/charge.py", Verdict.FAIL)],
)
def test_example_programs_report_but_never_fail(repo: GitRepo, path: str, verdict: Verdict) -> None:
    repo.write("README.md", "# sdk\n")
    repo.commit("base")
    repo.write(path, PY_CARD_LOG)
    repo.commit("change")
    result = run_gate(RunOptions(cwd=repo.path, base="HEAD~1"))
    assert "pci-pan-logged" in {f.rule_id for f in result.active if f.path == path}
    assert result.verdict is verdict


def test_a_credential_named_literal_in_a_test_is_a_low_fixture(repo: GitRepo) -> None:
    repo.write("README.md", "# sdk\n")
    repo.commit("base")
    test = 'const options = { clientSecret: "cs_live_fixture_123" };\nexport default options;\n'
    repo.write("src/components/form.test.tsx", test)
    repo.write("src/components/form.tsx", test)
    repo.commit("change")
    result = run_gate(RunOptions(cwd=repo.path, base="HEAD~1"))
    severity = {
        f.path: f.severity for f in result.active if f.rule_id == "pci-hardcoded-credential"
    }
    assert severity["src/components/form.test.tsx"] is Severity.LOW
    assert severity["src/components/form.tsx"].at_least(Severity.HIGH)
