"""Smaller habits: argument checks by `assert`, forgotten asyncio tasks, error-handling TODOs.

Rules: eh-assert-validation, eh-task-fire-and-forget, eh-todo-error-handling.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from gate.scanning.analyzers._model import Hit, Module, span, terminal_name, walk_local

_TASK_FUNCTIONS = frozenset({"asyncio.create_task", "asyncio.ensure_future"})
_TODO = re.compile(r"(?i)\b(todo|fixme|xxx|hack)\b")
_ERROR_WORDS = re.compile(
    r"(?ix)\b("
    r"errors?|exceptions?|fail(s|ed|ing|ures?)?|timeouts?|(add|need|missing)\s+retr(y|ies)"
    r"|rollback|edge[ -]cases?|swallow\w*|try/except"
    r"|handle\s+(it\s+|this\s+|that\s+|them\s+)?(later|properly|better|gracefully)"
    r")\b"
)


def detect(module: Module) -> Iterator[Hit]:
    yield from _todos(module)
    if module.is_test or module.path.endswith(".pyi"):
        return
    for node in ast.walk(module.tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield from _asserts(module, node)
        elif isinstance(node, ast.Expr):
            yield from _fire_and_forget(module, node)


def _asserts(module: Module, function: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[Hit]:
    """Asserts at the top of a public function that test its parameters = input validation.

    Private helpers (`_name`) may assert invariants their callers guarantee; type-narrowing
    asserts in the middle of a body are left alone too.
    """
    if function.name.startswith("_") or module.in_script(function):
        return
    if any(isinstance(d, ast.FunctionDef) for d in module.enclosing_defs(function)):
        return  # nested helper: its caller is the function around it
    arguments = function.args
    params = {
        a.arg
        for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
        if a.arg not in ("self", "cls")
    }
    for extra in (arguments.vararg, arguments.kwarg):
        if extra is not None:
            params.add(extra.arg)
    for statement in function.body:
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # docstring
        if not isinstance(statement, ast.Assert):
            break
        if _type_narrowing(statement.test):
            continue
        names = {n.id for n in walk_local(statement.test) if isinstance(n, ast.Name)}
        if isinstance(statement.test, ast.Name):
            names.add(statement.test.id)
        if names & params and module.touched(span(statement)):
            first, last = span(statement)
            yield Hit(
                rule_id="eh-assert-validation",
                line=first,
                end_line=last,
                col=statement.col_offset,
                detail=f"`{function.name}` checks {', '.join(sorted(names & params))} with assert.",
            )


def _type_narrowing(test: ast.expr) -> bool:
    """`assert isinstance(x, T)` / `assert _is_prepared(x)` inform the type checker."""
    if not isinstance(test, ast.Call):
        return False
    callee = terminal_name(test.func)
    return callee in ("isinstance", "issubclass") or callee.startswith("_")


def _fire_and_forget(module: Module, statement: ast.Expr) -> Iterator[Hit]:
    call = statement.value
    if not isinstance(call, ast.Call) or module.in_script(statement):
        return
    name = module.resolve(call.func) or ""
    loop_method = (
        isinstance(call.func, ast.Attribute)
        and call.func.attr in ("create_task", "ensure_future")
        and "loop" in (module.resolve(call.func.value) or "").lower()
    )
    if (name in _TASK_FUNCTIONS or loop_method) and module.touched(span(call)):
        first, last = span(call)
        yield Hit(rule_id="eh-task-fire-and-forget", line=first, end_line=last, col=call.col_offset)


def _todos(module: Module) -> Iterator[Hit]:
    for line, text in sorted(module.comments.items()):
        if _TODO.search(text) and _ERROR_WORDS.search(text) and module.touched((line, line)):
            column = module.source.splitlines()[line - 1].find(text)
            yield Hit(
                rule_id="eh-todo-error-handling", line=line, end_line=line, col=max(column, 0)
            )
