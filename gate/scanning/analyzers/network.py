"""Network calls that can hang and responses read without a status check.

Rules: eh-network-no-timeout, eh-response-unchecked (retry loops: retries.py).

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

from gate.scanning.analyzers._model import (
    Hit,
    Module,
    Scope,
    call_has_star_kwargs,
    is_none,
    scope_nodes,
    span,
    terminal_name,
)

HTTP_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request")


@dataclass(frozen=True, slots=True)
class _TimeoutSpec:
    keywords: tuple[str, ...] = ("timeout",)
    position: int | None = None  # 0-based positional index of the timeout argument
    dsn_keyword: str = ""  # psycopg/redis URLs: a literal DSN may carry the timeout
    default_is_finite: bool = False  # only an explicit None is a problem


_SPECS: dict[str, _TimeoutSpec] = {
    **{f"requests.{verb}": _TimeoutSpec() for verb in HTTP_VERBS},
    **{f"requests.api.{verb}": _TimeoutSpec() for verb in HTTP_VERBS},
    **{f"httpx.{verb}": _TimeoutSpec(default_is_finite=True) for verb in (*HTTP_VERBS, "stream")},
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
    {f"requests.{v}" for v in HTTP_VERBS} | {f"httpx.{v}" for v in HTTP_VERBS}
)
_CLIENT_NAME = re.compile(r"(?i)(^|_)(session|sess|client|http|https)$")
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


def detect(module: Module) -> Iterator[Hit]:
    if module.is_test:
        return
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Call):
            yield from _timeout(module, node)
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
        and expr.func.attr in HTTP_VERBS
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
