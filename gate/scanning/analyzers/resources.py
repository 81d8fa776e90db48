"""Resources, transactions and child processes whose failure path is not handled.

Rules: eh-resource-leak, eh-subprocess-unchecked (and, through `transactions`,
eh-commit-without-rollback).

A resource bound to a local name is fine when it is released in a `finally`, entered in
a `with`, or handed on (returned, yielded, stored on an object, given to a constructor or
an ExitStack). Everything else - including `f.close()` on the happy path only - leaks
when an exception escapes between acquire and release. A resource closed on the normal
path only (`f.close()` after use, not in a `finally`) leaks only when an exception escapes
in between, and then only until the garbage collector runs: low, not medium.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from gate.findings import Severity
from gate.scanning.analyzers import transactions
from gate.scanning.analyzers._model import (
    Hit,
    Module,
    call_has_star_kwargs,
    dotted,
    keyword,
    scope_nodes,
    span,
    terminal_name,
    walk_body,
    walk_local,
)

_ACQUIRE = (
    frozenset(
        {
            "open",
            "io.open",
            "codecs.open",
            "gzip.open",
            "bz2.open",
            "lzma.open",
            "tarfile.open",
            "zipfile.ZipFile",
            "socket.socket",
            "socket.create_connection",
            "tempfile.NamedTemporaryFile",
            "tempfile.TemporaryFile",
            "smtplib.SMTP",
            "smtplib.SMTP_SSL",
            "ftplib.FTP",
        }
    )
    | transactions.DB_CONNECTS
)
_HANDOFF_CALLS = frozenset(
    {
        "closing",
        "enter_context",
        "enter_async_context",
        "callback",
        "push",
        "push_async_callback",
        "register",
        "finalize",
        "append",
        "add",
        "extend",
        "setdefault",
        "put",
        "put_nowait",
    }
)
_SUBPROCESS = frozenset({"subprocess.run", "subprocess.call"})


def detect(module: Module) -> Iterator[Hit]:
    if module.is_test:
        return
    for scope in module.scopes():
        if isinstance(scope, ast.Module):
            nodes = list(scope_nodes(scope))
            yield from _subprocess(module, nodes)
            continue
        if scope.name in ("__enter__", "__aenter__") or "acquire" in scope.name:
            continue
        nodes = list(scope_nodes(scope))
        yield from _leaks(module, nodes)
        yield from _locks(module, nodes)
        yield from transactions.commits(module, scope, nodes)
        yield from _subprocess(module, nodes)


# -- files, sockets, connections ------------------------------------------------------


def _leaks(module: Module, nodes: list[ast.AST]) -> Iterator[Hit]:
    for node in nodes:
        if not (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            continue
        value = node.value.value if isinstance(node.value, ast.Await) else node.value
        if not isinstance(value, ast.Call) or module.resolve(value.func) not in _ACQUIRE:
            continue
        if module.in_script(node) or not module.touched(span(node)):
            continue
        name = node.targets[0].id
        if _released_or_handed_off(nodes, name):
            continue
        first, last = span(node)
        acquired = f"`{name} = {module.resolve(value.func)}(...)`"
        if transactions.closed_on_normal_path(nodes, name):
            yield Hit(
                rule_id="eh-resource-leak",
                line=first,
                end_line=last,
                col=node.col_offset,
                detail=f"{acquired} is closed on the normal path only: an exception in "
                "between leaves it to the garbage collector (low).",
                severity=Severity.LOW,
            )
            continue
        yield Hit(
            rule_id="eh-resource-leak",
            line=first,
            end_line=last,
            col=node.col_offset,
            detail=f"{acquired} is never closed: neither on the error path nor after use.",
        )


def _mentions(expr: ast.AST | None, name: str) -> bool:
    if expr is None:
        return False
    return any(isinstance(n, ast.Name) and n.id == name for n in [expr, *walk_local(expr)])


def _released_or_handed_off(
    nodes: list[ast.AST], name: str, seen: frozenset[str] = frozenset()
) -> bool:
    seen = seen | {name}
    views = _local_views(nodes, name)
    for node in nodes:
        if isinstance(node, ast.Try) and any(_mentions(n, name) for n in walk_body(node.finalbody)):
            return True
        if (
            isinstance(node, ast.ExceptHandler)
            and any(isinstance(n, ast.Raise) for n in walk_body(node.body))
            and any(_mentions(n, name) for n in walk_body(node.body))
        ):
            return True  # closed on the error path, then re-raised
        if isinstance(node, ast.withitem) and _mentions(node.context_expr, name):
            return True
        if isinstance(node, (ast.Return, ast.Yield, ast.YieldFrom)) and _carries(node.value, name):
            return True
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and _carries(node.value, name):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if not all(isinstance(t, ast.Name) for t in targets) or not isinstance(
                node.value, ast.Call
            ):
                return True  # stored on an object or aliased: ownership moves
        if isinstance(node, ast.Call) and _mentions_arg(node, name) and id(node) not in views:
            callee = terminal_name(node.func)
            if callee in _HANDOFF_CALLS or callee.lstrip("_")[:1].isupper():
                return True
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return True
    # `writer = csv.DictWriter(out)` kept in a local: the handle lives as long as the view
    # does, so it is handed on only if the view is (returned, stored, closed, `with`).
    return any(
        _released_or_handed_off(nodes, view, seen) for view in views.values() if view not in seen
    )


def _local_views(nodes: list[ast.AST], name: str) -> dict[int, str]:
    """`view = Wrapper(name, ...)` bound to a plain local: id(call) -> the local's name."""
    views: dict[int, str] = {}
    for node in nodes:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Call)
            and terminal_name(node.value.func).lstrip("_")[:1].isupper()
            and _mentions_arg(node.value, name)
        ):
            views[id(node.value)] = node.targets[0].id
    return views


def _carries(expr: ast.AST | None, name: str) -> bool:
    """`f`, `(f, n)`, `{"f": f}`, `Wrapper(f)`: the value itself travels, not `f.read()`."""
    if expr is None:
        return False
    if isinstance(expr, ast.Name):
        return expr.id == name
    if isinstance(expr, ast.Starred):
        return _carries(expr.value, name)
    if isinstance(expr, (ast.Tuple, ast.List, ast.Set)):
        return any(_carries(e, name) for e in expr.elts)
    if isinstance(expr, ast.Dict):
        return any(_carries(v, name) for v in expr.values)
    if isinstance(expr, ast.Call):
        return any(_carries(a, name) for a in [*expr.args, *(k.value for k in expr.keywords)])
    if isinstance(expr, ast.Await):
        return _carries(expr.value, name)
    return False


def _mentions_arg(call: ast.Call, name: str) -> bool:
    return any(_mentions(a, name) for a in [*call.args, *(k.value for k in call.keywords)])


def _locks(module: Module, nodes: list[ast.AST]) -> Iterator[Hit]:
    for node in nodes:
        call = node.value if isinstance(node, ast.Expr) else None
        if isinstance(node, ast.If):
            call = node.test
        if isinstance(call, ast.Await):
            call = call.value
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "acquire"
        ):
            continue
        receiver = dotted(call.func.value)
        if receiver is None or module.in_script(node) or not module.touched(span(call)):
            continue
        released = any(
            isinstance(n, ast.Try)
            and any(
                isinstance(c, ast.Call)
                and isinstance(c.func, ast.Attribute)
                and c.func.attr == "release"
                and dotted(c.func.value) == receiver
                for c in walk_body(n.finalbody)
            )
            for n in nodes
        )
        if not released:
            line, _ = span(call)
            yield Hit(
                rule_id="eh-resource-leak",
                line=line,
                end_line=line,
                col=call.col_offset,
                detail=f"`{receiver}.acquire()` is not released in a finally: an error deadlocks.",
            )


# -- child processes ------------------------------------------------------------------


def _subprocess(module: Module, nodes: list[ast.AST]) -> Iterator[Hit]:
    for node in nodes:
        if not isinstance(node, ast.Call) or module.resolve(node.func) not in _SUBPROCESS:
            continue
        if keyword(node, "check") is not None or call_has_star_kwargs(node):
            continue
        if module.in_script(node) or not module.touched(span(node)):
            continue
        parent = module.parents.get(node)
        if isinstance(parent, ast.Expr):
            detail = "The result is discarded."
        elif (
            isinstance(parent, ast.Assign)
            and len(parent.targets) == 1
            and isinstance(parent.targets[0], ast.Name)
            and not _inspected(nodes, parent.targets[0].id, module.resolve(node.func) or "")
        ):
            detail = f"`{parent.targets[0].id}.returncode` is never checked."
        else:
            continue
        first, last = span(node)
        yield Hit(
            rule_id="eh-subprocess-unchecked",
            line=first,
            end_line=last,
            col=node.col_offset,
            detail=detail,
        )


def _inspected(nodes: list[ast.AST], name: str, function: str) -> bool:
    for node in nodes:
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == name and node.attr in ("returncode", "check_returncode"):
                return True
        if function == "subprocess.call" and isinstance(node, ast.Name) and node.id == name:
            if isinstance(node.ctx, ast.Load):
                return True  # call() returns the status itself
        if isinstance(node, (ast.Return, ast.Yield)) and _carries(node.value, name):
            return True
        if isinstance(node, ast.Call) and any(
            isinstance(a, ast.Name) and a.id == name
            for a in [*node.args, *(k.value for k in node.keywords)]
        ):
            return True  # handed to a helper that may check it
    return False
