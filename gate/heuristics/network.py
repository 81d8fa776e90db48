"""Network calls that can hang, responses read without a status check, retry loops.

Rules: eh-network-no-timeout, eh-response-unchecked, eh-retry-unbounded,
eh-retry-no-backoff.

Timeouts are only judged where the call site can prove their absence: module-level
functions and constructors whose default is "wait forever". A call with `**kwargs` may
carry a timeout and is trusted; so are session/client methods (a Session subclass or
wrapper may inject one) and `functools.partial` objects. httpx and aiohttp are only
flagged for `timeout=None`: both libraries apply a finite default timeout.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass

from gate.heuristics._model import (
    Hit,
    Module,
    Scope,
    call_has_star_kwargs,
    is_none,
    scope_nodes,
    span,
    terminal_name,
    walk_body,
    walk_local,
)

_HTTP_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request")


@dataclass(frozen=True, slots=True)
class _TimeoutSpec:
    keywords: tuple[str, ...] = ("timeout",)
    position: int | None = None  # 0-based positional index of the timeout argument
    dsn_keyword: str = ""  # psycopg/redis URLs: a literal DSN may carry the timeout
    default_is_finite: bool = False  # only an explicit None is a problem


_SPECS: dict[str, _TimeoutSpec] = {
    **{f"requests.{verb}": _TimeoutSpec() for verb in _HTTP_VERBS},
    **{f"requests.api.{verb}": _TimeoutSpec() for verb in _HTTP_VERBS},
    **{f"httpx.{verb}": _TimeoutSpec(default_is_finite=True) for verb in (*_HTTP_VERBS, "stream")},
    "httpx.Client": _TimeoutSpec(default_is_finite=True),
    "httpx.AsyncClient": _TimeoutSpec(default_is_finite=True),
    "aiohttp.ClientSession": _TimeoutSpec(default_is_finite=True),
    "urllib.request.urlopen": _TimeoutSpec(position=2),
    "urllib2.urlopen": _TimeoutSpec(position=2),
    "socket.create_connection": _TimeoutSpec(position=1),
    "smtplib.SMTP": _TimeoutSpec(position=3),
    "smtplib.SMTP_SSL": _TimeoutSpec(),
    "smtplib.LMTP": _TimeoutSpec(position=4),
    "ftplib.FTP": _TimeoutSpec(position=4),
    "ftplib.FTP_TLS": _TimeoutSpec(),
    "http.client.HTTPConnection": _TimeoutSpec(position=2),
    "http.client.HTTPSConnection": _TimeoutSpec(),
    "telnetlib.Telnet": _TimeoutSpec(position=2),
    "poplib.POP3": _TimeoutSpec(position=2),
    "imaplib.IMAP4": _TimeoutSpec(),
    "imaplib.IMAP4_SSL": _TimeoutSpec(),
    **{
        name: _TimeoutSpec(keywords=("socket_timeout", "socket_connect_timeout", "connection_pool"))
        for name in ("redis.Redis", "redis.StrictRedis", "redis.client.Redis")
    },
    **{
        name: _TimeoutSpec(
            keywords=("socket_timeout", "socket_connect_timeout"), dsn_keyword="timeout"
        )
        for name in ("redis.from_url", "redis.Redis.from_url", "redis.StrictRedis.from_url")
    },
    **{
        name: _TimeoutSpec(keywords=("connect_timeout",), dsn_keyword="connect_timeout")
        for name in (
            "psycopg.connect",
            "psycopg2.connect",
            "psycopg.Connection.connect",
            "psycopg.AsyncConnection.connect",
        )
    },
}
_REQUEST_FUNCTIONS = frozenset(
    {f"requests.{v}" for v in _HTTP_VERBS} | {f"httpx.{v}" for v in _HTTP_VERBS}
)
_CLIENT_NAME = re.compile(r"(?i)(^|_)(session|sess|client|http|https)$")
_NETWORK_RECEIVER = re.compile(
    r"(?i)(^|_)(session|sess|client|http|https|conn|connection|sock|socket)$"
)
_NETWORK_METHODS = frozenset(
    {*_HTTP_VERBS, "send", "sendall", "recv", "fetch", "urlopen", "connect", "getresponse"}
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
_BODY_ATTRS = frozenset({"json", "text", "content", "iter_content", "iter_lines", "read"})
_STATUS_ATTRS = frozenset(
    {
        "raise_for_status",
        "ok",
        "status_code",
        "status",
        "code",
        "getcode",
        "is_success",
        "is_error",
        "is_client_error",
        "is_server_error",
        "is_redirect",
    }
)
_SLEEPS = frozenset({"time.sleep", "asyncio.sleep", "trio.sleep", "gevent.sleep", "anyio.sleep"})


def detect(module: Module) -> Iterator[Hit]:
    if module.is_test:
        return
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Call):
            yield from _timeout(module, node)
        elif isinstance(node, (ast.While, ast.For, ast.AsyncFor)):
            yield from _retry(module, node)
    for scope in module.scopes():
        yield from _unchecked_responses(module, scope)


# -- timeouts ---------------------------------------------------------------------------


def _timeout(module: Module, call: ast.Call) -> Iterator[Hit]:
    name = module.resolve(call.func)
    spec = _SPECS.get(name or "")
    if spec is None or call_has_star_kwargs(call) or not module.touched(span(call)):
        return
    given = [k for k in call.keywords if k.arg in spec.keywords]
    if any(is_none(k.value) for k in given):
        detail = f"`{name}(...)` passes timeout=None, which disables the timeout."
    elif given or spec.default_is_finite:
        return
    elif spec.position is not None and len(call.args) > spec.position:
        if not is_none(call.args[spec.position]):
            return
        detail = f"`{name}(...)` passes None as the timeout."
    elif spec.dsn_keyword and not _dsn_lacks(call, spec.dsn_keyword):
        return
    else:
        detail = f"`{name}(...)` is called without a timeout."
    first, last = span(call)
    yield Hit(
        rule_id="eh-network-no-timeout",
        line=first,
        end_line=last,
        col=call.col_offset,
        detail=detail,
    )


def _dsn_lacks(call: ast.Call, word: str) -> bool:
    """True only when the DSN is visible and has no timeout: an opaque DSN is trusted."""
    dsn = call.args[0] if call.args else None
    for kw in call.keywords:
        if kw.arg in ("dsn", "conninfo", "url"):
            dsn = kw.value
    if dsn is None:
        return True  # keyword-only connection parameters, none of them a timeout
    return isinstance(dsn, ast.Constant) and isinstance(dsn.value, str) and word not in dsn.value


# -- responses --------------------------------------------------------------------------


def is_request_call(module: Module, expr: ast.AST) -> bool:
    if isinstance(expr, ast.Await):
        expr = expr.value
    if not isinstance(expr, ast.Call):
        return False
    if any(k.arg in ("hooks", "raise_for_status") for k in expr.keywords):
        return False
    if module.resolve(expr.func) in _REQUEST_FUNCTIONS:
        return True
    return (
        isinstance(expr.func, ast.Attribute)
        and expr.func.attr in _HTTP_VERBS
        and bool(_CLIENT_NAME.search(terminal_name(expr.func.value)))
    )


def _unchecked_responses(module: Module, scope: Scope) -> Iterator[Hit]:
    nodes = list(scope_nodes(scope))
    bound: dict[str, ast.AST] = {}
    for node in nodes:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and is_request_call(module, node.value)
        ):
            bound.setdefault(node.targets[0].id, node)
        elif isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name):
            if is_request_call(module, node.context_expr):
                bound.setdefault(node.optional_vars.id, node.context_expr)
        elif (
            isinstance(node, ast.Attribute)
            and node.attr in _BODY_ATTRS - {"read"}
            and is_request_call(module, node.value)
            and module.touched(span(node))
        ):
            line, _ = span(node)
            yield Hit(
                rule_id="eh-response-unchecked",
                line=line,
                end_line=line,
                col=node.col_offset,
                detail="The response is read straight off the call.",
            )
    for name, binding in bound.items():
        uses = sorted(
            (
                n
                for n in nodes
                if isinstance(n, ast.Attribute)
                and isinstance(n.value, ast.Name)
                and n.value.id == name
                and n.attr in _BODY_ATTRS
            ),
            key=lambda n: (n.lineno, n.col_offset),
        )
        if not uses or _status_checked(nodes, name):
            continue
        first_use = uses[0]
        if module.touched(span(binding), *(span(u) for u in uses)):
            yield Hit(
                rule_id="eh-response-unchecked",
                line=first_use.lineno,
                end_line=first_use.lineno,
                col=first_use.col_offset,
                detail=f"`{name}.{first_use.attr}` is read but `{name}`'s status is never checked.",
            )


def _status_checked(nodes: list[ast.AST], name: str) -> bool:
    def is_name(expr: ast.AST | None) -> bool:
        return isinstance(expr, ast.Name) and expr.id == name

    for node in nodes:
        if isinstance(node, ast.Attribute) and is_name(node.value) and node.attr in _STATUS_ATTRS:
            return True
        if isinstance(node, ast.Call) and any(
            is_name(a) or (isinstance(a, ast.Starred) and is_name(a.value)) for a in node.args
        ):
            return True  # handed to a helper that may check it
        if isinstance(node, ast.Call) and any(is_name(k.value) for k in node.keywords):
            return True
        if isinstance(node, (ast.Return, ast.Yield, ast.YieldFrom)) and is_name(node.value):
            return True
        if isinstance(node, (ast.If, ast.While, ast.IfExp, ast.Assert)):
            test = node.test
            if isinstance(test, ast.UnaryOp):
                test = test.operand
            if is_name(test):
                return True  # `if response:` is `response.ok` for requests
        if (
            isinstance(node, ast.Assign)
            and is_name(node.value)
            and not all(isinstance(t, ast.Name) for t in node.targets)
        ):
            return True  # stored on an object: someone else's job
    return False


# -- retry loops ------------------------------------------------------------------------


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
        yield Hit(
            rule_id="eh-retry-no-backoff",
            line=loop.lineno,
            end_line=loop.lineno,
            col=loop.col_offset,
            detail=detail,
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
