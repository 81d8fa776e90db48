"""gate's secrets engine as a scanner: name "secrets", every text file, added lines only.

Detectors live in gate.scanning.redact (shared with redaction); their ids are the native rules of
policies/secrets/native.yml, and only rules present in the catalog are reported, so
disabling the pack silences the engine. Every value is masked in the Finding: the
snippet is the redacted line and the message names at most a masked form
(`AKIA************MPLE`, `************1111`, `[REDACTED]`).

- Only lines this change added are read for values (`ChangedFile.line_added`); a secret
  already on the base branch is not this change's finding.
- File-level rules: a newly added `.env` file (`.env.example` and friends pass) and a
  newly added key store / private key file (.p12, .pfx, .jks, .keystore, id_rsa, ...).
- Card numbers: known test PANs are severity info in test files, high elsewhere; a
  processor's sandbox card in a test-card constants module or (by its shape) in a test
  file is low (gate.scanning.sandbox_cards); any other Luhn-valid PAN keeps the rule's
  severity (critical).
- Fixtures: in test files, secrets without a provider format (a PEM private key, a key
  file, a password in a URL or an assignment, a JWT) are severity low: test suites carry
  TLS fixture keys and login passwords by design. Provider keys (AWS, GitHub, Stripe live,
  ...) keep their severity everywhere: a real one is as live in a test as anywhere.
- Lines over `gate.scanning.redact.MAX_LINE` characters (minified bundles) are not scanned; one
  info finding per file (`secrets-line-not-scanned`) says which lines, so a skip is
  never a silent pass. Files over `MAX_BYTES` or unreadable are listed as unanalysed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path, PurePosixPath

import gate
from gate.change.model import ChangeKind
from gate.findings import Finding, Severity
from gate.policy.carriers import documentation_lines
from gate.policy.packs import Catalog
from gate.policy.rules import RuleInfo
from gate.scanning.base import (
    FileScan,
    ScanOutcome,
    ScanRequest,
    ScanTarget,
    UnreadableTargetError,
    finding_from_rule,
    read_target,
    scan_each_file,
)
from gate.scanning.redact import MAX_LINE, SecretMatch, find_secrets, redact
from gate.scanning.sandbox_cards import sandbox_card_severity

NAME = "secrets"
MAX_BYTES = 5_000_000
LINE_NOT_SCANNED = "secrets-line-not-scanned"
ENV_FILE = "secret-committed-env-file"
KEY_FILE = "secret-committed-key-file"
PAN_RULE = "pci-pan-literal"

_NEW_KINDS = frozenset(
    {
        ChangeKind.ADDED,
        ChangeKind.UNTRACKED,
        ChangeKind.WHOLE,
        ChangeKind.RENAMED,
        ChangeKind.COPIED,
    }
)
_ENV_TEMPLATE_SUFFIXES = (".example", ".sample", ".template", ".dist", ".defaults", ".tpl")
_KEY_SUFFIXES = (".p12", ".pfx", ".jks", ".keystore", ".bks", ".ppk", ".der")
_KEY_NAMES = frozenset({"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"})
# Secrets a test suite holds as fixtures: the value has no provider format to tell a real one.
_FIXTURE_RULES = frozenset(
    {
        "secret-private-key",
        "secret-committed-key-file",
        "secret-url-password",
        "secret-generic-credential",
        "secret-jwt",
    }
)
_TEST_DIRS = frozenset({"test", "tests", "__tests__", "spec", "specs", "testdata", "fixtures"})


class SecretsScanner:
    name = NAME

    def accepts(self, target: ScanTarget, catalog: Catalog) -> bool:
        file = target.file
        return bool(catalog.rules_for_engine(NAME)) and not (file.is_submodule or file.is_symlink)

    def version(self) -> str:
        return f"gate-secrets {gate.__version__}"

    def scan(self, request: ScanRequest) -> ScanOutcome:
        rules = {rule.id: rule for rule in request.catalog.rules_for_engine(NAME)}

        def scan_file(target: ScanTarget) -> FileScan:
            file = target.file
            if file.is_submodule or file.is_symlink or file.kind is ChangeKind.DELETED:
                return FileScan(skipped=True)
            found = tuple(_file_rules(target, rules, request.root))
            if file.is_binary:
                return FileScan(findings=found, skipped=True)
            try:
                lines = _read_lines(request.root, target.path)
            except UnreadableTargetError as exc:
                return FileScan(findings=found, unanalysed=f"secrets: {exc}")
            if lines is None:  # binary content git did not flag
                return FileScan(findings=found, skipped=True)
            return FileScan(findings=found + tuple(_line_findings(target, lines, rules)))

        return scan_each_file(request, scanner=NAME, version=self.version(), scan_file=scan_file)


def _read_lines(root: Path, path: str) -> list[str] | None:
    data = read_target(root, path, MAX_BYTES)
    if b"\x00" in data[:8192]:
        return None
    return data.decode("utf-8", "replace").splitlines()


def is_test_path(path: str) -> bool:
    """tests/, test_x.py, x_test.go, x.test.ts, x.spec.js, FooTest.java, conftest.py."""
    pure = PurePosixPath(path)
    if any(part.lower() in _TEST_DIRS for part in pure.parts[:-1]):
        return True
    name = pure.name
    stem = name.split(".", 1)[0]
    lowered = name.lower()
    return (
        stem.lower().startswith("test_")
        or stem.lower().endswith(("_test", "_tests", "_spec"))
        or stem.endswith(("Test", "Tests"))
        or ".test." in lowered
        or ".spec." in lowered
        or lowered == "conftest.py"
    )


def _line_findings(
    target: ScanTarget, lines: list[str], rules: dict[str, RuleInfo]
) -> list[Finding]:
    findings: list[Finding] = []
    skipped: list[int] = []
    docs = documentation_lines(lines)
    for number, line in enumerate(lines, 1):
        if not target.file.line_added(number):
            continue
        if len(line) > MAX_LINE:
            skipped.append(number)
            continue
        matches = find_secrets(line, strict=True, language=target.language)
        if not matches:
            continue
        snippet = redact(line.strip())
        for match in matches:
            rule = rules.get(match.rule_id)
            if match.rule_id == PRIVATE_KEY_RULE and not _key_material(lines, number, match):
                continue  # a bare PEM header (a parser's marker, a type test's dummy)
            if rule is not None:
                finding = _finding(rule, target, number, match, snippet)
                if rule.id in _DOC_EXAMPLE_RULES and number in docs:
                    finding = _as_example(finding)
                findings.append(finding)
    rule = rules.get(LINE_NOT_SCANNED)
    if skipped and rule is not None:
        shown = ", ".join(str(n) for n in skipped[:10]) + (", ..." if len(skipped) > 10 else "")
        findings.append(
            finding_from_rule(
                rule,
                scanner=NAME,
                path=target.path,
                start_line=skipped[0],
                end_line=skipped[-1],
                message=f"{len(skipped)} added line(s) longer than {MAX_LINE} characters "
                f"not scanned (line {shown}). {rule.message}",
                source_rule_id=LINE_NOT_SCANNED,
            )
        )
    return findings


PRIVATE_KEY_RULE = "secret-private-key"
_KEY_MATERIAL = re.compile(r"[A-Za-z0-9+/]{40,}")


def _key_material(lines: list[str], number: int, match: SecretMatch) -> bool:
    """Base64 key material after a PEM header: in the same string, the next lines of a PEM
    file, or the next concatenated literals (``"-----BEGIN ...\\n" + "MIIE..."``)."""
    following = lines[number - 1][match.start :] + "\n" + "\n".join(lines[number : number + 3])
    return bool(_KEY_MATERIAL.search(following))


def _finding(
    rule: RuleInfo, target: ScanTarget, line: int, match: SecretMatch, snippet: str
) -> Finding:
    shown = f" Value: {match.masked}." if match.masked and match.masked != "[REDACTED]" else ""
    finding = finding_from_rule(
        rule,
        scanner=NAME,
        path=target.path,
        start_line=line,
        start_col=match.start + 1,
        end_col=match.end + 1,
        message=f"{rule.message}{shown}",
        snippet=snippet,
        source_rule_id=rule.id,
    )
    if rule.id in _FIXTURE_RULES and is_test_path(target.path):
        return _as_fixture(finding)
    if rule.id == PAN_RULE:
        digits = "".join(c for c in match.value if c.isdigit())
        test_card = sandbox_card_severity(digits, target.path, is_test_path(target.path))
        if test_card is not None:
            severity, why = test_card
            return replace(finding, severity=severity, message=f"{why} {rule.message}{shown}")
    return finding


def _file_rules(target: ScanTarget, rules: dict[str, RuleInfo], root: Path) -> list[Finding]:
    if target.file.kind not in _NEW_KINDS:
        return []
    name = PurePosixPath(target.path).name.lower()
    rule_id = ""
    if (name == ".env" or name.startswith(".env.") or name.endswith(".env")) and not name.endswith(
        _ENV_TEMPLATE_SUFFIXES
    ):
        rule_id = ENV_FILE
    elif name.endswith(_KEY_SUFFIXES) or name in _KEY_NAMES:
        rule_id = KEY_FILE
    elif name.endswith((".pem", ".key")) and _binary_key(root / target.path):
        rule_id = KEY_FILE  # DER/binary key material the line detectors cannot read
    rule = rules.get(rule_id)
    if rule is None:
        return []
    finding = finding_from_rule(
        rule,
        scanner=NAME,
        path=target.path,
        start_line=1,
        message=f"{rule.message} File: {target.path}.",
        source_rule_id=rule.id,
    )
    if rule.id in _FIXTURE_RULES and is_test_path(target.path):
        finding = _as_fixture(finding)
    return [finding]


# Generic (entropy-judged) credentials in a comment or docstring are examples in the
# documentation; provider formats keep their severity there too.
_DOC_EXAMPLE_RULES = frozenset({"secret-generic-credential", "secret-url-password"})


def _as_example(finding: Finding) -> Finding:
    """Low: an example value in documentation, kept in the report but not shown."""
    return replace(
        finding,
        severity=Severity.LOW,
        message="In a comment or docstring, so most likely an example (low); provider-"
        f"format keys are still reported at their severity. {finding.message}",
    )


def _as_fixture(finding: Finding) -> Finding:
    """Low, and saying why: a test fixture, unless the value is also used outside tests."""
    return replace(
        finding,
        severity=Severity.LOW,
        message="In a test file, so most likely a fixture (low); make sure the same value "
        f"is not used outside the tests. {finding.message}",
    )


def _binary_key(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return b"-----BEGIN" not in head and any(b < 9 or 13 < b < 32 for b in head)
