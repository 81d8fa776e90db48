"""What every detector shares: the parsed module, its diff, and the `Hit` it reports.

A detector is a function `(Module) -> Iterable[Hit]`. It decides *whether* something is
wrong; `Module.touched` decides whether this change is responsible for it.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import PurePosixPath

from gate.change.model import ChangedFile
from gate.findings import Severity

Scope = ast.Module | ast.FunctionDef | ast.AsyncFunctionDef
_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# Tokens of function/class names that mark payment, authentication or persistence code.
CRITICAL_TOKENS = frozenset(
    {
        "charge",
        "refund",
        "pay",
        "payment",
        "payout",
        "capture",
        "authorize",
        "authorise",
        "authenticate",
        "authentication",
        "auth",
        "login",
        "signin",
        "commit",
        "transfer",
        "withdraw",
        "checkout",
        "settle",
        "billing",
        "transaction",
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    """One rule firing at one place; `detail` is a short sentence about this instance."""

    rule_id: str
    line: int
    end_line: int
    col: int = 0
    detail: str = ""
    severity: Severity | None = None  # this instance's severity, when not the rule's


@dataclass(frozen=True, slots=True, kw_only=True)
class Module:
    path: str  # repo-relative
    source: str
    tree: ast.Module
    file: ChangedFile
    critical_paths: tuple[str, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)  # local name -> dotted origin
    parents: Mapping[ast.AST, ast.AST] = field(default_factory=dict)
    script_ranges: tuple[tuple[int, int], ...] = ()  # `if __name__ == "__main__":` blocks
    comments: Mapping[int, str] = field(default_factory=dict)  # line -> comment text

    @classmethod
    def build(
        cls,
        *,
        path: str,
        source: str,
        tree: ast.Module,
        file: ChangedFile,
        critical_paths: tuple[str, ...] = (),
    ) -> Module:
        parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                parents[child] = node
        return cls(
            path=path,
            source=source,
            tree=tree,
            file=file,
            critical_paths=critical_paths,
            aliases=_aliases(tree),
            parents=parents,
            script_ranges=tuple(
                span(node) for node in tree.body if isinstance(node, ast.If) and _is_main(node)
            ),
            comments=_comments(source),
        )

    # -- where the change is ------------------------------------------------------------
    def touched(self, *ranges: tuple[int, int]) -> bool:
        """Whether the change added any line in any of the inclusive `ranges`."""
        if self.file.whole:
            return True
        return any(
            start <= last and end >= first
            for first, last in ranges
            for start, end in self.file.added
        )

    # -- what kind of code ----------------------------------------------------------------
    @property
    def is_test(self) -> bool:
        parts = PurePosixPath(self.path).parts
        name = parts[-1] if parts else ""
        return (
            any(part in ("tests", "test", "testing") for part in parts[:-1])
            or name.startswith("test_")
            or name.endswith("_test.py")
            or name == "conftest.py"
        )

    @property
    def critical_path(self) -> bool:
        path = self.path
        for glob in self.critical_paths:
            if fnmatchcase(path, glob) or (glob.startswith("**/") and fnmatchcase(path, glob[3:])):
                return True
        return False

    def in_script(self, node: ast.AST) -> bool:
        line = getattr(node, "lineno", 0)
        return any(start <= line <= end for start, end in self.script_ranges)

    def critical(self, node: ast.AST) -> bool:
        """Payment/auth/persistence code: a critical path, or a critical function name."""
        if self.critical_path:
            return True
        return any(CRITICAL_TOKENS & name_tokens(scope.name) for scope in self.enclosing_defs(node))

    # -- tree navigation ------------------------------------------------------------------
    def enclosing_defs(
        self, node: ast.AST
    ) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef]:
        current = self.parents.get(node)
        while current is not None:
            if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                yield current
            current = self.parents.get(current)

    def function_of(self, node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        current = self.parents.get(node)
        while current is not None:
            if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return current
            if isinstance(current, (ast.ClassDef, ast.Lambda)):
                return None
            current = self.parents.get(current)
        return None

    def resolve(self, expr: ast.AST) -> str | None:
        """Dotted name of `expr` with the module's imports applied: `rq.get` -> `requests.get`."""
        name = dotted(expr)
        if name is None:
            return None
        head, _, rest = name.partition(".")
        origin = self.aliases.get(head)
        if origin is None:
            return name
        return f"{origin}.{rest}" if rest else origin

    def scopes(self) -> Iterator[Scope]:
        yield self.tree
        for node in ast.walk(self.tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield node


def span(node: ast.AST) -> tuple[int, int]:
    start = getattr(node, "lineno", 1)
    return start, getattr(node, "end_lineno", None) or start


def dotted(expr: ast.AST) -> str | None:
    parts: list[str] = []
    while isinstance(expr, ast.Attribute):
        parts.append(expr.attr)
        expr = expr.value
    if isinstance(expr, ast.Name):
        parts.append(expr.id)
        return ".".join(reversed(parts))
    return None


def terminal_name(expr: ast.AST) -> str:
    """`self.http_session` -> `http_session`; `client` -> `client`; anything else -> ''."""
    if isinstance(expr, ast.Attribute):
        return expr.attr
    if isinstance(expr, ast.Name):
        return expr.id
    return ""


def name_tokens(name: str) -> frozenset[str]:
    words = [w.lower() for part in name.split("_") for w in _CAMEL.findall(part)]
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)


def walk_local(node: ast.AST, *, skip_handlers: bool = False) -> Iterator[ast.AST]:
    """Descendants of `node` that run in the same frame (not nested defs or lambdas).

    With `skip_handlers`, nested `except` blocks are left out too (they are judged alone).
    """
    stack = list(ast.iter_child_nodes(node))
    while stack:
        child = stack.pop()
        if isinstance(child, _NESTED) or (skip_handlers and isinstance(child, ast.ExceptHandler)):
            continue
        yield child
        stack.extend(ast.iter_child_nodes(child))


def walk_body(statements: list[ast.stmt]) -> Iterator[ast.AST]:
    for statement in statements:
        if isinstance(statement, _NESTED):
            continue
        yield statement
        yield from walk_local(statement)


def scope_nodes(scope: Scope) -> Iterator[ast.AST]:
    """Nodes of one function (or the module's top level) without nested functions."""
    return walk_body(scope.body)


def call_has_star_kwargs(call: ast.Call) -> bool:
    return any(keyword.arg is None for keyword in call.keywords)


def keyword(call: ast.Call, name: str) -> ast.keyword | None:
    return next((k for k in call.keywords if k.arg == name), None)


def is_none(expr: ast.AST | None) -> bool:
    return isinstance(expr, ast.Constant) and expr.value is None


def _is_main(node: ast.If) -> bool:
    test = node.test
    if not (isinstance(test, ast.Compare) and len(test.comparators) == 1):
        return False
    sides = [test.left, test.comparators[0]]
    return any(isinstance(s, ast.Name) and s.id == "__name__" for s in sides) and any(
        isinstance(s, ast.Constant) and s.value == "__main__" for s in sides
    )


def _comments(source: str) -> dict[int, str]:
    comments: dict[int, str] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                comments[token.start[0]] = token.string
    except (tokenize.TokenError, SyntaxError):
        pass  # the ast parsed: a tokenizer corner case only costs us the comments
    return comments


def _aliases(tree: ast.Module) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    head = alias.name.split(".", 1)[0]
                    aliases[head] = head
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                if alias.name != "*":
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return aliases
