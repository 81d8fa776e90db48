"""Risk-tier configuration: the defaults of `risk:` and `routing:` in `.gate.yml`, and
their validation (one-line errors naming file:line and key). Documented in docs/risk.md;
`gate.decision.tier` computes tiers from it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from gate.decision.routing_schema import check_keys, check_rules, routing_fields
from gate.policy.schema import Bool, Int, ListOf, MapOf, Spec, Str, Struct, Where
from gate.policy.yamlio import LineDict

TIERS = (0, 1, 2, 3)
TOP_TIER = 3
DEFAULT_NAMES = ("routine", "elevated", "sensitive", "critical")

# fmt: off
# Editing any of these changes how the gate judges PRs: always the top tier (not tunable;
# `risk.gate_files` can only add to the list).
BUILTIN_GATE_FILES = (
    ".github/workflows/", ".gitlab-ci.yml", "action.yml", "action.yaml", ".gate.yml",
    ".gate.yaml", "policies/", "*waiver*", "CODEOWNERS", ".pre-commit-config.yaml",
    ".pre-commit-hooks.yaml",
)

DEFAULT_DEPENDENCY_FILES = (
    "requirements*.txt", "requirements/*.txt", "constraints*.txt", "pyproject.toml", "setup.py",
    "setup.cfg", "Pipfile", "Pipfile.lock", "poetry.lock", "uv.lock", "package.json",
    "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "go.mod",
    "go.sum", "pom.xml", "build.gradle", "build.gradle.kts", "gradle.lockfile", "Gemfile",
    "Gemfile.lock", "Cargo.toml", "Cargo.lock", "composer.json", "composer.lock", "*.csproj",
    "packages.lock.json", "settings.gradle", "settings.gradle.kts", "libs.versions.toml",
    "bun.lockb", "Directory.Packages.props",
)

# Globs use gate.globs (a bare name matches at any depth; a trailing "/" means the
# directory and everything in it) and are matched case-insensitively. A file in a tier-0
# area (docs, tests) counts only there, even under payments/.
DEFAULT_AREAS: dict[str, dict[str, Any]] = {
    "payments": {"tier": 3, "paths": (
        "*payment*/", "*payment*.*", "billing/", "*billing*.*", "checkout/", "*checkout*.*",
        "cde/", "card/", "cards/", "cardholder*", "pay/", "stripe*", "braintree*", "adyen*",
    )},
    "keys": {"tier": 3, "paths": (
        "*.pem", "*.key", "*.p12", "*.pfx", "*.jks", "*.keystore", "id_rsa*", ".env",
    )},
    "audit": {"tier": 3, "paths": ("audit*/", "audit*.*", "*_audit*", "*auditlog*")},
    "auth": {"tier": 2, "paths": (
        "auth/", "auth.*", "auth_*", "*_auth.*", "authn*", "authz*", "authenticat*",
        "authoriz*", "oauth*", "login*", "logout*", "session*", "sso/", "saml*", "oidc*",
        "permission*", "rbac/", "mfa/", "password*",
    )},
    "crypto": {"tier": 2, "paths": (
        "crypto*", "*crypt*", "kms/", "tls/", "ssl/", "*signing*", "hsm/",
    )},
    "pii": {"tier": 2, "paths": (
        "pii/", "*customer*", "*profile*", "*personal*", "kyc/", "gdpr/",
    )},
    "migrations": {"tier": 2, "paths": (
        "migrations/", "migrate/", "alembic/", "flyway/", "liquibase/", "*.sql", "schema.rb",
    )},
    "infrastructure": {"tier": 2, "paths": (
        "*.tf", "*.tfvars", "*.hcl", "terraform/", "infra/", "infrastructure/", "k8s/",
        "kubernetes/", "helm/", "charts/", "Dockerfile*", "*.dockerfile", "docker-compose*",
        "compose.y*ml", "cloudformation/", "ansible/", "pulumi/", "serverless.y*ml", "nginx*",
    )},
    "security_config": {"tier": 2, "paths": (
        "settings.py", "settings/", "*security*", "*cors*", "csp*", "web.config", ".htaccess",
        "application*.properties", "application*.y*ml", "appsettings*.json",
    )},
    "docs": {"tier": 0, "paths": (
        "docs/", "doc/", "*.md", "*.rst", "*.adoc", "LICENSE*", "NOTICE*", "AUTHORS*",
        "mkdocs.yml",
    )},
    "tests": {"tier": 0, "paths": (
        "tests/", "test/", "__tests__/", "spec/", "testdata/", "test_*.py", "*_test.py",
        "*_test.go", "*.test.*", "*.spec.*", "*Test.java", "*Tests.java", "conftest.py",
    )},
}

# Regexes on added lines of code files (not docs/tests): auth, crypto and security
# configuration touched outside the paths above.
DEFAULT_CONTENT: dict[str, dict[str, Any]] = {
    "crypto": {"tier": 2, "patterns": (
        # not hashlib itself: a sha256 of an order id is a lookup key, not cryptography
        r"\b(?:hmac|bcrypt|argon2|scrypt|pbkdf2|pbkdf2_hmac|jwt|jose)\b",
        r"\b(?:cryptography|Crypto\.Cipher|javax\.crypto|crypto/(?:aes|rsa|tls))\b",
        r"\bssl\.(?:SSLContext|create_default_context|CERT_NONE|PROTOCOL_\w+)",
    )},
    "auth": {"tier": 2, "patterns": (
        r"\b(?:login_required|permission_required|permission_classes|AllowAny)\b",
        r"\b(?:IsAuthenticated|authenticate|authorize|PreAuthorize|Secured)\b",
        r"\b(?:set_password|check_password|session\[)",
    )},
    "security_config": {"tier": 2, "patterns": (
        r"\b(?:DEBUG|ALLOWED_HOSTS|SECRET_KEY)\s*[:=]",
        r"\b(?:CORS_\w+|CSRF_\w+|SECURE_\w+|SESSION_COOKIE_\w+|CSP_\w+)\s*[:=]",
        r"\bverify\s*=\s*False\b|rejectUnauthorized\s*:\s*false",
    )},
}
# fmt: on

DEFAULT_SEVERITY_TIERS = {"critical": 3, "high": 2, "medium": 1, "low": 1, "info": 0}
DEFAULT_DATA_CLASS_TIERS = {"PAN": 3, "SAD": 3, "CHD": 3, "CRED": 2, "PII": 2}
DATA_CLASSES = tuple(DEFAULT_DATA_CLASS_TIERS)

DEFAULT_REVIEW = (
    "Needs only a normal architecture/business-logic review: 1 peer who is not the author.",
    "Needs 1 approval from the area's code owner; tests should be updated.",
    "Needs 2 approvals including a code owner or security champion, a risk note in the "
    "PR description, and no self-merge.",
    "Needs a senior security reviewer plus a release approver who is neither the author "
    "nor that reviewer (PCI DSS 6.2.3.1); waivers need a security approver and an expiry.",
)

_LABEL_SAFE = re.compile(r"[a-z0-9][a-z0-9_.-]*\Z")
_REVIEWER = re.compile(r"@?[A-Za-z0-9](?:[A-Za-z0-9-]*)(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)?\Z")


# --- validation ------------------------------------------------------------------------


class TierSpec(Spec):
    """A tier number 0-3."""

    def __init__(self, default: int) -> None:
        self.default = default

    def check(self, value: Any, where: Where) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or value not in TIERS:
            raise where.fail(f"expected a tier 0-3, got {value!r}")
        return value


class Regex(Spec):
    def check(self, value: Any, where: Where) -> Any:
        text = Str().check(value, where)
        try:
            re.compile(text)
        except re.error as exc:
            raise where.fail(f"invalid regular expression {text!r}: {exc}") from None
        return text


class Reviewer(Spec):
    """A GitHub user login or an "org/team" (a leading @ is accepted and dropped)."""

    def check(self, value: Any, where: Where) -> Any:
        text = Str().check(value, where).strip()
        if not _REVIEWER.match(text):
            raise where.fail(f"'{text}' is not a user login or an org/team name")
        return text.lstrip("@")


def _keys(specs: Mapping[str, int]) -> Struct:
    return Struct({key: TierSpec(tier) for key, tier in specs.items()})


RISK_SCHEMA = Struct(
    {
        "names": ListOf(Str(), default=DEFAULT_NAMES),
        "areas": MapOf(Struct({"paths": ListOf(Str()), "tier": TierSpec(1)})),
        "gate_files": ListOf(Str()),
        "dependency_files": ListOf(Str(), default=DEFAULT_DEPENDENCY_FILES),
        "dependency_tier": TierSpec(2),
        "large_change_lines": Int(400, minimum=1),
        "large_change_tier": TierSpec(2),
        "code_tier": TierSpec(1),
        # a built-in area glob (a name guess) alone raises the tier at most this far
        "name_guess_max_tier": TierSpec(2),
        "waiver_tier": TierSpec(3),
        "severity_tiers": _keys(DEFAULT_SEVERITY_TIERS),
        "data_class_tiers": _keys(DEFAULT_DATA_CLASS_TIERS),
        "classify_identifiers": Bool(True),
        "content": MapOf(Struct({"patterns": ListOf(Regex()), "tier": TierSpec(2)})),
        "authz": Struct(
            {"added_tier": TierSpec(2), "removed_tier": TierSpec(3), "definition_tier": TierSpec(3)}
        ),
    }
)

ROUTE = Struct(
    {
        "reviewers": ListOf(Reviewer()),
        "labels": ListOf(Str()),
        "blocking": Bool(False),
        "note": Str(""),
    }
)


ROUTING_SCHEMA = Struct(
    {**{f"tier-{tier}": ROUTE for tier in TIERS}, **routing_fields(TierSpec, Reviewer)}
)


def _where(raw: Any, source: str, key: str, line: int) -> Where:
    return Where(source, line or (raw.line if isinstance(raw, LineDict) else 0), key)


def validate_risk(raw: Any, source: str, line: int = 0) -> dict[str, Any]:
    """The `risk:` section with every default filled in; `ConfigError` names file:line:key.

    Areas and content checks merge by name with the defaults: a team may retune one
    area's `tier` or `paths` and keep the rest; `paths: []` switches an area off.
    """
    where = _where(raw, source, "risk", line)
    checked: dict[str, Any] = RISK_SCHEMA.check(raw or None, where)
    names = tuple(checked["names"])
    if len(names) != len(TIERS):
        raise where.child("names", _line(raw, "names")).fail(
            f"expected {len(TIERS)} names (tiers 0-3), got {len(names)}"
        )
    for name in names:
        if not _LABEL_SAFE.match(name):
            raise where.child("names", _line(raw, "names")).fail(
                f"'{name}' must be lowercase letters, digits, '-', '_' or '.' (it goes in labels)"
            )
    if len(set(names)) != len(names):
        raise where.child("names", _line(raw, "names")).fail("names must be different")
    given = raw if isinstance(raw, dict) else {}
    checked["areas"] = _merge(DEFAULT_AREAS, checked["areas"], given.get("areas"))
    # Areas the repository set itself are authoritative; the built-in ones are name guesses.
    configured = given.get("areas")
    checked["configured_areas"] = tuple(configured) if isinstance(configured, dict) else ()
    checked["content"] = _merge(DEFAULT_CONTENT, checked["content"], given.get("content"))
    return checked


def validate_routing(
    raw: Any, source: str, risk: Mapping[str, Any], line: int = 0
) -> dict[str, Any]:
    """The `routing:` section: per tier reviewers, labels, blocking and an extra note.

    Labels default to `gate:tier-N-NAME`; blocking defaults to true for the top tier only.
    """
    where = _where(raw, source, "routing", line)
    check_keys(raw, where, ROUTING_SCHEMA.fields)
    checked: dict[str, Any] = ROUTING_SCHEMA.check(raw or None, where)
    given = raw if isinstance(raw, dict) else {}
    names = risk["names"]
    for tier in TIERS:
        key = f"tier-{tier}"
        route = dict(checked[key])
        stated = given.get(key)
        stated = stated if isinstance(stated, dict) else {}
        if "labels" not in stated:
            route["labels"] = (default_label(tier, names[tier]),)
        if "blocking" not in stated:
            route["blocking"] = tier == TOP_TIER
        checked[key] = route
    check_rules(checked, raw, source, line, is_person=_REVIEWER.match, data_classes=DATA_CLASSES)
    return checked


def default_label(tier: int, name: str) -> str:
    return f"gate:tier-{tier}-{name}"


def _line(raw: Any, key: str) -> int:
    return raw.line_of(key) if isinstance(raw, LineDict) else 0


def _merge(
    defaults: Mapping[str, Mapping[str, Any]], checked: Mapping[str, Any], given: Any
) -> dict[str, Any]:
    merged = {name: dict(values) for name, values in defaults.items()}
    for name, values in checked.items():
        stated = given.get(name) if isinstance(given, dict) else None
        keys = stated.keys() if isinstance(stated, dict) else values.keys()
        base = merged.get(name, {})
        merged[name] = {**values, **base, **{k: values[k] for k in keys}}
    return merged
