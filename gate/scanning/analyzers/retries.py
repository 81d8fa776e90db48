"""Retry loops around network calls: unbounded, or without backoff.

Rules: eh-retry-unbounded, eh-retry-no-backoff.

A retry loop is `while True`, `while attempt < n` (a counter the loop moves) or
`for attempt in range(n)` / `itertools.count()` whose body has a try around a network
call and a handler with a path that goes round again (one that raises, returns or breaks
only past a budget check, `if attempt >= MAX: raise`, still retries). A network call is a
call of a client library, a client-like receiver's request/send/publish method, or a
function of the same file that makes one (one level). `for page in range(n)` whose counter
feeds the call is pagination, not a retry. No sleep, or the same delay under a second
before every attempt, is a tight loop (medium); a longer fixed delay is low.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from gate.findings import Severity
from gate.scanning.analyzers._model import Hit, Module, span, terminal_name, walk_body, walk_local
from gate.scanning.analyzers.network import HTTP_VERBS

_NETWORK_RECEIVER = re.compile(
    r"(?i)(^|_)(session|sess|client|http|https|conn|connection|sock|socket"
    r"|channel|producer|publisher|broker|amqp|kafka|smtp|ftp|sftp|stub)$"
)
_NETWORK_METHODS = frozenset(
    {
        *HTTP_VERBS,
        "send",
        "sendall",
        "recv",
        "fetch",
        "urlopen",
        "connect",
        "getresponse",
        # message brokers and mail: pika, kafka-python, confluent-kafka, smtplib
        "basic_publish",
        "publish",
        "produce",
        "send_message",
        "sendmail",
    }
)
_NETWORK_MODULES = (
    "requests.",
    "httpx.",
    "urllib.request.",
    "urllib3.",
    "socket.",
    "aiohttp.",
    "http.client.",
    "smtplib.",
    "ftplib.",
    "pika.",
    "aio_pika.",
    "kafka.",
    "confluent_kafka.",
    "grpc.",
    "paramiko.",
)
_SLEEPS = frozenset({"time.sleep", "asyncio.sleep", "trio.sleep", "gevent.sleep", "anyio.sleep"})
_PAUSE = re.compile(r"(?i)sleep|backoff|delay|throttle|^_*wait(?!_for)")
_TINY_DELAY = 1.0  # seconds: a fixed pause shorter than this is no pause for the peer
_Loop = ast.While | ast.For | ast.AsyncFor


def detect(module: Module) -> Iterator[Hit]:
    if module.is_test:
        return
    helpers = _network_helpers(module)
    for node in ast.walk(module.tree):
        if isinstance(node, (ast.While, ast.For, ast.AsyncFor)):
            yield from _retry(module, node, helpers)


def is_network_call(module: Module, call: ast.Call) -> bool:
    name = module.resolve(call.func) or ""
    if name.startswith(_NETWORK_MODULES):
        return True
    return (
        isinstance(call.func, ast.Attribute)
        and call.func.attr in _NETWORK_METHODS
        and bool(_NETWORK_RECEIVER.search(terminal_name(call.func.value)))
    )


def _network_helpers(module: Module) -> frozenset[str]:
    """Functions and methods of this file whose own body makes a network call."""
    return frozenset(
        node.name
        for node in ast.walk(module.tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and any(
            isinstance(c, ast.Call) and is_network_call(module, c) for c in walk_body(node.body)
        )
    )


def _calls_network(module: Module, call: ast.Call, helpers: frozenset[str]) -> bool:
    if is_network_call(module, call):
        return True
    func = call.func
    if isinstance(func, ast.Name):
        return func.id in helpers
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id in ("self", "cls")
        and func.attr in helpers
    )


def _retry(module: Module, loop: _Loop, helpers: frozenset[str]) -> Iterator[Hit]:
    forever = isinstance(loop, ast.While) and _always_true(loop.test)
    if isinstance(loop, ast.While) and not forever and not _counted_while(module, loop, helpers):
        return
    if isinstance(loop, (ast.For, ast.AsyncFor)) and not _retry_iterator(module, loop, helpers):
        return
    tries = [
        node
        for node in walk_body(loop.body)
        if isinstance(node, ast.Try)
        and any(
            isinstance(c, ast.Call) and _calls_network(module, c, helpers)
            for c in walk_body(node.body)
        )
        and _innermost_loop(module, node) is loop
    ]
    retrying = [
        (attempt, handler)
        for attempt in tries
        for handler in attempt.handlers
        if _goes_round(handler.body)
    ]
    if not retrying:
        return
    attempt = retrying[0][0]
    sleeps = [
        n
        for n in walk_body(loop.body)
        if isinstance(n, ast.Call) and (module.resolve(n.func) or "") in _SLEEPS
    ]
    header = (loop.lineno, loop.lineno)
    if not module.touched(header, span(attempt), *(span(s) for s in sleeps)):
        return
    counter = isinstance(loop, (ast.For, ast.AsyncFor)) and not _is_count(module, loop)
    if forever and not counter and not _exit_outside(loop, [a for a, _ in retrying]):
        yield Hit(
            rule_id="eh-retry-unbounded",
            line=loop.lineno,
            end_line=loop.lineno,
            col=loop.col_offset,
        )
        return
    if _paced(module, loop):
        return  # a helper of its own waits between attempts (`self._sleep(backoff)`)
    if not sleeps or all(_constant_delay(loop, s) for s in sleeps):
        tiny = bool(sleeps) and all(_tiny_delay(s) for s in sleeps)
        if not sleeps:
            detail = "The loop retries immediately, with no sleep at all."
        elif tiny:
            detail = "The loop sleeps only a fixed fraction of a second before every retry."
        else:
            detail = "The loop sleeps for the same fixed delay before every retry."
        # no pause (or next to none) hammers the peer at full speed: stronger evidence
        # than a fixed delay of seconds
        yield Hit(
            rule_id="eh-retry-no-backoff",
            line=loop.lineno,
            end_line=loop.lineno,
            col=loop.col_offset,
            detail=detail,
            severity=Severity.MEDIUM if not sleeps or tiny else None,
        )


def _always_true(test: ast.expr) -> bool:
    return isinstance(test, ast.Constant) and bool(test.value)


def _goes_round(handler: list[ast.stmt]) -> bool:
    """Whether some path through an except block reaches the next attempt."""
    return not _always_exits(handler) or _continues(handler)


def _always_exits(statements: list[ast.stmt]) -> bool:
    for statement in statements:
        if isinstance(statement, (ast.Raise, ast.Return, ast.Break)):
            return True
        if (
            isinstance(statement, ast.If)
            and _always_exits(statement.body)
            and _always_exits(statement.orelse)
        ):
            return True
    return False


def _continues(statements: list[ast.stmt]) -> bool:
    """A `continue` of the retry loop itself (not of a loop nested in the handler)."""
    stack: list[ast.AST] = list(statements)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Continue):
            return True
        if not isinstance(
            node, (ast.For, ast.AsyncFor, ast.While, ast.FunctionDef, ast.AsyncFunctionDef)
        ):
            stack.extend(ast.iter_child_nodes(node))
    return False


def _counted_while(module: Module, loop: ast.While, helpers: frozenset[str]) -> bool:
    """`while attempt < MAX:` / `while retries > 0:`: a counter the body moves."""
    compared = {
        n.id
        for c in ast.walk(loop.test)
        if isinstance(c, ast.Compare)
        for n in (c.left, *c.comparators)
        if isinstance(n, ast.Name)
    }
    moved = {
        n.target.id
        for n in walk_body(loop.body)
        if isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Name)
    }
    counters = compared & moved
    return bool(counters) and not _feeds_call(module, loop, counters, helpers)


def _retry_iterator(module: Module, loop: ast.For | ast.AsyncFor, helpers: frozenset[str]) -> bool:
    """`for attempt in range(n)` / itertools.count(): attempts, not items of data."""
    iterator = loop.iter
    if not isinstance(iterator, ast.Call):
        return False
    name = module.resolve(iterator.func) or ""
    if name not in ("range", "itertools.count"):
        return False
    target = {loop.target.id} if isinstance(loop.target, ast.Name) else set()
    return not _feeds_call(module, loop, target, helpers)


def _feeds_call(module: Module, loop: _Loop, names: set[str], helpers: frozenset[str]) -> bool:
    """The attempt number is an argument of the network call: pagination, not a retry."""
    for node in walk_body(loop.body):
        if isinstance(node, ast.Call) and _calls_network(module, node, helpers):
            if any(isinstance(n, ast.Name) and n.id in names for n in walk_local(node)):
                return True
    return False


def _is_count(module: Module, loop: ast.For | ast.AsyncFor) -> bool:
    return isinstance(loop.iter, ast.Call) and module.resolve(loop.iter.func) == "itertools.count"


def _innermost_loop(module: Module, node: ast.AST) -> ast.AST | None:
    current = module.parents.get(node)
    while current is not None:
        if isinstance(current, (ast.While, ast.For, ast.AsyncFor)):
            return current
        if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return None
        current = module.parents.get(current)
    return None


def _exit_outside(loop: _Loop, attempts: list[ast.Try]) -> bool:
    """A raise/return/break that is not the success path of an attempt bounds the loop."""
    success: set[int] = set()
    for attempt in attempts:
        for node in walk_body([*attempt.body, *attempt.orelse]):
            success.add(id(node))
    return any(
        isinstance(n, (ast.Raise, ast.Return, ast.Break)) and id(n) not in success
        for n in walk_body(loop.body)
    )


def _paced(module: Module, loop: _Loop) -> bool:
    return any(
        isinstance(n, ast.Call)
        and (module.resolve(n.func) or "") not in _SLEEPS
        and bool(_PAUSE.search(terminal_name(n.func)))
        for n in walk_body(loop.body)
    )


def _tiny_delay(sleep: ast.Call) -> bool:
    delay = sleep.args[0] if sleep.args else None
    return (
        isinstance(delay, ast.Constant)
        and isinstance(delay.value, (int, float))
        and not isinstance(delay.value, bool)
        and delay.value < _TINY_DELAY
    )


def _constant_delay(loop: _Loop, sleep: ast.Call) -> bool:
    if not sleep.args:
        return False
    delay = sleep.args[0]
    if isinstance(delay, ast.Constant):
        return True
    if isinstance(delay, ast.Name):
        assigned = {
            t.id
            for n in walk_body(loop.body)
            if isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign))
            for t in ([*n.targets] if isinstance(n, ast.Assign) else [n.target])
            if isinstance(t, ast.Name)
        }
        loop_vars = (
            {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)}
            if isinstance(loop, (ast.For, ast.AsyncFor))
            else set()
        )
        return delay.id not in assigned | loop_vars
    return False
