"""The lexer behind formatting-only changes (`gate.decision.tier_format`).

`lex(text, language)` reads Python, JavaScript/TypeScript, Go or Java into tokens that
carry meaning (words, numbers, string literals, operators) and physical line breaks,
with comments and whitespace dropped; the caller decides which line breaks are layout.
Nothing is parsed or run. It knows each language's strings (Python prefixes and triple
quotes, JavaScript templates with nested `${}` and regex literals, Go raw strings, Java
text blocks) and comments, so a `#` or `//` inside a string is not a comment.

Operators are read longest first, as the languages do, so `a++ + b` and `a + ++b` differ.
Comments that steer tools (`//go:build`, `# type: ignore`, `// eslint-disable`, `nosec`,
`gate: ignore`) stay as tokens. Python and JavaScript string quotes are normalised when
the body has no quote or backslash ('x' and "x" are one string there, not in Go or Java).
Text the lexer cannot close (an unterminated string or comment) gives None.
"""

from __future__ import annotations

import functools
import re

LANGUAGES = {
    ".py": "python",
    ".pyi": "python",
    ".js": "js",
    ".jsx": "js",
    ".mjs": "js",
    ".cjs": "js",
    ".ts": "js",
    ".tsx": "js",
    ".mts": "js",
    ".cts": "js",
    ".go": "go",
    ".java": "java",
}

_OPERATORS = {
    "python": "**= //= >>= <<= ... -> := ** // << >> <= >= == != += -= *= /= %= &= |= ^= @=",
    "js": ">>>= ... === !== **= <<= >>= >>> &&= ||= ??= => == != <= >= && || ?? ?. ++ -- "
    "+= -= *= /= %= &= |= ^= ** << >>",
    "go": "<<= >>= &^= ... &^ := <- ++ -- == != <= >= && || << >> += -= *= /= %= &= |= ^=",
    "java": ">>>= <<= >>= >>> ... -> :: ++ -- == != <= >= && || << >> += -= *= /= %= &= |= ^=",
}
_WORD_PATTERN = r"[A-Za-z_$\u0080-\U0010ffff][\w$\u0080-\U0010ffff]*"  # compiled on first use
_SPACE = re.compile(r"[ \t\f\r\v]+")
_NUMBER = re.compile(r"(?:\d|\.\d)(?:[\w.]|(?<=[eEpP])[+-])*")
_DIRECTIVE = re.compile(
    r"^(?:#|//|/\*)\s*(?:go:|\+build|line\s|nosec|nosemgrep|noqa|gate:|type:|pyright:|mypy:|"
    r"pragma|eslint|jshint|@ts-|@jsx|prettier-ignore|istanbul|c8\s|NOLINT|lint:|coding[:=]|"
    r"-\*-|#__PURE__|@__PURE__|webpackChunkName|sourceMappingURL)",
    re.IGNORECASE,
)
_PY_PREFIX = re.compile(r"(?i)(?:rb|br|fr|rf|[rbuf])?(?='|\")")
_JS_REGEX_AFTER = frozenset(
    {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case"}
    | {"do", "else", "yield", "await"}
)


@functools.cache
def _word() -> re.Pattern[str]:
    """An identifier in any script: its Unicode class takes ~6 ms to compile, which a
    commit that tokenizes no code (docs, YAML) should not pay."""
    return re.compile(_WORD_PATTERN)


NL = "\n"  # a physical line break, before layout rules decide what it means
Token = tuple[str, str, int]  # (kind, text, column of the line it starts, or -1)


def language_of(path: str) -> str | None:
    dot = path.rfind(".")
    return LANGUAGES.get(path[dot:].lower()) if dot > path.rfind("/") else None


def lex(text: str, language: str) -> list[Token] | None:
    operators = _operator_pattern(language)
    hash_comments = language == "python"
    tokens: list[Token] = []
    templates: list[int] = []  # JS: brace depth at each open `${` of a template literal
    i, n, line_start = 0, len(text), True
    if language == "js" and text.startswith("#!"):
        i = text.find("\n") if "\n" in text else n
    while i < n:
        char = text[i]
        if char == "\n":
            tokens.append(("nl", NL, -1))
            i += 1
            line_start = True
            continue
        if char in " \t\f\r\v":
            i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
            continue
        column = _column(text, i) if line_start else -1
        line_start = False
        if char == "\\" and text.startswith("\n", i + 1) and language == "python":
            i += 2  # explicit line joining
            continue
        comment = None
        if hash_comments and char == "#":
            comment = i, _line_end(text, i)
        elif not hash_comments and text.startswith("//", i):
            comment = i, _line_end(text, i)
        elif not hash_comments and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                return None
            comment = i, end + 2
        if comment is not None:
            body = text[comment[0] : comment[1]]
            if _DIRECTIVE.match(body):
                tokens.append(("directive", " ".join(body.split()), column))
            tokens.extend(("nl", NL, -1) for _ in range(body.count("\n")))
            i = comment[1]
            continue
        string_end = _string_end(text, i, language, tokens)
        if string_end is not None:
            if string_end < 0:
                return None
            literal = text[i:string_end]
            tokens.append(("str", _normal_quotes(literal, language), column))
            tokens.extend(("nl", NL, -1) for _ in range(literal.count("\n")))
            if language == "js" and literal.startswith("`") and literal.endswith("${"):
                templates.append(0)
            i = string_end
            continue
        if language == "js" and templates and char in "{}":
            if char == "{":
                templates[-1] += 1
            elif templates[-1] == 0:
                templates.pop()  # back inside the template literal
                end = _template_end(text, i + 1)
                if end < 0:
                    return None
                literal = text[i:end]
                tokens.append(("str", literal, column))
                tokens.extend(("nl", NL, -1) for _ in range(literal.count("\n")))
                if literal.endswith("${"):
                    templates.append(0)
                i = end
                continue
            else:
                templates[-1] -= 1
        match = _NUMBER.match(text, i) or _word().match(text, i)
        if match:
            kind = "num" if match.re is _NUMBER else "word"
            tokens.append((kind, match.group(), column))
            i = match.end()
            continue
        found = operators.match(text, i)
        operator = found.group() if found else char
        tokens.append(("op", operator, column))
        i += len(operator)
    return tokens


@functools.cache
def _operator_pattern(language: str) -> re.Pattern[str]:
    longest_first = sorted(_OPERATORS[language].split(), key=len, reverse=True)
    return re.compile("|".join(re.escape(o) for o in longest_first))


def _column(text: str, index: int) -> int:
    start = text.rfind("\n", 0, index) + 1
    return len(text[start:index].expandtabs(8))


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end


def _string_end(text: str, i: int, language: str, tokens: list[Token]) -> int | None:
    """Where the string literal starting at i ends (-1: unterminated), or None."""
    char = text[i]
    if language == "python":
        prefix = _PY_PREFIX.match(text, i)
        if prefix is None:
            return None
        start = prefix.end()
        triple = text[start : start + 3] in ('"""', "'''")
        return _quoted_end(text, start, text[start : start + 3] if triple else text[start])
    if char == "`" and language == "go":
        end = text.find("`", i + 1)
        return -1 if end < 0 else end + 1
    if char == "`" and language == "js":
        return _template_end(text, i + 1)
    if language == "java" and text.startswith('"""', i):
        return _quoted_end(text, i, '"""')
    if char in "\"'":
        return _quoted_end(text, i, char)
    if char == "/" and language == "js" and _regex_allowed(tokens):
        return _regex_end(text, i)
    return None


def _quoted_end(text: str, start: int, quote: str) -> int:
    i, n = start + len(quote), len(text)
    while i < n:
        if text.startswith(quote, i):
            return i + len(quote)
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "\n" and len(quote) == 1:
            return -1
        i += 1
    return -1


def _template_end(text: str, i: int) -> int:
    """End of a template literal part: after the closing backtick or an opening `${`."""
    n = len(text)
    while i < n:
        if text[i] == "\\":
            i += 2
        elif text[i] == "`":
            return i + 1
        elif text.startswith("${", i):
            return i + 2
        else:
            i += 1
    return -1


def _regex_allowed(tokens: list[Token]) -> bool:
    previous = next((t for t in reversed(tokens) if t[0] != "nl"), None)
    if previous is None:
        return True
    kind, text, _ = previous
    if kind == "word":
        return text in _JS_REGEX_AFTER
    return kind == "op" and text not in (")", "]", "}")


def _regex_end(text: str, i: int) -> int | None:
    j, n, in_class = i + 1, len(text), False
    while j < n:
        char = text[j]
        if char == "\n":
            return None
        if char == "\\":
            j += 2
            continue
        if char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "/" and not in_class:
            j += 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            return j
        j += 1
    return None


def _normal_quotes(literal: str, language: str) -> str:
    """'x' and "x" are the same string in Python and JavaScript (not in Go or Java)."""
    if language not in ("python", "js"):
        return literal
    quote_at = next((k for k, c in enumerate(literal) if c in "'\""), -1)
    prefix, body = literal[:quote_at], literal[quote_at:]
    if len(body) >= 6 and body[:3] in ('"""', "'''"):
        inner = body[3:-3]
        marks = '"""'
    else:
        inner = body[1:-1]
        marks = '"'
    if quote_at < 0 or "\\" in inner or "'" in inner or '"' in inner:
        return literal
    return f"{prefix.lower()}{marks}{inner}{marks}"
