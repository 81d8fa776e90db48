"""Which identifiers on a line of code carry data: the evidence behind a data class.

The risk tier reads the identifiers on added lines and asks `classify_name` what data
they name. A name only counts when it is something that holds a value: a variable, a
parameter, an attribute, a dictionary key or a column. Not evidence:

- text inside a string that is not a bare key: a message ("Card PIN could not be
  verified"), a route ("/cards/:id/pin"), a file name ("0003_card_token.py");
- comments;
- type and class names (`class CardTokenResponse`, `interface CardTokenRequest`, a
  PascalCase name outside Go), function names (`def charge_card(`, a call `get_pin()`),
  imported module names;
- a constant that holds a name or a message rather than the data: an ALL_CAPS name
  assigned a literal that does not look like the data (`PASSWORD_RESET =
  "password_reset"`, `CARD_PIN_ROUTE = "/cards/:id/pin"`) and an enum member
  (`CardStatus.CARD_PIN_REQUIRED`).

Weak fragments (`pin`, `token`) count alone only when the literal assigned to them looks
like the data (`pin = "4821"`, `token = "9f8e7d6c5b4a3928..."`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gate.policy.classify import classify_name, weak_fragments
from gate.scanning.values import is_card_number, looks_like_secret_value, shannon_entropy

_STRING = re.compile(r"""(?P<q>["'`])(?P<body>(?:\\.|(?!(?P=q)).){0,2000})(?P=q)""")
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*(?:[-.][A-Za-z_$][A-Za-z0-9_$]*)*")
_COMMENT_LINE = re.compile(r"^\s*(?:#|//|/\*|\*|<!--|--\s)")
_TRAILING_COMMENT = re.compile(r"(?:\s#|//|/\*|<!--).*$")
_DECLARES_TYPE = re.compile(
    r"(?:\b(?:class|interface|type|enum|struct|record|extends|implements|new|import|from|"
    r"package|namespace|def|function|func|fun|as|module)\s+|@)$"
)
_CONSTANT = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{4,}$")
_PASCAL = re.compile(r"^[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*$|^[A-Z][a-z0-9]+$")
_LITERAL_VALUE = re.compile(r"""^\s*(?::\s*[\w.\[\]|, ]{1,40}\s*)?(?:=|:)\s*[bru]{0,2}(["'`])""")
_PIN_VALUE = re.compile(r"^\d{4,12}$")
_CVV_VALUE = re.compile(r"^\d{3,4}$")


@dataclass(frozen=True, slots=True)
class Carrier:
    """One identifier that holds data of `classes`, with what showed it."""

    name: str
    classes: frozenset[str]
    column: int
    by_value: bool = False  # counted because its literal looks like the data


def data_carriers(text: str, language: str = "") -> Iterator[Carrier]:
    """Identifiers on one line of code that carry sensitive data, in order."""
    if _COMMENT_LINE.match(text):
        return
    masked = _mask_strings(text)
    masked = _TRAILING_COMMENT.sub("", masked)
    for match in _IDENTIFIER.finditer(masked):
        name, start, end = match.group(0), match.start(), match.end()
        if _not_a_carrier(masked, name, start, end, language):
            continue
        value = _assigned_literal(text, masked, end)
        last = name.rsplit(".", 1)[-1]
        if _CONSTANT.match(last) and value is not None and not _looks_like_data(last, value):
            continue  # a constant naming a message, route, setting or enum value
        classes = classify_name(name, strict=True)
        by_value = False
        if not classes and value is not None:
            weak = weak_fragments(name)
            classes = frozenset(c for c in weak if _value_is(c, name, value))
            by_value = bool(classes)
        if classes:
            yield Carrier(name=name, classes=classes, column=start + 1, by_value=by_value)


def _mask_strings(text: str) -> str:
    """Blank out the contents of string literals (quotes kept), except bare keys in a key
    position: `["card_number"]`, `{"pin": ...}`, `.get("token")`."""
    parts: list[str] = []
    index = 0
    for match in _STRING.finditer(text):
        parts.append(text[index : match.start()])
        body = match.group("body")
        before = text[: match.start()].rstrip()[-1:]
        after = text[match.end() :].lstrip()[:1]
        quote = match.group("q")
        if _KEY.match(body) and before in ("[", "(", "{", ",", "") and after in (":", "]", ")"):
            parts.append(quote + body + quote)
        else:
            parts.append(quote + " " * (match.end() - match.start() - 2) + quote)
        index = match.end()
    parts.append(text[index:])
    return "".join(parts)


def _not_a_carrier(masked: str, name: str, start: int, end: int, language: str) -> bool:
    before = masked[:start]
    if _DECLARES_TYPE.search(before):
        return True
    after = masked[end:].lstrip()
    if after.startswith("("):
        return True  # a function or constructor called or defined
    last = name.rsplit(".", 1)[-1]
    first = name.split(".", 1)[0]
    if language != "go" and _PASCAL.match(last):
        return True  # a type name (Go's exported fields are PascalCase, so not there)
    if _CONSTANT.match(last) and "." in name and _PASCAL.match(name.split(".")[-2]):
        return True  # an enum member: CardStatus.CARD_PIN_REQUIRED
    return language != "go" and _PASCAL.match(first) is not None and last == first


def _assigned_literal(text: str, masked: str, end: int) -> str | None:
    """The string literal assigned to the identifier ending at `end`, if any."""
    match = _LITERAL_VALUE.match(masked[end:])
    if match is None:
        return None
    literal = _STRING.match(text, end + match.end() - 1)
    return literal.group("body") if literal else None


def _looks_like_data(name: str, value: str) -> bool:
    return any(_value_is(c, name, value) for c in ("PAN", "SAD", "CRED"))


def _value_is(data_class: str, name: str, value: str) -> bool:
    digits = re.sub(r"[ -]", "", value)
    if data_class == "PAN":
        return digits.isdigit() and is_card_number(digits)
    if data_class == "SAD":
        return bool(_PIN_VALUE.match(value) or _CVV_VALUE.match(value))
    if data_class == "CRED":
        return (
            len(value) >= 12
            and looks_like_secret_value(value, name)
            and shannon_entropy(value) >= 3.0
            and " " not in value
        )
    return False


_DOCSTRING = re.compile(r'"""|\'\'\'')


def documentation_lines(lines: list[str]) -> set[int]:
    """Line numbers of comment lines, docstrings (a triple-quoted string that starts its
    own line) and block comments: where an assignment is an example, not code."""
    found: set[int] = set()
    in_string = is_doc = in_block = False
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        quotes = len(_DOCSTRING.findall(line))
        opens_doc = stripped.startswith(('"""', "'''", 'r"""', "r'''"))
        if (in_string and is_doc) or in_block or _COMMENT_LINE.match(line):
            found.add(number)
        elif not in_string and opens_doc:
            found.add(number)  # a one-line docstring, or the first line of one
        if quotes % 2:
            if not in_string:
                is_doc = opens_doc
            in_string = not in_string
        if stripped.startswith("/*") and "*/" not in stripped:
            in_block = True
        elif in_block and "*/" in stripped:
            in_block = False
    return found
