"""SecretsScanner: one positive and one negative per detector, added lines only, redaction.

Every key below is fake but format-valid, built at run time from pieces so the repository
holds no live-looking secret literal.
"""

from __future__ import annotations

import random
import string
import textwrap
from pathlib import Path

import pytest

from gate.change.model import ChangedFile, ChangeKind, Range
from gate.findings import Severity
from gate.policy.packs import Catalog, load_catalog
from gate.scanning.base import ScanOutcome, ScanRequest, ScanTarget
from gate.scanning.languages import detect_language
from gate.scanning.redact import MAX_LINE
from gate.scanning.secrets import SecretsScanner, is_test_path
from gate.scanning.values import luhn_valid

ALNUM = string.ascii_letters + string.digits
UPPER_DIGITS = string.ascii_uppercase + string.digits
B64 = ALNUM + "+/"

_CATALOG: list[Catalog] = []


def catalog() -> Catalog:
    if not _CATALOG:
        _CATALOG.append(load_catalog(["secrets"]))
    return _CATALOG[0]


def fake(alphabet: str, length: int, seed: int = 1) -> str:
    return "".join(random.Random(seed).choices(alphabet, k=length))


def luhn_number(prefix: str, length: int, seed: int = 3) -> str:
    """A Luhn-valid number with the given prefix (not a published test card)."""
    body = prefix + fake(string.digits, length - len(prefix) - 1, seed)
    for check in string.digits:
        if luhn_valid(body + check):
            return body + check
    raise AssertionError("unreachable")


AWS_ID = "AKIA" + fake(UPPER_DIGITS, 16)
AWS_SECRET = fake(B64, 40, seed=2)
GITHUB = "gh" + "p_" + fake(ALNUM, 36, seed=3)
GITHUB_PAT = "github" + "_pat_" + fake(ALNUM, 22, seed=4) + "_" + fake(ALNUM, 59, seed=5)
GITLAB = "gl" + "pat-" + fake(ALNUM, 20, seed=6)
SLACK = "xo" + "xb-" + fake(string.digits, 12) + "-" + fake(ALNUM, 24, seed=7)
STRIPE_LIVE = "sk" + "_live_" + fake(ALNUM, 24, seed=8)
STRIPE_TEST = "sk" + "_test_" + fake(ALNUM, 24, seed=9)
SQUARE = "sq0" + "csp-" + fake(ALNUM, 43, seed=10)
AZURE = fake(B64, 86, seed=11) + "=="
JWT = "eyJ" + fake(ALNUM, 20, seed=12) + ".eyJ" + fake(ALNUM, 40, seed=13) + "." + fake(ALNUM, 43)
GENERIC = fake(ALNUM, 32, seed=14)
DB_PASSWORD = "Zq8" + fake(ALNUM, 13, seed=15)
PEM_BODY = fake(B64, 64, seed=16)
REAL_LOOKING_PAN = luhn_number("4539", 16)
BEGIN = "-----BEGIN " + "RSA PRIVATE KEY-----"


def scan(
    tmp_path: Path,
    files: dict[str, str | bytes],
    *,
    kind: ChangeKind = ChangeKind.WHOLE,
    added: tuple[Range, ...] = (),
    binary: bool = False,
) -> ScanOutcome:
    targets = []
    for path, content in files.items():
        full = tmp_path / path
        full.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            full.write_bytes(content)
        else:
            full.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        changed = ChangedFile(path=path, kind=kind, added=added, is_binary=binary)
        targets.append(ScanTarget(file=changed, language=detect_language(path)))
    request = ScanRequest(root=tmp_path, targets=tuple(targets), catalog=catalog(), timeout=60)
    outcome = SecretsScanner().scan(request)
    assert outcome.ok, outcome.error
    return outcome


def hits(outcome: ScanOutcome) -> set[tuple[str, int]]:
    return {(f.rule_id, f.start_line) for f in outcome.findings}


POSITIVES = [
    ("secret-aws-access-key", "config.py", f'AWS_ACCESS_KEY_ID = "{AWS_ID}"', AWS_ID),
    ("secret-aws-secret-key", "config.py", f'aws_secret_access_key = "{AWS_SECRET}"', AWS_SECRET),
    (
        "secret-gcp-service-account-key",
        "sa.json",
        f'  "private_key": "{BEGIN.replace("RSA ", "")}\\n{PEM_BODY}\\n",',
        PEM_BODY,
    ),
    (
        "secret-azure-storage-key",
        "settings.ini",
        f"conn = DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={AZURE};",
        AZURE,
    ),
    ("secret-github-token", "deploy.sh", f"export GH_TOKEN={GITHUB}", GITHUB),
    ("secret-github-token", "ci.yml", f"token: {GITHUB_PAT}", GITHUB_PAT),
    ("secret-gitlab-token", "ci.yml", f"GITLAB_TOKEN: '{GITLAB}'", GITLAB),
    ("secret-slack-token", "notify.js", f"const slack = new WebClient('{SLACK}');", SLACK),
    ("secret-stripe-live-key", "pay.py", f'stripe.api_key = "{STRIPE_LIVE}"', STRIPE_LIVE),
    ("secret-payment-provider-key", "pay.rb", f"SQUARE = '{SQUARE}'", SQUARE),
    ("secret-private-key", "deploy/key.pem", f"{BEGIN}\n{PEM_BODY}", None),
    ("secret-jwt", "client.ts", f'const auth = "Bearer {JWT}";', JWT),
    (
        "secret-url-password",
        ".github/workflows/ci.yml",
        f"DATABASE_URL: postgres://app:{DB_PASSWORD}@db.internal:5432/app",
        DB_PASSWORD,
    ),
    ("secret-generic-credential", "app/client.py", f'api_key = "{GENERIC}"', GENERIC),
    ("secret-generic-credential", "app/.env.example", f"SESSION_SECRET={GENERIC}", GENERIC),
    ("pci-pan-literal", "app/billing.py", f'card = "{REAL_LOOKING_PAN}"', REAL_LOOKING_PAN),
    (
        "pci-track-data-literal",
        "app/reader.py",
        f'raw = "%B{REAL_LOOKING_PAN}^DOE/JANE^2812101000000000000"',
        REAL_LOOKING_PAN,
    ),
    ("pci-track-data-literal", "app/reader.py", f'raw = ";{REAL_LOOKING_PAN}=28121010000?"', None),
]


@pytest.mark.parametrize(("rule_id", "path", "line", "secret"), POSITIVES)
def test_detector_fires_and_redacts(
    tmp_path: Path, rule_id: str, path: str, line: str, secret: str | None
) -> None:
    outcome = scan(tmp_path, {path: f"# header\n{line}\n"})
    assert (rule_id, 2) in hits(outcome)
    finding = next(f for f in outcome.findings if f.rule_id == rule_id)
    assert finding.sources == ("secrets",) and finding.path == path
    assert finding.cwe and finding.controls and finding.remediation
    if secret is not None:
        assert secret not in finding.snippet
        assert secret not in finding.message
        middle = secret[len(secret) // 2 - 4 : len(secret) // 2 + 4]
        assert middle not in finding.snippet + finding.message


NEGATIVES = [
    ("sk_test_ key", "pay.py", f'stripe.api_key = "{STRIPE_TEST}"'),
    ("AWS documentation key", "README.md", "aws_access_key_id = " + "AKIA" + "IOSFODNN7EXAMPLE"),
    ("placeholder changeme", "settings.py", 'DB_PASSWORD = "changeme"'),
    ("placeholder env reference", "settings.py", 'API_KEY = "${API_KEY}"'),
    ("placeholder angle brackets", "README.md", "token: <token>"),
    ("placeholder xxx", "config.yml", "client_secret: xxxxxxxxxxxxxxxx"),
    ("os.environ lookup", "settings.py", 'SECRET_KEY = os.environ["SECRET_KEY"]'),
    ("getenv with name", "settings.py", 'token = os.getenv("API_TOKEN")'),
    ("function call", "settings.py", "password = vault.read_password()"),
    ("not a credential name", "settings.py", f'password_hash_algorithm = "{GENERIC}"'),
    ("low entropy", "settings.py", 'api_key = "aaaaaaaaaaaaaaaaaaaa"'),
    ("url password placeholder", "docker-compose.yml", "DSN: postgres://app:${DB_PASS}@db/app"),
    ("url without password", "settings.py", 'URL = "https://user@example.com/path"'),
    (
        "host and port before @ in changelog prose",
        "docs/changelog.rst",
        "- Reject redirect URIs like ``http://localhost:80@attacker.example/cb``.",
    ),
    ("masked pan", "app/billing.py", 'shown = "411111******1111"'),
    ("non-luhn number", "app/billing.py", 'order = "4111111111111112"'),
    ("repeated digits", "app/billing.py", 'filler = "0000000000000000"'),
    ("unix time in ms", "app/billing.py", "created = 1700000000000123"),
    ("python unquoted reference", "app/db.py", "password = settings_password"),
    ("description in place of the value", "examples/pay.go", 'ApiKey = "支付接口加密密钥32字节"'),
    (
        "token-type URN",
        "lib/context.js",
        "const transfer_token = 'urn:auth0:params:oauth:token-type:session_transfer_token';",
    ),
]


@pytest.mark.parametrize(("why", "path", "line"), NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_detector_stays_quiet(tmp_path: Path, why: str, path: str, line: str) -> None:
    outcome = scan(tmp_path, {path: f"{line}\n"})
    assert hits(outcome) == set(), why


def test_unchanged_lines_are_not_reported(tmp_path: Path) -> None:
    text = f'OLD_TOKEN = "{GITHUB}"\nx = 1\nNEW_KEY = "{AWS_ID}"\n'
    outcome = scan(tmp_path, {"app/conf.py": text}, kind=ChangeKind.MODIFIED, added=((2, 3),))
    assert hits(outcome) == {("secret-aws-access-key", 3)}


def test_column_points_at_the_value(tmp_path: Path) -> None:
    outcome = scan(tmp_path, {"app/conf.py": f'KEY = "{AWS_ID}"\n'})
    (finding,) = outcome.findings
    assert finding.start_col == len('KEY = "') + 1
    assert finding.end_col == finding.start_col + len(AWS_ID)


def test_aws_key_masked_keeping_four_characters_each_side(tmp_path: Path) -> None:
    outcome = scan(tmp_path, {"app/conf.py": f'KEY = "{AWS_ID}"\n'})
    (finding,) = outcome.findings
    masked = AWS_ID[:4] + "*" * 12 + AWS_ID[-4:]
    assert finding.snippet == f'KEY = "{masked}"'
    assert masked in finding.message


@pytest.mark.parametrize(
    "text",
    [
        f'const key = "{BEGIN}\\n{PEM_BODY}\\n";\n',
        f'String key = "{BEGIN}\\n" +\n    "{PEM_BODY}\\n";\n',
    ],
)
def test_private_key_in_a_string_or_concatenated_literals_is_found(
    tmp_path: Path, text: str
) -> None:
    outcome = scan(tmp_path, {"src/keys.ts": text})
    assert hits(outcome) == {("secret-private-key", 1)}


@pytest.mark.parametrize(
    "text",
    [
        f"expectType<string>(sign('{BEGIN}'));\n",  # a type test's dummy value
        f'if (pem.startsWith("{BEGIN}")) {{\n  return parsePkcs1(pem);\n}}\n',  # a marker
    ],
)
def test_bare_pem_header_without_key_material_is_not_a_secret(tmp_path: Path, text: str) -> None:
    assert hits(scan(tmp_path, {"src/keys.ts": text})) == set()


def test_multiline_private_key_reports_begin_line_only(tmp_path: Path) -> None:
    text = f"{BEGIN}\n{PEM_BODY}\n{PEM_BODY[::-1]}\n-----END RSA PRIVATE KEY-----\n"
    outcome = scan(tmp_path, {"deploy/id.key": text})
    assert hits(outcome) == {("secret-private-key", 1)}


@pytest.mark.parametrize(
    ("path", "severity"),
    [
        ("tests/test_checkout.py", Severity.INFO),
        ("src/checkout.spec.ts", Severity.INFO),
        ("app/checkout.py", Severity.HIGH),
    ],
)
def test_published_test_pan_is_info_in_tests_high_elsewhere(
    tmp_path: Path, path: str, severity: Severity
) -> None:
    outcome = scan(tmp_path, {path: 'number = "4242 4242 4242 4242"\n'})
    (finding,) = outcome.findings
    assert (finding.rule_id, finding.start_line, finding.severity) == (
        "pci-pan-literal",
        1,
        severity,
    )
    assert "4242 4242 4242 4242" not in finding.snippet + finding.message
    assert "**** **** **** 4242" in finding.snippet


def test_unknown_pan_in_test_file_keeps_critical(tmp_path: Path) -> None:
    outcome = scan(tmp_path, {"tests/test_refund.py": f"CARD = {REAL_LOOKING_PAN}\n"})
    (finding,) = outcome.findings
    assert finding.severity is Severity.CRITICAL and finding.data_classes == ("PAN",)


@pytest.mark.parametrize(
    ("rule_id", "path", "line"),
    [
        # noise corpus (bench/noise_corpus.py): requests 2.32 TLS fixtures, httpx 0.28 URL
        # tests, Django 5.1 auth tests
        ("secret-private-key", "tests/certs/valid/server/server.key", f"{BEGIN}\n{PEM_BODY}"),
        (
            "secret-url-password",
            "tests/models/test_url.py",
            f"u = 'https://tom:{DB_PASSWORD}@x.org'",
        ),
        ("secret-generic-credential", "tests/auth_tests/test_forms.py", f'password = "{GENERIC}"'),
        ("secret-jwt", "src/client.spec.ts", f'const auth = "Bearer {JWT}";'),
    ],
)
def test_fixture_secret_in_test_file_is_low(
    tmp_path: Path, rule_id: str, path: str, line: str
) -> None:
    outcome = scan(tmp_path, {path: f"{line}\n"})
    finding = next(f for f in outcome.findings if f.rule_id == rule_id)
    assert finding.severity is Severity.LOW and "test file" in finding.message
    outside = scan(tmp_path, {"app/conf.py": f"{line}\n"})
    assert next(f for f in outside.findings if f.rule_id == rule_id).severity.rank >= 2


def test_provider_key_in_test_file_keeps_its_severity(tmp_path: Path) -> None:
    outcome = scan(tmp_path, {"tests/test_deploy.py": f'KEY = "{AWS_ID}"\n'})
    (finding,) = outcome.findings
    assert finding.severity is Severity.CRITICAL


def test_long_line_is_skipped_with_a_note(tmp_path: Path) -> None:
    minified = "var a=1;" * (MAX_LINE // 8 + 10) + f'var k="{AWS_ID}";'
    outcome = scan(tmp_path, {"static/app.min.js": f"x = 1\n{minified}\n"})
    assert hits(outcome) == {("secrets-line-not-scanned", 2)}
    assert AWS_ID not in outcome.findings[0].message


def test_new_env_file_is_reported_but_templates_pass(tmp_path: Path) -> None:
    outcome = scan(
        tmp_path,
        {"service/.env": "DEBUG=1\n", "service/.env.example": "DEBUG=1\n"},
        kind=ChangeKind.ADDED,
        added=((1, 1),),
    )
    assert hits(outcome) == {("secret-committed-env-file", 1)}
    assert outcome.findings[0].path == "service/.env"


def test_modified_env_file_gets_no_file_level_finding(tmp_path: Path) -> None:
    outcome = scan(tmp_path, {".env": "DEBUG=1\n"}, kind=ChangeKind.MODIFIED, added=((1, 1),))
    assert hits(outcome) == set()


def test_binary_key_store_is_reported(tmp_path: Path) -> None:
    outcome = scan(
        tmp_path,
        {"certs/server.p12": b"\x30\x82\x0a\x01\x02\x03\x00\xff"},
        kind=ChangeKind.ADDED,
        binary=True,
    )
    assert hits(outcome) == {("secret-committed-key-file", 1)}
    assert outcome.files == ()


def test_disabled_pack_reports_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(f'KEY = "{AWS_ID}"\n', encoding="utf-8")
    target = ScanTarget(file=ChangedFile(path="a.py", kind=ChangeKind.WHOLE), language="python")
    empty = load_catalog(["security"])
    assert not SecretsScanner().accepts(target, empty)
    request = ScanRequest(root=tmp_path, targets=(target,), catalog=empty, timeout=60)
    assert SecretsScanner().scan(request).findings == ()


def test_every_text_file_is_accepted(tmp_path: Path) -> None:
    for path in ("a.py", "notes.txt", "Dockerfile", "x.unknownext", ".env"):
        target = ScanTarget(
            file=ChangedFile(path=path, kind=ChangeKind.WHOLE), language=detect_language(path)
        )
        assert SecretsScanner().accepts(target, catalog())


def test_unreadable_file_is_unanalysed_not_passed(tmp_path: Path) -> None:
    target = ScanTarget(file=ChangedFile(path="gone.py", kind=ChangeKind.WHOLE), language="python")
    request = ScanRequest(root=tmp_path, targets=(target,), catalog=catalog(), timeout=60)
    outcome = SecretsScanner().scan(request)
    assert outcome.files == ()
    assert dict(outcome.unanalysed)["gone.py"].startswith("secrets: cannot be read")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("tests/test_x.py", True),
        ("pkg/x_test.go", True),
        ("src/FooTest.java", True),
        ("web/a.test.js", True),
        ("conftest.py", True),
        ("app/latest.py", False),
        ("app/contest.py", False),
    ],
)
def test_is_test_path(path: str, expected: bool) -> None:
    assert is_test_path(path) is expected


@pytest.mark.parametrize(
    ("path", "line"),
    [
        # a processor's sandbox cards in an integration test (repeated-digit shape)
        ("tests/integration/test_refunds.py", 'card = {"number": "4000111111111115"}'),
        ("test/integration/verification_spec.js", 'number: "4229989800000003",'),
        # the SDK's published test-card constants module, shipped for its users' tests
        ("src/main/java/com/acme/pay/test/CreditCardNumbers.java", 'HIPER("6062820524845321"),'),
        ("lib/acmepay/test_values/credit_card_numbers.js", 'Debit: "4117101010101010",'),
    ],
)
def test_processor_sandbox_card_in_tests_or_test_card_module_is_low(
    tmp_path: Path, path: str, line: str
) -> None:
    (finding,) = scan(tmp_path, {path: line + "\n"}).findings
    assert finding.rule_id == "pci-pan-literal"
    assert finding.severity is Severity.LOW and "test card" in finding.message


@pytest.mark.parametrize(
    ("path", "line"),
    [
        # the same sandbox-shaped number in application code is still cardholder data
        ("app/billing.py", 'card = "4000111111111115"'),
        # a card-named module outside any test directory is application code
        ("lib/acmepay/credit_card_numbers.js", 'Hiper: "6062820524845321",'),
        # a random-looking Luhn-valid number in a test file is not a sandbox shape
        ("tests/integration/test_refunds.py", 'card = {"number": "6062820524845321"}'),
    ],
)
def test_card_number_outside_the_sandbox_evidence_stays_critical(
    tmp_path: Path, path: str, line: str
) -> None:
    (finding,) = scan(tmp_path, {path: line + "\n"}).findings
    assert (finding.rule_id, finding.severity) == ("pci-pan-literal", Severity.CRITICAL)


def test_numeric_password_for_a_real_user_is_still_a_url_password(tmp_path: Path) -> None:
    outcome = scan(tmp_path, {"settings.py": 'DSN = "postgres://billing:90817@db.internal/app"\n'})
    assert hits(outcome) == {("secret-url-password", 1)}
