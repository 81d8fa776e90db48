"""Formatting-only changes: a modified file whose code is the same before and after.

A file counts as formatting-only when its base and head versions give the same code
tokens once comments and layout are set aside (`gate.decision.tier_tokens` lexes them;
nothing is parsed or run). What counts as layout depends on the language:

- Python: indentation and the end of a logical line are tokens, so re-indenting a block
  into an `if` is a change; line breaks inside brackets or after a backslash are not. A
  statement that is only a string (a docstring) is documentation.
- Go: the semicolons Go inserts at line ends are tokens, so a line break where Go would
  end the statement is a change.
- JavaScript/TypeScript: a line break is a token unless the line plainly continues
  (after an operator, an opening bracket or a comma; before `.`, a closing bracket, a
  comma or a binary operator), and always after `return`, `throw`, `break`, `continue`,
  `yield` (automatic semicolon insertion).
- Java: layout never counts.

A trailing comma after two or more elements is dropped (formatters add it when they
wrap). Files in `#`-comment formats (shell, Ruby, YAML, TOML, Terraform, ini) compare
line by line: only blank lines and whole-line comments may differ. Anything else (other
languages, renames, mode changes, a base that cannot be read) is not formatting-only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from gate.change.model import Change, ChangedFile, ChangeKind
from gate.decision.tier_tokens import Token, language_of, lex
from gate.scanning.base_side import read_base_blobs

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = frozenset(_OPENERS.values())
MAX_BYTES = 512_000  # the lexer reads about 1 MB/s; larger files count as code changes
HASH_COMMENT_SUFFIXES = (".sh", ".bash", ".rb", ".yml", ".yaml", ".toml", ".tf", ".cfg", ".ini")
_JS_RESTRICTED = frozenset({"return", "throw", "break", "continue", "yield"})
_JS_CONTINUES_BEFORE = frozenset(
    ". ?. ) ] } , ; : ? ?? && || = == === != !== * ** % & | ^ << >> >>> > >= <= => += -= *= "
    "/= %= **= <<= >>= >>>= &= |= ^= &&= ||= ??= {".split()
)
_GO_ENDS = frozenset({"break", "continue", "fallthrough", "return", "++", "--", ")", "]", "}"})
_GO_KEYWORDS = frozenset(
    "case chan const default defer else for func go goto if import interface map package "
    "range select struct switch type var".split()
)


def formatting_only(
    change: Change, files: Sequence[ChangedFile], head_lines: Callable[[ChangedFile], list[str]]
) -> tuple[str, ...]:
    """Paths of the modified files whose code tokens are the same in base and head."""
    candidates = [
        f
        for f in files
        if f.kind is ChangeKind.MODIFIED
        and not (f.mode_changed or f.is_binary or f.is_symlink or f.is_submodule)
        and (language_of(f.path) or f.path.lower().endswith(HASH_COMMENT_SUFFIXES))
    ]
    if not candidates or not change.base_sha:
        return ()
    base = read_base_blobs(change.repo_root, change.base_sha, tuple(f.path for f in candidates))
    same = []
    for changed in candidates:
        lines = head_lines(changed)
        if changed.path not in base or not lines or len(base[changed.path]) > MAX_BYTES:
            continue  # unreadable or too large to lex: a code change
        before = base[changed.path].decode("utf-8", "replace")
        if _same_code(before, "\n".join(lines), changed.path):
            same.append(changed.path)
    return tuple(same)


def _same_code(before: str, after: str, path: str) -> bool:
    language = language_of(path)
    if language is None:
        return _code_lines(before) == _code_lines(after)
    old, new = code_tokens(before, language), code_tokens(after, language)
    return old is not None and old == new


def _code_lines(text: str) -> list[str]:
    stripped = (line.rstrip() for line in text.splitlines())
    return [line for line in stripped if line and not line.lstrip().startswith("#")]


def code_tokens(text: str, language: str) -> list[str] | None:
    raw = lex(text + "\n", language)  # the last line ends, with or without its newline
    if raw is None:
        return None
    if language == "python":
        return _trailing_commas(_python_layout(raw))
    if language == "go":
        return _trailing_commas(_go_layout(raw))
    if language == "js":
        return _trailing_commas(_js_layout(raw))
    return _trailing_commas([t for k, t, _ in raw if k != "nl"])


def _python_layout(raw: list[Token]) -> list[str]:
    out: list[str] = []
    logical: list[Token] = []
    depth, stack = 0, [0]

    def flush() -> None:
        if not logical or all(k in ("str", "directive") for k, _, _ in logical):
            out.extend(t for k, t, _ in logical if k == "directive")
            logical.clear()
            return
        column = logical[0][2]
        if column < 0:  # the line goes on after a multi-line string: one logical line
            if out and out[-1] == "<newline>":
                out.pop()
            out.extend(t for _, t, _ in logical)
            out.append("<newline>")
            logical.clear()
            return
        if column > stack[-1]:
            stack.append(column)
            out.append("<indent>")
        while column < stack[-1]:
            stack.pop()
            out.append("<dedent>")
        if column != stack[-1]:
            out.append("<bad-indent>")
            stack.append(column)
        out.extend(t for _, t, _ in logical)
        out.append("<newline>")
        logical.clear()

    for token in raw:
        kind, text, _ = token
        if kind == "nl":
            if depth == 0:
                flush()
            continue
        if kind == "op" and text in _OPENERS:
            depth += 1
        elif kind == "op" and text in _CLOSERS:
            depth = max(0, depth - 1)
        logical.append(token)
    flush()
    return out


def _go_layout(raw: list[Token]) -> list[str]:
    out: list[str] = []
    last_kind, last = "", ""
    for kind, text, _ in raw:
        if kind == "nl":
            value = last_kind in ("num", "str") or (
                last_kind == "word" and last not in _GO_KEYWORDS
            )
            if (value or last in _GO_ENDS) and last != ";":
                out.append(";")  # Go's own semicolon at the end of the line
                last_kind, last = "op", ";"
            continue
        if kind == "directive":
            out.append(text)
            continue
        if text in (")", "}") and out and out[-1] == ";":
            out.pop()  # Go lets the semicolon before a closing ) or } go unwritten
        if text == ";" and last == ";":
            continue
        out.append(text)
        last_kind, last = kind, text
    return out


def _js_layout(raw: list[Token]) -> list[str]:
    out: list[str] = []
    last_kind, last, pending = "", "", False
    for kind, text, _ in raw:
        if kind == "nl":
            pending = bool(last)
            continue
        if kind == "directive":
            out.append(text)
            continue
        if pending:
            after_operator = last_kind == "op" and last not in _CLOSERS and last not in ("++", "--")
            if last in _JS_RESTRICTED or not (after_operator or text in _JS_CONTINUES_BEFORE):
                out.append("<newline>")
            pending = False
        out.append(text)
        last_kind, last = kind, text
    return out


def _trailing_commas(tokens: list[str]) -> list[str]:
    """Drop `,` right before a closing bracket when the group has another comma."""
    out: list[str] = []
    commas: list[int] = []
    for token in tokens:
        if token in _OPENERS:
            commas.append(0)
        elif token in _CLOSERS:
            if out and out[-1] == "," and commas and commas[-1] >= 2:
                out.pop()
            if commas:
                commas.pop()
        elif token == "," and commas:
            commas[-1] += 1
        out.append(token)
    return out
