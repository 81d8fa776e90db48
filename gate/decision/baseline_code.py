"""The code a finding stands on, in a form that survives re-indenting and reformatting.

A finding's identity uses whole *logical lines*: its lines extended to the statement
they belong to (while a bracket is open, or a line ends with a backslash). Scanners point
at different physical lines of one statement (bandit at the `shell=True` keyword, semgrep
at the call), and joining or splitting the statement moves those; the logical line does
not change. Brackets in strings and comments are skipped by a small lexer that knows
`#` and `//` comments and single, double, triple and back quotes: a mistake there only
makes the identity longer, identically on both sides.

A finding over a whole *block* (a function with its decorators, a try statement: more than
one statement) is identified by the block's head instead (`Code.block_head`): the
decorators and the opening line, with what is inside brackets and a return annotation
dropped. Editing the function's body or adding type hints to its parameters does not make
"this view is CSRF-exempt" or "this handler has no audit call" a new finding; whether the
problem was already there is still decided by the base having the same finding. A head
that names nothing (`try {`, `except Exception as e:`) is no identity: such a block is
identified by its code, as a statement is.
"""

from __future__ import annotations

import re

MAX_LINES = 200  # a finding's identity reads at most this many lines
MAX_EXTEND = 40  # how far a statement is followed up or down

_CONTINUATION = re.compile(r"\\\r?\n")
_SPACE = re.compile(r"\s+")
_TRAILING_COMMA = re.compile(r",(?=[)\]}])")
_OPEN, _CLOSE = "([{", ")]}"
_RETURN_ANNOTATION = re.compile(r"\)(?:->|:)[^:{]*?(?=[:{]$)")  # `) -> T:` / `): T {`
MAX_HEAD = 12  # decorators and annotations read before a block's opening line


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


def _signature(text: str) -> str:
    """`def refund(self, amount: int) -> None:` -> `def refund():`: what is inside
    brackets without a string literal (parameters and their type hints, Go receivers) and
    a return annotation dropped; a group with a string (a route, `@app.route("/pay")`)
    is kept, since it tells one handler from another."""
    groups: list[list[str]] = [[]]
    for char in text:
        if char in _OPEN:
            groups.append([char])
        elif char in _CLOSE and len(groups) > 1:
            inner = "".join(groups.pop()) + char
            groups[-1].append(inner if any(q in inner for q in "\"'`") else inner[0] + char)
        else:
            groups[-1].append(char)
    return _RETURN_ANNOTATION.sub(")", "".join("".join(g) for g in groups))


# Words that tell no block from another: a head made only of them (`try {`, `except
# Exception as e:`, `if err != nil {`) is no identity, and the block's code is used.
_GENERIC_WORDS = frozenset(
    "try else finally do except catch if elif for while with as switch select case default "
    "defer go func function async await return lambda static synchronized err nil null None "
    "e ex exc error Exception Throwable BaseException RuntimeException".split()
)
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


def _generic(head: str) -> bool:
    return all(w in _GENERIC_WORDS for w in _IDENTIFIER.findall(head))


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

    def block_head(self, start: int, end: int) -> str | None:
        """The head of the block `start`..`end` covers (see the module docstring), or
        None when it is one statement."""
        first, last = self.span(start, end)
        head_end = self.span(first, first)[1]
        if head_end >= last:
            return None
        parts: list[str] = []
        line = first
        while line <= last and len(parts) < MAX_HEAD:
            text = normalize_code("\n".join(self.lines[line - 1 : head_end]))
            parts.append(_signature(text))
            if not text.startswith("@"):  # decorators (Python) and annotations (Java, TS)
                break
            line = head_end + 1
            head_end = self.span(line, line)[1]
        head = "\n".join(parts)
        return None if _generic(head) else head

    def normalized(self) -> str:
        return normalize_code("\n".join(self.lines))

    def _continuations(self) -> list[bool]:
        if self._continued is None:
            self._continued = _continuations(self.lines)
        return self._continued


def _continuations(lines: list[str]) -> list[bool]:
    """For each line: does it continue the statement of the line before?

    A `{` that ends its line opens a *block* (a function or `if` body in the brace
    languages, an object literal written one member a line): the lines inside it are
    statements of their own, not one statement with the line that opened it, and the
    brackets open around the block (`app.post("/pay", (req, res) => {`) resume after
    its `}`."""
    result = [False] * len(lines)
    frames = [0]  # open brackets per block level; the innermost block last
    quote = ""  # the open string's delimiter, or ""
    backslash = False
    for index, line in enumerate(lines):
        result[index] = frames[-1] > 0 or backslash or bool(quote)
        last_open = _last_significant(line) if not quote else -1
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
            elif char == "{" and position == last_open:
                frames.append(0)
            elif char in _OPEN:
                frames[-1] += 1
            elif char in _CLOSE:
                if frames[-1] == 0 and char == "}" and len(frames) > 1:
                    frames.pop()
                else:
                    frames[-1] = max(0, frames[-1] - 1)
            position += 1
        if quote in ('"', "'"):
            quote = ""  # an unterminated one-line string ends with its line
        backslash = line.rstrip().endswith("\\") and not quote
    return result


def _last_significant(line: str) -> int:
    """Where the line's last character before a trailing comment is, when it is a `{`
    (-1 otherwise). A comment marker inside a string is rare enough on such a line that
    the cheap scan is kept; a mistake only makes the statement longer."""
    text = line
    for marker in (" //", " #"):
        cut = text.find(marker)
        if cut >= 0:
            text = text[:cut]
    stripped = text.rstrip()
    return len(stripped) - 1 if stripped.endswith("{") else -1
