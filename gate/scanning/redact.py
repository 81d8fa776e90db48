"""Secret and card-data detectors, and `redact()` which masks what they find.

One set of detectors serves two callers:

- `redact(text)` masks every secret-looking value in any text gate prints or posts (the
  pipeline runs it over every snippet of every finding from every scanner). It is eager:
  any non-placeholder literal assigned to a password/secret/token-named variable is
  masked, so `password = "hunter2hunter2"` from a bandit B105 snippet never leaks.
- `find_secrets(line, strict=True)` is the secrets scanner (gate/scanners/secrets.py). It
  adds precision checks: entropy for generic assignments, documentation placeholders
  (`...EXAMPLE`), unquoted values only in configuration languages.

Each detector carries the id of its native rule in policies/secrets/native.yml. Every
pattern is linear-time: bounded repetitions over character classes whose neighbours are
disjoint, no nested quantifiers. Lines longer than `MAX_LINE` are not inspected; `redact`
replaces them with a marker rather than risk leaking.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_LINE = 4000
MASK = "[REDACTED]"
LONG_LINE_MARK = "[REDACTED: line of {n} characters not inspected]"

# Languages where `NAME=value` without quotes is a literal, not a variable reference.
CONFIG_LANGUAGES = frozenset(
    {"dotenv", "yaml", "ini", "toml", "properties", "text", "unknown", "dockerfile", "bash"}
)

TEST_PANS = frozenset(
    """
    4111111111111111 4242424242424242 4012888888881881 4000056655665556 4000000000000002
    4000000000000077 4000000000009995 4222222222222 5555555555554444 5105105105105100
    5200828282828210 2223003122003222 378282246310005 371449635398431 378734493671000
    6011111111111117 6011000990139424 3056930009020004 30569309025904 38520000023237
    36227206271667 3566002020360505 3530111333300000 6200000000000005
    """.split()
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


def mask_value(value: str) -> str:
    """`AKIA************MPLE`: at most 4 characters kept on each side, only for long values."""
    if len(value) >= 20:
        return value[:4] + "*" * min(len(value) - 8, 16) + value[-4:]
    return MASK


def mask_pan(value: str) -> str:
    """Every digit but the last four replaced; separators kept (PCI 3.4.1 display form)."""
    digits = sum(c.isdigit() for c in value)
    seen = 0
    out = []
    for char in value:
        if char.isdigit():
            seen += 1
            out.append(char if seen > digits - 4 else "*")
        else:
            out.append(char)
    return "".join(out)


def shannon_entropy(value: str) -> float:
    if not value:
        return 0.0
    counts = Counter(value)
    total = len(value)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        number = int(char)
        if index % 2 == 1:
            number *= 2
            if number > 9:
                number -= 9
        total += number
    return total % 10 == 0


def card_brand_prefix(digits: str) -> bool:
    """IIN ranges from COMPLIANCE.md section 2 with each brand's card lengths."""
    length = len(digits)
    two, three, four = int(digits[:2]), int(digits[:3]), int(digits[:4])
    return (
        (digits[0] == "4" and length in (13, 16, 19))
        or ((51 <= two <= 55 or 2221 <= four <= 2720) and length == 16)
        or (two in (34, 37) and length == 15)
        or ((four == 6011 or 644 <= three <= 649 or two == 65) and 16 <= length <= 19)
        or (3528 <= four <= 3589 and 16 <= length <= 19)
        or ((300 <= three <= 305 or two in (36, 38, 39)) and 14 <= length <= 19)
        or (two == 62 and 16 <= length <= 19)
        or ((two == 50 or 56 <= two <= 69) and 12 <= length <= 19)
    )


def is_card_number(digits: str) -> bool:
    if not 13 <= len(digits) <= 19 or not luhn_valid(digits):
        return False
    if digits in TEST_PANS:
        return True
    return len(set(digits)) > 2 and card_brand_prefix(digits)


_PLACEHOLDER_WORDS = frozenset(
    """
    changeme change_me change-me changeit password passwd secret token todo tbd fixme none
    null nil true false undefined example sample dummy test testing redacted placeholder
    default empty required optional string str mask masked hidden notasecret not-a-secret
    """.split()
)
_PLACEHOLDER = re.compile(
    r"""^(?:
        [xX*.#_\-]+                                # xxxx, ****, ....
      | \$\{[^}]{0,100}\}? | \$[A-Za-z_]\w{0,100} # ${VAR}, $VAR
      | \{\{[^}]{0,100}\}\}? | \{[A-Za-z_][\w.]{0,100}\}  # {{ var }}, {name}
      | <[^>]{0,100}>?                           # <token>
      | %\([A-Za-z_]\w{0,100}\)s | %s | %[dr]      # %(pw)s
      | (?:your|my|insert|enter|put|replace)[\w-]{0,60}
      | .{0,60}(?:example|placeholder|changeme|dummy|fake|redacted).{0,60}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_placeholder(value: str, name: str = "") -> bool:
    lowered = value.strip().lower()
    if lowered in _PLACEHOLDER_WORDS or _PLACEHOLDER.match(value.strip()):
        return True
    return bool(name) and lowered == name.strip().lower().replace("-", "_")


# --- generic assignment: a CRED-named key with a literal value --------------------------

_NAME_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_CRED_WORDS = frozenset(
    {"password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "credential"}
)
_CRED_PAIRS = frozenset(
    {("api", "key"), ("access", "key"), ("private", "key"), ("secret", "key"), ("auth", "key")}
)
_NOT_CRED = frozenset(
    """
    hash hashed digest policy min max length len label expires expiry type name id file path
    dir url uri endpoint header field prompt hint regex pattern format env var count limit
    ttl timeout lifetime prefix suffix param key_name manager provider store storage class
    mode method version kind reset rotation validation validator strength confirm
    confirmation placeholder error message msg
    """.split()
)


def _name_words(name: str) -> list[str]:
    return [w.lower() for w in _NAME_WORD.findall(name)]


def is_credential_name(name: str) -> bool:
    words = _name_words(name.rsplit(".", 1)[-1] if "." in name else name)
    if not words or any(w in _NOT_CRED for w in words):
        return False
    if any(w in _CRED_WORDS for w in words):
        return True
    return any(pair in _CRED_PAIRS for pair in zip(words, words[1:], strict=False))


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
    return not is_placeholder(match.group("secret"), "password") and not is_placeholder(
        match.group("secret"), "pass"
    )


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
