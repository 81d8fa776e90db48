"""The code a finding stands on, in a form that survives re-indenting and reformatting.

A finding's identity uses whole *logical lines*: its lines extended to the statement
they belong to (while a bracket is open, or a line ends with a backslash). Scanners point
at different physical lines of one statement (bandit at the `shell=True` keyword, semgrep
at the call), and joining or splitting the statement moves those; the logical line does
not change. Brackets in strings and comments are skipped by a small lexer that knows
`#` and `//` comments and single, double, triple and back quotes: a mistake there only
makes the identity longer, identically on both sides.
"""

from __future__ import annotations

import re

MAX_LINES = 200  # a finding's identity reads at most this many lines
MAX_EXTEND = 40  # how far a statement is followed up or down

_CONTINUATION = re.compile(r"\\\r?\n")
_SPACE = re.compile(r"\s+")
_TRAILING_COMMA = re.compile(r",(?=[)\]}])")
_OPEN, _CLOSE = "([{", ")]}"


def normalize_code(text: str) -> str:
    """Whitespace-insensitive code: runs of whitespace vanish, except one space between two
    word characters (`return x` stays apart from `returnx`); backslash continuations and a
    trailing comma before a closing bracket (added when a call is split) are dropped."""
    text = _CONTINUATION.sub(" ", text)

    def space(match: re.Match[str]) -> str:
        start, end = match.start(), match.end()
        left = start > 0 and _word(text[start - 1])
        right = end < len(text) and _word(text[end])
        return " " if left and right else ""

    return _TRAILING_COMMA.sub("", _SPACE.sub(space, text).strip())


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


class Code:
    """One file's lines, with the statement structure computed on first use."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._continued: list[bool] | None = None  # line i (0-based) continues line i-1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """1-based inclusive lines of the logical lines covering `start`..`end`."""
        count = len(self.lines)
        if count == 0:
            return start, end
        start = min(max(start, 1), count)
        end = min(max(end, start), count)
        continued = self._continuations()
        first, last = start, end
        while first > 1 and continued[first - 1] and start - first < MAX_EXTEND:
            first -= 1
        while last < count and continued[last] and last - end < MAX_EXTEND:
            last += 1
        return first, min(last, first + MAX_LINES - 1)

    def raw(self, start: int, end: int) -> str:
        first, last = self.span(start, end)
        return "\n".join(self.lines[first - 1 : last])

    def identity(self, start: int, end: int) -> str:
        return normalize_code(self.raw(start, end))

    def normalized(self) -> str:
        return normalize_code("\n".join(self.lines))

    def _continuations(self) -> list[bool]:
        if self._continued is None:
            self._continued = _continuations(self.lines)
        return self._continued


def _continuations(lines: list[str]) -> list[bool]:
    """For each line: does it continue the statement of the line before?"""
    result = [False] * len(lines)
    depth = 0
    quote = ""  # the open string's delimiter, or ""
    backslash = False
    for index, line in enumerate(lines):
        result[index] = depth > 0 or backslash or bool(quote)
        position, length = 0, len(line)
        while position < length:
            char = line[position]
            if quote:
                if char == "\\":
                    position += 2
                    continue
                if line.startswith(quote, position):
                    position += len(quote)
                    quote = ""
                    continue
                position += 1
                continue
            if char == "#" or line.startswith("//", position):
                break
            if line.startswith(('"""', "'''"), position):
                quote = line[position : position + 3]
                position += 3
                continue
            if char in "\"'`":
                quote = char
            elif char in _OPEN:
                depth += 1
            elif char in _CLOSE:
                depth = max(0, depth - 1)
            position += 1
        if quote in ('"', "'"):
            quote = ""  # an unterminated one-line string ends with its line
        backslash = line.rstrip().endswith("\\") and not quote
    return result
