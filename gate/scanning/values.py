"""Values and names: what looks like a card number, a placeholder, a credential name.

Pure functions over one string each, shared by the detectors (`gate.scanning.redact`), the
secrets scanner and the classification of identifiers: Luhn and card prefixes (COMPLIANCE.md
section 2), Shannon entropy, documentation placeholders, credential-name words, and the
masks that keep at most four characters of a value on each side.
"""

from __future__ import annotations

import math
import re
from collections import Counter

MASK = "[REDACTED]"

TEST_PANS = frozenset(
    """
    4111111111111111 4242424242424242 4012888888881881 4000056655665556 4000000000000002
    4000000000000077 4000000000009995 4222222222222 5555555555554444 5105105105105100
    5200828282828210 2223003122003222 378282246310005 371449635398431 378734493671000
    6011111111111117 6011000990139424 3056930009020004 30569309025904 38520000023237
    36227206271667 3566002020360505 3530111333300000 6200000000000005
    """.split()
)


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
    """A documentation stand-in: a placeholder word or shape, the name itself, or a
    description written in place of the value (non-ASCII text such as "商户API证书私钥":
    keys, tokens and passwords in code are printable ASCII)."""
    lowered = value.strip().lower()
    if lowered in _PLACEHOLDER_WORDS or _PLACEHOLDER.match(value.strip()):
        return True
    if not value.isascii():
        return True
    return bool(name) and lowered == name.strip().lower().replace("-", "_")


# Literals that name something rather than hold a secret: a slug of lower-case words
# (enum and choice values, event names: "password_reset"), an environment-variable or
# settings-key name ("PAYMENTS_API_KEY"), a dotted module/class path
# ("shop.auth.backends.TokenBackend") and an HTTP header name ("X-Auth-Token").
_SLUG = re.compile(r"^[a-z]+(?:[_\-.:][a-z]+)*$")
_CONFIG_KEY = re.compile(r"^[A-Z][A-Z0-9]*(?:[_.][A-Z0-9]+)+$")
_DOTTED_PATH = re.compile(r"^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*\.[A-Za-z_][A-Za-z0-9_]*$")
_HEADER_NAME = re.compile(r"^[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)+$")
_ENUM_WORD = re.compile(r"^[a-z]{1,12}$")  # "header", "body", "default": a mode, not a secret
_CAMEL = re.compile(r"^[a-z]+(?:[A-Z][a-z0-9]*)+$")  # a property name: "thirdPartyTokenInfo"
_CODE = re.compile(r"^[)(.,;]|\)\.|\($")  # code after a label: '").append(' ...
_SHORT_NUMBER = re.compile(r"^\d{1,8}$")  # an error or status code
_URN = re.compile(r"^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$", re.IGNORECASE)  # RFC 8141


def is_name_like_literal(value: str, name: str = "") -> bool:
    """A literal that is a slug of its own name, a key name, a dotted path or a header
    name, not a secret: also a single lower-case word ("header", "default": a mode), a
    property name re-cased from its own name ("externalToken"), a short number (an error
    code) and code after a label. Lower-case words are a slug when they share a word with the name
    they are assigned to (`PASSWORD_RESET = "password_reset"`, `TOKEN = "token"`); a
    passphrase unrelated to its name (`DB_PASSWORD = "correct-horse-battery"`) is not."""
    text = value.strip()
    if _CONFIG_KEY.match(text) or _DOTTED_PATH.match(text) or _HEADER_NAME.match(text):
        return True
    if _URN.match(text):  # a token-type or grant-type URN names a kind of token
        return True
    if _ENUM_WORD.match(text) or _CODE.search(text) or _SHORT_NUMBER.match(text):
        return True
    if _CAMEL.match(text):
        return bool({w.lower() for w in _NAME_WORD.findall(text)} & set(_name_words(name)))
    text = text.strip("_")  # a private key name: "_oidc_id_token_context"
    if not _SLUG.match(text):
        return False
    words = set(re.split(r"[_\-.:]", text))
    return bool(words & set(_name_words(name)))


def looks_like_secret_value(value: str, name: str = "") -> bool:
    """Could this literal be a real credential? Not a placeholder and not name-like."""
    return not is_placeholder(value, name) and not is_name_like_literal(value, name)


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
