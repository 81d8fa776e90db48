"""Secret and card-data detectors, and `redact()` which masks what they find.

One set of detectors serves two callers:

- `redact(text)` masks every secret-looking value in any text gate prints or posts (the
  pipeline runs it over every snippet of every finding from every scanner). It is eager:
  any non-placeholder literal assigned to a password/secret/token-named variable is
  masked, so `password = "hunter2hunter2"` from a bandit B105 snippet never leaks.
- `find_secrets(line, strict=True)` is the secrets scanner (gate/scanning/secrets.py). It
  adds precision checks: entropy for generic assignments, documentation placeholders
  (`...EXAMPLE`), unquoted values only in configuration languages.

Each detector carries the id of its native rule in policies/secrets/native.yml. Every
pattern is linear-time: bounded repetitions over character classes whose neighbours are
disjoint, no nested quantifiers. Lines longer than `MAX_LINE` are not inspected; `redact`
replaces them with a marker rather than risk leaking.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from gate.scanning.values import (
    MASK,
    is_card_number,
    is_credential_name,
    is_placeholder,
    looks_like_secret_value,
    luhn_valid,
    mask_pan,
    mask_value,
    shannon_entropy,
)

MAX_LINE = 4000
LONG_LINE_MARK = "[REDACTED: line of {n} characters not inspected]"

# Languages where `NAME=value` without quotes is a literal, not a variable reference.
CONFIG_LANGUAGES = frozenset(
    {"dotenv", "yaml", "ini", "toml", "properties", "text", "unknown", "dockerfile", "bash"}
)


@dataclass(frozen=True, slots=True, kw_only=True)
class SecretMatch:
    """One detected value in one line; `value` is the secret itself: never print it."""

    rule_id: str
    start: int  # 0-based span of the value within the line
    end: int
    value: str = field(repr=False)
    masked: str


Validator = Callable[[re.Match[str], bool, str], bool]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Detector:
    rule_id: str
    pattern: re.Pattern[str]
    validate: Validator | None = None
    mask: Callable[[str], str] | None = None


_QUOTED_ASSIGNMENT = re.compile(
    r"""(?<![A-Za-z0-9_.-])(?P<name>[A-Za-z_][A-Za-z0-9_.-]{0,79})["'\]]?"""
    r"""(?:\s{0,3}:\s{0,3}[A-Za-z_][\w.]{0,30})?"""  # type annotation: `token: str = "..."`
    r"""\s{0,5}(?::=|=>|===|!==|==|!=|=|:)\s{0,5}[bru]{0,2}"""
    r"""(?P<q>["'`])(?P<secret>[^"'`\s\\]{1,500})(?P=q)"""
)
_CONFIG_ASSIGNMENT = re.compile(
    r"""^\s{0,40}(?:export\s{1,5})?(?P<name>[A-Za-z_][A-Za-z0-9_.-]{0,79})\s{0,5}[=:]\s{0,5}"""
    r"""(?P<secret>[^\s"'`#;,]{1,500})\s{0,40}$"""
)
_REFERENCE = re.compile(r"^(?:[A-Za-z_]\w*\.)+[A-Za-z_]\w*$|.*[()\[\]]|^[!&*|>$%{<@]")


# Test-mode and publishable payment keys, paths and URLs are not credentials to report.
_NOT_SECRET_PREFIXES = (
    "/",
    "http://",
    "https://",
    "file:",
    "sk_test_",
    "rk_test_",
    "pk_test_",
    "pk_live_",
)


def _generic_ok(match: re.Match[str], strict: bool, language: str) -> bool:
    value, name = match.group("secret"), match.group("name")
    if not is_credential_name(name) or is_placeholder(value, name):
        return False
    # Reporting judges the value; redaction masks anything that could be one.
    if strict and not looks_like_secret_value(value, name):
        return False
    if "q" not in match.groupdict():  # unquoted configuration value
        if _REFERENCE.match(value) or (strict and language not in CONFIG_LANGUAGES):
            return False
    if not strict:
        return len(value) >= 4
    if value.startswith(_NOT_SECRET_PREFIXES) or len(value) < 8:
        return False
    return shannon_entropy(value) >= 3.0 and len(set(value)) >= 6


def _not_documentation_key(match: re.Match[str], strict: bool, language: str) -> bool:
    """AWS documents keys ending in EXAMPLE: not reported, but still masked by redact()."""
    return not strict or not match.group("secret").upper().endswith("EXAMPLE")


def _high_entropy(match: re.Match[str], strict: bool, language: str) -> bool:
    return not strict or shannon_entropy(match.group("secret")) >= 3.5


def _url_password_ok(match: re.Match[str], strict: bool, language: str) -> bool:
    secret = match.group("secret")
    user = match.string[match.start() : match.start("secret") - 1].split("://", 1)[-1]
    if secret.isdigit() and len(secret) <= 5 and _HOST_LIKE.match(user):
        return False  # `http://localhost:80@evil.example`: a host and port, not userinfo
    return not is_placeholder(secret, "password") and not is_placeholder(secret, "pass")


_HOST_LIKE = re.compile(r"^(?:localhost|[\w-]+(?:\.[\w-]+)+|\[[0-9a-fA-F:.]+\])$")


def _pan_ok(match: re.Match[str], strict: bool, language: str) -> bool:
    return is_card_number(re.sub(r"[ -]", "", match.group("secret")))


def _track_ok(match: re.Match[str], strict: bool, language: str) -> bool:
    return luhn_valid(match.group("pan")) and 13 <= len(match.group("pan")) <= 19


_B = r"(?<![A-Za-z0-9_])"  # start boundary that is not a word character
_E = r"(?![A-Za-z0-9_])"

# Priority order: on overlapping spans the earlier detector wins.
_DETECTORS: tuple[_Detector, ...] = (
    _Detector(
        rule_id="pci-track-data-literal",
        pattern=re.compile(r"%?B(?P<secret>(?P<pan>\d{13,19})\^[^^\n]{2,26}\^\d{7,60})"),
        validate=_track_ok,
        mask=lambda value: MASK,
    ),
    _Detector(
        rule_id="pci-track-data-literal",
        pattern=re.compile(r"(?<![\w=])(?P<secret>(?P<pan>\d{13,19})=\d{7,40})(?!\d)"),
        validate=_track_ok,
        mask=lambda value: MASK,
    ),
    _Detector(
        rule_id="secret-gcp-service-account-key",
        pattern=re.compile(r'"private_key"\s{0,5}:\s{0,5}"(?P<secret>-----BEGIN[^"]{0,8000})'),
        mask=lambda value: MASK,
    ),
    _Detector(
        rule_id="secret-private-key",
        pattern=re.compile(
            r"-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY(?: BLOCK)?-----"
            r"(?P<secret>[^\"'`]{0,8000})"
        ),
        mask=lambda value: MASK if value.strip() else value,
    ),
    _Detector(
        rule_id="secret-aws-access-key",
        pattern=re.compile(
            _B
            + r"(?P<secret>(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16})"
            + _E
        ),
        validate=_not_documentation_key,
    ),
    _Detector(
        rule_id="secret-aws-secret-key",
        pattern=re.compile(
            r"(?i)(?:aws[_.-]?secret[_.-]?(?:access[_.-]?)?key|secret[_.-]?access[_.-]?key)"
            r"""["']?\s{0,5}(?::=|=>|=|:)\s{0,5}["']?(?P<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"""
        ),
        validate=_high_entropy,
    ),
    _Detector(
        rule_id="secret-azure-storage-key",
        pattern=re.compile(
            r"(?i)(?:AccountKey=|azure[\w.-]{0,30}(?:key|secret)[\"']?\s{0,5}[:=]\s{0,5}[\"']?)"
            r"(?P<secret>[A-Za-z0-9+/]{86}==)"
        ),
    ),
    _Detector(
        rule_id="secret-github-token",
        pattern=re.compile(
            _B
            + r"(?P<secret>(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,240}))"
            + _E
        ),
    ),
    _Detector(
        rule_id="secret-gitlab-token",
        pattern=re.compile(_B + r"(?P<secret>glpat-[A-Za-z0-9_-]{20,64})(?![A-Za-z0-9_-])"),
    ),
    _Detector(
        rule_id="secret-slack-token",
        pattern=re.compile(
            _B + r"(?P<secret>xox[abposre]-[A-Za-z0-9-]{10,250}"
            r"|hooks\.slack\.com/services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/[A-Za-z0-9]{20,32})"
        ),
    ),
    _Detector(
        rule_id="secret-stripe-live-key",
        pattern=re.compile(_B + r"(?P<secret>(?:sk|rk)_live_[A-Za-z0-9]{20,247})" + _E),
    ),
    _Detector(
        rule_id="secret-payment-provider-key",
        pattern=re.compile(
            _B + r"(?P<secret>sq0csp-[A-Za-z0-9_-]{43}|sq0atp-[A-Za-z0-9_-]{22}"
            r"|access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32}"
            r"|rzp_live_[A-Za-z0-9]{14,40})" + r"(?![A-Za-z0-9_-])"
        ),
    ),
    _Detector(
        rule_id="secret-jwt",
        pattern=re.compile(
            _B + r"(?P<secret>eyJ[A-Za-z0-9_-]{8,4000}\.eyJ[A-Za-z0-9_-]{8,4000}"
            r"\.[A-Za-z0-9_-]{0,4000})"
        ),
    ),
    _Detector(
        rule_id="secret-url-password",
        pattern=re.compile(
            r"\b[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s:/@'\"`<>]{0,100}:"
            r"(?P<secret>[^\s/@'\"`<>]{1,200})@[A-Za-z0-9\[]"
        ),
        validate=_url_password_ok,
    ),
    _Detector(
        rule_id="pci-pan-literal",
        pattern=re.compile(r"(?<![\w.+-])(?P<secret>\d(?:[ -]?\d){12,18})(?!\w|\.\d)"),
        validate=_pan_ok,
        mask=mask_pan,
    ),
    _Detector(
        rule_id="secret-generic-credential", pattern=_QUOTED_ASSIGNMENT, validate=_generic_ok
    ),
    _Detector(
        rule_id="secret-generic-credential", pattern=_CONFIG_ASSIGNMENT, validate=_generic_ok
    ),
)

SECRET_RULE_IDS = tuple(dict.fromkeys(d.rule_id for d in _DETECTORS))


def find_secrets(line: str, *, strict: bool, language: str = "unknown") -> tuple[SecretMatch, ...]:
    """Secrets in one line, left to right, without overlaps; empty for lines over MAX_LINE."""
    if len(line) > MAX_LINE:
        return ()
    claimed: list[tuple[int, int]] = []
    found: list[SecretMatch] = []
    for detector in _DETECTORS:
        for match in detector.pattern.finditer(line):
            start, end = match.span("secret")
            if any(start < b and a < max(end, start + 1) for a, b in claimed):
                continue
            if detector.validate and not detector.validate(match, strict, language):
                continue
            value = match.group("secret")
            claimed.append((start, max(end, start + 1)))
            masker = detector.mask or mask_value
            found.append(
                SecretMatch(
                    rule_id=detector.rule_id,
                    start=start,
                    end=end,
                    value=value,
                    masked=masker(value),
                )
            )
    return tuple(sorted(found, key=lambda m: m.start))


_PEM_BLOCK = re.compile(
    r"(-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY(?: BLOCK)?-----)(.*?)"
    r"(?=-----END |\Z)",
    re.DOTALL,
)


def _mask_pem_body(match: re.Match[str]) -> str:
    body = match.group(2)
    if not body.replace("\\n", "").strip():
        return match.group(0)
    lead = "\n" if body.startswith("\n") else ""
    tail = "\n" if body.endswith("\n") else ""
    return f"{match.group(1)}{lead}{MASK}{tail}"


def redact_line(line: str) -> str:
    if len(line) > MAX_LINE:
        return LONG_LINE_MARK.format(n=len(line))
    result = line
    for found in sorted(find_secrets(line, strict=False), key=lambda m: m.start, reverse=True):
        result = result[: found.start] + found.masked + result[found.end :]
    return result


def redact(text: str) -> str:
    """Return `text` with every secret-looking value replaced by a mask.

    Private-key bodies are removed first (they span lines); then each line is checked
    with every detector. Lines longer than MAX_LINE are replaced by a marker.
    """
    if not text:
        return text
    text = _PEM_BLOCK.sub(_mask_pem_body, text)
    return "".join(redact_line(line) + end for line, end in _split_keep_ends(text))


def _split_keep_ends(text: str) -> list[tuple[str, str]]:
    parts = []
    for raw in text.splitlines(keepends=True):
        stripped = raw.rstrip("\r\n")
        parts.append((stripped, raw[len(stripped) :]))
    return parts
