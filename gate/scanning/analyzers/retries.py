"""Retry loops around network calls: unbounded, or without backoff.

Rules: eh-retry-unbounded, eh-retry-no-backoff.

A retry loop is `while True` or `for attempt in range(n)` / `itertools.count()` whose
body has a try around a network call and a handler that neither raises, returns nor
breaks. `for page in range(n)` whose counter feeds the call is pagination, not a retry.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from gate.findings import Severity
from gate.scanning.analyzers._model import Hit, Module, span, terminal_name, walk_body, walk_local
from gate.scanning.analyzers.network import HTTP_VERBS

_NETWORK_RECEIVER = re.compile(
    r"(?i)(^|_)(session|sess|client|http|https|conn|connection|sock|socket)$"
)
_NETWORK_METHODS = frozenset(
    {*HTTP_VERBS, "send", "sendall", "recv", "fetch", "urlopen", "connect", "getresponse"}
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
)
_SLEEPS = frozenset({"time.sleep", "asyncio.sleep", "trio.sleep", "gevent.sleep", "anyio.sleep"})


def detect(module: Module) -> Iterator[Hit]:
    if module.is_test:
        return
    for node in ast.walk(module.tree):
        if isinstance(node, (ast.While, ast.For, ast.AsyncFor)):
            yield from _retry(module, node)


def is_network_call(module: Module, call: ast.Call) -> bool:
    name = module.resolve(call.func) or ""
    if name.startswith(_NETWORK_MODULES):
        return True
    return (
        isinstance(call.func, ast.Attribute)
        and call.func.attr in _NETWORK_METHODS
        and bool(_NETWORK_RECEIVER.search(terminal_name(call.func.value)))
    )


def _retry(module: Module, loop: ast.While | ast.For | ast.AsyncFor) -> Iterator[Hit]:
    forever = isinstance(loop, ast.While) and _always_true(loop.test)
    if isinstance(loop, ast.While) and not forever:
        return
    if isinstance(loop, (ast.For, ast.AsyncFor)) and not _retry_iterator(module, loop):
        return
    tries = [
        node
        for node in walk_body(loop.body)
        if isinstance(node, ast.Try)
        and any(
            isinstance(c, ast.Call) and is_network_call(module, c) for c in walk_body(node.body)
        )
        and _innermost_loop(module, node) is loop
    ]
    retrying = [
        (attempt, handler)
        for attempt in tries
        for handler in attempt.handlers
        if not any(
            isinstance(n, (ast.Raise, ast.Return, ast.Break)) for n in walk_body(handler.body)
        )
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
    if not sleeps or all(_constant_delay(loop, s) for s in sleeps):
        detail = (
            "The loop retries immediately, with no sleep at all."
            if not sleeps
            else "The loop sleeps for the same fixed delay before every retry."
        )
        # no pause at all hammers the peer at full speed: stronger evidence than a fixed delay
        yield Hit(
            rule_id="eh-retry-no-backoff",
            line=loop.lineno,
            end_line=loop.lineno,
            col=loop.col_offset,
            detail=detail,
            severity=None if sleeps else Severity.MEDIUM,
        )


def _always_true(test: ast.expr) -> bool:
    return isinstance(test, ast.Constant) and bool(test.value)


def _retry_iterator(module: Module, loop: ast.For | ast.AsyncFor) -> bool:
    """`for attempt in range(n)` / itertools.count(): attempts, not items of data."""
    iterator = loop.iter
    if not isinstance(iterator, ast.Call):
        return False
    name = module.resolve(iterator.func) or ""
    if name not in ("range", "itertools.count"):
        return False
    # the attempt number must not feed the network call itself (then it is pagination)
    target = loop.target.id if isinstance(loop.target, ast.Name) else ""
    for node in walk_body(loop.body):
        if isinstance(node, ast.Call) and is_network_call(module, node):
            if any(isinstance(n, ast.Name) and n.id == target for n in walk_local(node)):
                return False
    return True


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


def _exit_outside(loop: ast.While | ast.For | ast.AsyncFor, attempts: list[ast.Try]) -> bool:
    """A raise/return/break that is not the success path of an attempt bounds the loop."""
    success: set[int] = set()
    for attempt in attempts:
        for node in walk_body([*attempt.body, *attempt.orelse]):
            success.add(id(node))
    return any(
        isinstance(n, (ast.Raise, ast.Return, ast.Break)) and id(n) not in success
        for n in walk_body(loop.body)
    )


def _constant_delay(loop: ast.While | ast.For | ast.AsyncFor, sleep: ast.Call) -> bool:
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
