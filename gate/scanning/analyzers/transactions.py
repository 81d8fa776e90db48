"""Transactions committed with no rollback path (eh-commit-without-rollback).

A function that writes and commits needs a way back when a statement or the commit fails:
`with conn:` / `session.begin()` / `transaction.atomic()`, a rollback() call, or closing
the connection in a `finally` (closing without commit rolls the transaction back, PEP 249).

A connection the function opens itself and never hands on (`db = MySQLdb.connect(...)`,
not returned or stored) is no finding either: when the work fails, the exception leaves
with the connection, and the server rolls the open transaction back when it goes. The
harm the rule is about - an aborted transaction left on a connection that later callers
reuse (a pool, a session, a module-level handle) - needs a connection that outlives the
call. Whether the connection itself is closed is `eh-resource-leak`'s question.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from gate.scanning.analyzers._model import Hit, Module, dotted, span, walk_body

_WRITES = frozenset(
    {
        "execute",
        "executemany",
        "executescript",
        "add",
        "add_all",
        "delete",
        "merge",
        "bulk_save_objects",
        "bulk_insert_mappings",
        "bulk_update_mappings",
        "flush",
    }
)
# DB-API `connect()` of the known drivers (module path, resolved); the resource rule
# counts them as acquired resources too.
DB_CONNECTS = frozenset(
    {
        "sqlite3.connect",
        "psycopg.connect",
        "psycopg2.connect",
        "pymysql.connect",
        "MySQLdb.connect",
        "mysql.connector.connect",
    }
)


def commits(
    module: Module, scope: ast.FunctionDef | ast.AsyncFunctionDef, nodes: list[ast.AST]
) -> Iterator[Hit]:
    if "commit" in scope.name or "rollback" in scope.name:
        return
    commit_calls = [
        n
        for n in nodes
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and n.func.attr == "commit"
        and not n.args
        and not n.keywords
        and not any(w in (dotted(n.func.value) or "").lower() for w in ("repo", "git", "index"))
    ]
    if not commit_calls:
        return
    writes = [
        n
        for n in nodes
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in _WRITES
    ]
    if not writes:
        return
    for n in nodes:
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
            if n.func.attr == "rollback":
                return
        if isinstance(n, ast.withitem):
            return  # `with conn:`, `with session.begin():`, `with transaction.atomic():`
    commit = commit_calls[0]
    receiver = dotted(getattr(commit.func, "value", commit.func))
    if _closed_in_finally(nodes, receiver):
        return  # closing without commit rolls the open transaction back (PEP 249)
    if receiver is not None and _own_connection(module, nodes, receiver):
        return  # opened here and discarded: its transaction goes with it
    await_parent = module.parents.get(commit)
    anchor = await_parent if isinstance(await_parent, ast.Await) else commit
    if not module.touched(span(anchor), *(span(w) for w in writes)):
        return
    line, _ = span(commit)
    yield Hit(rule_id="eh-commit-without-rollback", line=line, end_line=line, col=commit.col_offset)


def _closed_in_finally(nodes: list[ast.AST], receiver: str | None) -> bool:
    closes = (c for n in nodes if isinstance(n, ast.Try) for c in walk_body(n.finalbody))
    return receiver is not None and any(_is_close(c, receiver) for c in closes)


def closed_on_normal_path(nodes: list[ast.AST], name: str) -> bool:
    """`name.close()` is called somewhere in the function (not necessarily on error)."""
    return any(_is_close(n, name) for n in nodes)


def _is_close(node: ast.AST, receiver: str) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "close"
        and dotted(node.func.value) == receiver
    )


def _own_connection(module: Module, nodes: list[ast.AST], name: str) -> bool:
    """`name = driver.connect(...)` in this function, and `name` never leaves it."""
    opened = any(
        isinstance(n, ast.Assign)
        and len(n.targets) == 1
        and isinstance(n.targets[0], ast.Name)
        and n.targets[0].id == name
        and isinstance(n.value, ast.Call)
        and module.resolve(n.value.func) in DB_CONNECTS
        for n in nodes
    )
    return opened and not any(_hands_on(n, name) for n in nodes)


def _hands_on(node: ast.AST, name: str) -> bool:
    if isinstance(node, (ast.Return, ast.Yield, ast.YieldFrom)):
        return isinstance(node.value, ast.Name) and node.value.id == name
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name):
        return node.value.id == name  # aliased or stored on an object / in `g`
    if isinstance(node, (ast.Global, ast.Nonlocal)):
        return name in node.names
    return False
