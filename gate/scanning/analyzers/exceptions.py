"""Exception handlers that hide failures.

Rules: eh-swallowed-exception, eh-bare-except, eh-critical-error-hidden,
eh-log-and-continue, eh-raise-without-cause.

One handler yields at most one of the first four, in that order of precedence:
critical-error-hidden > swallowed-exception > bare-except > log-and-continue.
A handler that raises (anything), exits, or records the traceback is never "hidden".

One module, past the ~350-line guide on purpose: the five rules share one walk over the
handlers and one precedence order; split, each would repeat the same classification.
Narrow, expected exceptions (`except KeyError: return default`, `except ImportError:
fallback = None`) are intentional control flow and only matter in critical code, and
only when swallowed outright.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from enum import Enum

from gate.findings import Severity
from gate.scanning.analyzers._model import (
    Hit,
    Module,
    dotted,
    is_none,
    name_tokens,
    span,
    terminal_name,
    walk_body,
    walk_local,
)


class Breadth(str, Enum):
    BARE = "bare"  # except:
    BASE = "base"  # BaseException
    BROAD = "broad"  # Exception
    EXPECTED = "expected"  # KeyError, ImportError, ... : control flow
    NARROW = "narrow"  # anything else named


_EXPECTED = frozenset(
    {
        "KeyError",
        "IndexError",
        "LookupError",
        "AttributeError",
        "ImportError",
        "ModuleNotFoundError",
        "StopIteration",
        "StopAsyncIteration",
        "GeneratorExit",
        "ValueError",
        "TypeError",
        "UnicodeError",
        "UnicodeDecodeError",
        "UnicodeEncodeError",
        "FileNotFoundError",
        "FileExistsError",
        "NotADirectoryError",
        "IsADirectoryError",
        "NotImplementedError",
        "OverflowError",
        "ZeroDivisionError",
        "ProcessLookupError",
        "ChildProcessError",
        "KeyboardInterrupt",
        "CancelledError",
        "JSONDecodeError",
        "Empty",
        "Full",
        "DoesNotExist",
        "ObjectDoesNotExist",
        "NoResultFound",
        "InvalidOperation",
        "UnsupportedOperation",
    }
)
_LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "critical", "fatal", "log"})
_EXIT_CALLS = frozenset({"sys.exit", "os._exit", "exit", "quit", "os.abort", "abort"})
_TRACEBACK_CALLS = frozenset(
    {
        "traceback.print_exc",
        "traceback.format_exc",
        "traceback.print_exception",
        "traceback.format_exception",
        "sentry_sdk.capture_exception",
        "capture_exception",
    }
)
_TODO_COMMENT = re.compile(r"(?i)\b(todo|fixme|xxx)\b")
_PREDICATE_PREFIXES = ("is_", "has_", "can_", "should_", "supports_", "_is_", "_has_", "_can_")


def detect(module: Module) -> Iterator[Hit]:
    for node in ast.walk(module.tree):
        if isinstance(node, ast.ExceptHandler):
            yield from _handler(module, node)
            yield from _raise_without_cause(module, node)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            yield from _broad_suppress(module, node)


def breadth(module: Module, handler: ast.ExceptHandler) -> Breadth:
    if handler.type is None:
        return Breadth.BARE
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    names = [(module.resolve(t) or "").rsplit(".", 1)[-1] for t in types]
    if "BaseException" in names:
        return Breadth.BASE
    if "Exception" in names:
        return Breadth.BROAD
    if names and all(n in _EXPECTED for n in names):
        return Breadth.EXPECTED
    return Breadth.NARROW


def _handler(module: Module, handler: ast.ExceptHandler) -> Iterator[Hit]:
    kind = breadth(module, handler)
    if _raises_or_exits(module, handler) or _records_traceback(module, handler):
        return
    swallows = _swallow_body(handler.body)
    first, last = span(handler)
    if not module.touched((first, last)):
        return
    function = module.function_of(handler)
    if function is not None and function.name == "__del__":
        return  # raising from a finalizer only prints a warning: swallowing is correct there
    rule = ""
    if (
        not module.is_test
        and module.critical(handler)
        and (
            kind in _ANY_BROAD
            or (
                kind is Breadth.NARROW
                and swallows
                and not _narrow_fallback(module, function, handler)
            )
        )
    ):
        rule = "eh-critical-error-hidden"
    elif swallows and kind in _ANY_BROAD:
        if not (_predicate_fallback(function, handler) or _declared_deliberate(module, handler)):
            rule = "eh-swallowed-exception"
    elif kind in (Breadth.BARE, Breadth.BASE) and not _uses_exception(module, handler):
        rule = "eh-bare-except"
    elif kind is Breadth.BROAD and _logs_message(module, handler):
        rule = "eh-log-and-continue"
    if rule == "eh-swallowed-exception" and (module.is_test or _optional_probe(module, handler)):
        detail = _LOW_SWALLOW_TEST if module.is_test else _LOW_SWALLOW_PROBE
        yield Hit(
            rule_id=rule,
            line=first,
            end_line=last,
            col=handler.col_offset,
            detail=detail,
            severity=Severity.LOW,
        )
    elif rule:
        yield Hit(rule_id=rule, line=first, end_line=last, col=handler.col_offset)


_LOW_SWALLOW_TEST = "In test code, where the assertions that follow decide (low)."
_LOW_SWALLOW_PROBE = (
    "An optional environment probe (host name, platform) for telemetry, so low: the value "
    "is left out when it cannot be read."
)
# Reading the host's description: failing to read it only leaves an optional field out.
_PROBE_CALLS = ("platform.", "socket.gethostname", "socket.getfqdn", "os.uname", "getpass.")


def _optional_probe(module: Module, handler: ast.ExceptHandler) -> bool:
    """The try body reads the environment (platform.uname(), socket.gethostname()) and the
    handler leaves nothing behind (`pass` / `return None`): a best-effort telemetry field."""
    try_node = module.parents.get(handler)
    if not isinstance(try_node, ast.Try):
        return False
    calls = [
        module.resolve(n.func) or "" for n in walk_body(try_node.body) if isinstance(n, ast.Call)
    ]
    empty = all(
        isinstance(st, ast.Pass)
        or (isinstance(st, ast.Return) and (st.value is None or is_none(st.value)))
        for st in handler.body
    )
    return empty and any(c.startswith(_PROBE_CALLS) for c in calls)


_ANY_BROAD = (Breadth.BARE, Breadth.BASE, Breadth.BROAD)


def _raises_or_exits(module: Module, handler: ast.ExceptHandler) -> bool:
    for node in walk_body(handler.body):
        if isinstance(node, ast.Raise):
            return True
        if isinstance(node, ast.Call) and module.resolve(node.func) in _EXIT_CALLS:
            return True
    return False


def _records_traceback(module: Module, handler: ast.ExceptHandler) -> bool:
    for node in walk_body(handler.body):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("exception", "print_exc"):
            return True
        if module.resolve(node.func) in _TRACEBACK_CALLS:
            return True
        for kw in node.keywords:
            if kw.arg in ("exc_info", "stack_info") and not (
                isinstance(kw.value, ast.Constant) and not kw.value.value
            ):
                return True
    return False


def _logs_message(module: Module, handler: ast.ExceptHandler) -> bool:
    for node in walk_body(handler.body):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _LOG_METHODS
            and "log" in terminal_name(node.func.value).lower()
        ):
            return True
    return False


def _swallow_body(body: list[ast.stmt]) -> bool:
    """Only pass / ... / continue / a constant (None, False, 0, "", [], {}) return."""
    statements = [
        s for s in body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
    ]
    docstring_only = not statements
    return docstring_only or all(_swallow_statement(s) for s in statements)


def _swallow_statement(statement: ast.stmt) -> bool:
    if isinstance(statement, (ast.Pass, ast.Continue)):
        return True
    if isinstance(statement, ast.Return):
        value = statement.value
        return (
            value is None
            or isinstance(value, ast.Constant)
            or (isinstance(value, (ast.List, ast.Tuple, ast.Set)) and not value.elts)
            or (isinstance(value, ast.Dict) and not value.keys)
        )
    return False


def _declared_deliberate(module: Module, handler: ast.ExceptHandler) -> bool:
    """A comment in the handler, or a `safe_*`/`try_*` function: ignoring is the intent."""
    first, last = span(handler)
    if any(
        first <= line <= last and not _TODO_COMMENT.search(text)
        for line, text in module.comments.items()
    ):
        return True
    return any(
        any(t.startswith("safe") for t in name_tokens(scope.name))
        or scope.name.lstrip("_").startswith("try_")
        for scope in module.enclosing_defs(handler)
        if not isinstance(scope, ast.ClassDef)
    )


def _uses_exception(module: Module, handler: ast.ExceptHandler) -> bool:
    """Handlers that keep the exception (`self.error = exc`, sys.exc_info()) hand it on."""
    for node in walk_body(handler.body):
        if isinstance(node, ast.Name) and handler.name and node.id == handler.name:
            return True
        if isinstance(node, ast.Call) and module.resolve(node.func) == "sys.exc_info":
            return True
    return False


def _narrow_fallback(
    module: Module,
    function: ast.FunctionDef | ast.AsyncFunctionDef | None,
    handler: ast.ExceptHandler,
) -> bool:
    """A named exception turned into the function's own "no result" on purpose.

    `except DataError: return None` where the function returns None on other paths too
    (callers already handle it), or a handler whose comment says why the error is expected
    (`except (KeyError, OSError):  # no passwd entry in a chroot` then `return ""`).
    """
    return (
        _predicate_fallback(function, handler)
        or _declared_deliberate(module, handler)
        or _returns_elsewhere(function, handler)
    )


def _returns_elsewhere(
    function: ast.FunctionDef | ast.AsyncFunctionDef | None, handler: ast.ExceptHandler
) -> bool:
    """Every return in the handler gives an empty constant (None, False, "", 0) that the
    function also returns outside it. A truthy one (`return True`) may be a success value."""
    if function is None:
        return False
    inside = {id(n) for n in walk_body(handler.body)}
    handled = [s for s in handler.body if isinstance(s, ast.Return)]
    if not handled:
        return False
    elsewhere = {
        repr(_constant(node.value))
        for node in walk_local(function)
        if isinstance(node, ast.Return) and id(node) not in inside and _is_constant(node.value)
    }
    return all(
        _is_constant(r.value) and not _constant(r.value) and repr(_constant(r.value)) in elsewhere
        for r in handled
    )


def _is_constant(value: ast.expr | None) -> bool:
    return value is None or isinstance(value, ast.Constant)


def _constant(value: ast.expr | None) -> object:
    return value.value if isinstance(value, ast.Constant) else None


def _predicate_fallback(
    function: ast.FunctionDef | ast.AsyncFunctionDef | None, handler: ast.ExceptHandler
) -> bool:
    """`def is_valid(x): try: ...; return True  except Exception: return False` is a test."""
    if function is None:
        return False
    returns_bool = isinstance(function.returns, ast.Name) and function.returns.id == "bool"
    if not (returns_bool or function.name.startswith(_PREDICATE_PREFIXES)):
        return False
    returns = [s for s in handler.body if isinstance(s, ast.Return)]
    return bool(returns) and all(
        isinstance(r.value, ast.Constant) and r.value.value is False for r in returns
    )


def _raise_without_cause(module: Module, handler: ast.ExceptHandler) -> Iterator[Hit]:
    for node in walk_body(handler.body):
        if isinstance(node, ast.ExceptHandler):
            continue
        if not isinstance(node, ast.Raise) or node.exc is None or node.cause is not None:
            continue
        if not isinstance(node.exc, ast.Call) or _inside_nested_handler(module, node, handler):
            continue
        callee = dotted(node.exc.func) or ""
        if not callee or not (callee[:1].isupper() or callee.rsplit(".", 1)[-1][:1].isupper()):
            continue  # raise make_error(...) : a factory may set __cause__ itself
        if _passes_caught(handler, node.exc):
            continue  # raise Wrapped(str(exc), exc) / Wrapped(original=exc): cause kept by hand
        first, last = span(node)
        if module.touched((first, last)):
            yield Hit(
                rule_id="eh-raise-without-cause", line=first, end_line=last, col=node.col_offset
            )


def _inside_nested_handler(module: Module, node: ast.AST, handler: ast.ExceptHandler) -> bool:
    current = module.parents.get(node)
    while current is not None and current is not handler:
        if isinstance(current, ast.ExceptHandler):
            return True
        current = module.parents.get(current)
    return False


def _passes_caught(handler: ast.ExceptHandler, call: ast.Call) -> bool:
    if handler.name is None:
        return False
    values = [*call.args, *(k.value for k in call.keywords)]
    return any(
        isinstance(n, ast.Name) and n.id == handler.name
        for value in values
        for n in [value, *walk_local(value)]
        if not _is_str_call(value)
    )


def _is_str_call(expr: ast.AST) -> bool:
    """`str(exc)` / f"{exc}" keep the message, not the exception: the cause is still lost."""
    return (isinstance(expr, ast.Call) and dotted(expr.func) in ("str", "repr")) or isinstance(
        expr, ast.JoinedStr
    )


def _broad_suppress(module: Module, node: ast.With | ast.AsyncWith) -> Iterator[Hit]:
    for item in node.items:
        call = item.context_expr
        if not isinstance(call, ast.Call) or module.resolve(call.func) not in (
            "contextlib.suppress",
            "suppress",
        ):
            continue
        names = {(module.resolve(a) or "").rsplit(".", 1)[-1] for a in call.args}
        if names & {"Exception", "BaseException"} and module.touched(span(call)):
            first, last = span(node)
            yield Hit(
                rule_id="eh-critical-error-hidden"
                if module.critical(node)
                else "eh-swallowed-exception",
                line=first,
                end_line=first if last == first else last,
                col=node.col_offset,
                detail="contextlib.suppress(Exception) swallows every error in the block",
            )


__all__ = ["Breadth", "breadth", "detect", "is_none", "name_tokens"]
