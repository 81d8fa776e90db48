"""Source context for bandit results that bandit's checks do not look at (issue 12, item 6).

bandit judges one call or one literal; a few of its checks need the code around it:

- B201 `app.run(debug=True)` inside `if __name__ == "__main__":` with no host or a
  loopback host is a development entry point: a WSGI server never runs it and the
  debugger listens on 127.0.0.1 only. Reported at low (CWE-489 stays: active debug code),
  not high; any other host (`0.0.0.0`, a variable) keeps bandit's severity.
- B108 a `/tmp/...` literal that is only compared (`path.startswith("/tmp/")`, `==`,
  `in`) names no file: dropped, as `_password_is_a_name` drops a password check on a name.
- B303/B324 MD5/SHA-1 whose digest is stored under a name that says what it is for
  (`checksum`, `etag`, `cache_key`, ...) or returned by a function named so is a
  non-security use: reported at low, with the hint to say so with `usedforsecurity=False`.

The file is parsed with `ast` (never imported or run); a file that does not parse keeps
bandit's result unchanged.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from gate.findings import Finding, Severity

_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
NON_SECURITY_DIGEST = re.compile(
    r"(?i)^_*(?:\w+_)?(?:check_?sum|etag|e_tag|cache_?key|cache_?name|cache_?id|crc|"
    r"content_?hash|dedup\w*)s?(?:_\w+)?$"
)
_HASH_CHECKS = frozenset({"B303", "B324"})
_CHECKS = frozenset({"B201", "B108"}) | _HASH_CHECKS


def judge_in_context(findings: Iterable[Finding], root: Path) -> tuple[Finding, ...]:
    """bandit's findings with the source context above applied (dropped or re-rated)."""
    trees: dict[str, ast.Module | None] = {}
    out: list[Finding] = []
    for finding in findings:
        check = finding.source_rule_ids[0] if finding.source_rule_ids else ""
        if check not in _CHECKS:
            out.append(finding)
            continue
        if finding.path not in trees:
            trees[finding.path] = _parse(root / finding.path)
        tree = trees[finding.path]
        judged = finding if tree is None else _judge(check, finding, tree)
        if judged is not None:
            out.append(judged)
    return tuple(out)


def _parse(path: Path) -> ast.Module | None:
    """The file's syntax tree, or None (then bandit's finding stands as it is): a symlink,
    an unreadable file, or source too deep or too odd to parse never fails the scan."""
    try:
        if path.is_symlink():
            return None
        return ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _judge(check: str, finding: Finding, tree: ast.Module) -> Finding | None:
    line = finding.start_line
    if check == "B201" and _dev_entry_point(tree, line):
        return replace(
            finding,
            severity=Severity.LOW,
            message=finding.message
            + ' Here it is under `if __name__ == "__main__":` on loopback: a development'
            " entry point (low); a deployment that starts it with `python app.py` on a public"
            " interface still exposes the debugger.",
        )
    if check == "B108" and _only_compared(tree, line):
        return None
    if check in _HASH_CHECKS and _non_security_digest(tree, line):
        return replace(
            finding,
            severity=Severity.LOW,
            message=finding.message
            + " Here the digest is a checksum, ETag or cache key by its name (low); pass"
            " usedforsecurity=False to say so.",
        )
    return finding


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _on_line(tree: ast.AST, line: int, kind: type[ast.AST]) -> Iterator[ast.AST]:
    return (n for n in ast.walk(tree) if isinstance(n, kind) and getattr(n, "lineno", 0) == line)


def _is_main_guard(node: ast.AST | None) -> bool:
    if not (isinstance(node, ast.If) and isinstance(node.test, ast.Compare)):
        return False
    sides = [node.test.left, *node.test.comparators]
    names = {s.id for s in sides if isinstance(s, ast.Name)}
    values = {s.value for s in sides if isinstance(s, ast.Constant)}
    return names == {"__name__"} and values == {"__main__"}


def _dev_entry_point(tree: ast.Module, line: int) -> bool:
    parents = _parents(tree)
    for call in _on_line(tree, line, ast.Call):
        assert isinstance(call, ast.Call)
        if not any(k.arg == "debug" for k in call.keywords):
            continue  # int(...), os.environ.get(...) in the arguments: not the run call
        host = next((k.value for k in call.keywords if k.arg == "host"), None)
        if host is not None and not (isinstance(host, ast.Constant) and host.value in _LOOPBACK):
            continue
        node: ast.AST | None = call
        while node is not None:
            parent = parents.get(node)
            if _is_main_guard(parent) and node in getattr(parent, "body", ()):
                return True
            node = parent
    return False


def _only_compared(tree: ast.Module, line: int) -> bool:
    parents = _parents(tree)
    found = False
    for const in _on_line(tree, line, ast.Constant):
        assert isinstance(const, ast.Constant)
        if not (isinstance(const.value, str) and "/tmp" in const.value):
            continue
        found = True
        parent = parents.get(const)
        if isinstance(parent, ast.Tuple):  # startswith(("/tmp/", "/var/tmp/"))
            parent = parents.get(parent)
        compared = isinstance(parent, ast.Compare) or (
            isinstance(parent, ast.Call)
            and isinstance(parent.func, ast.Attribute)
            and parent.func.attr in ("startswith", "endswith")
        )
        if not compared:
            return False
    return found


def _target_names(node: ast.AST) -> Iterator[str]:
    if isinstance(node, ast.Name):
        yield node.id
    elif isinstance(node, ast.Attribute):
        yield node.attr
    elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        yield str(node.slice.value).replace("-", "_")
    elif isinstance(node, ast.Tuple):
        for element in node.elts:
            yield from _target_names(element)


def _non_security_digest(tree: ast.Module, line: int) -> bool:
    parents = _parents(tree)
    for call in _on_line(tree, line, ast.Call):
        node: ast.AST = call
        parent = parents.get(node)
        # hashlib.md5(data).hexdigest(), .digest(), [:8]: still the same value
        while isinstance(parent, (ast.Attribute, ast.Call, ast.Subscript)):
            node, parent = parent, parents.get(parent)
        names: list[str] = []
        if isinstance(parent, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
            names = [n for t in targets for n in _target_names(t)]
        elif isinstance(parent, ast.keyword) and parent.arg:
            names = [parent.arg]
        elif isinstance(parent, ast.Return):
            scope = parents.get(parent)
            while scope is not None and not isinstance(
                scope, (ast.FunctionDef, ast.AsyncFunctionDef)
            ):
                scope = parents.get(scope)
            if scope is not None:
                names = [scope.name]
        if names and all(NON_SECURITY_DIGEST.match(n) for n in names):
            return True
    return False
