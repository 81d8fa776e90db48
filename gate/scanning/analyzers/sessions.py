"""HTTP calls through a `requests.Session` the module created itself, without a timeout.

Rule: eh-network-no-timeout (the same rule as network.py's module-level calls).

network.py trusts session and client methods, because a Session subclass or a wrapper may
inject a timeout. A session this module constructs from `requests.Session()` (or
`requests.session()`) is neither: requests has no session-wide timeout, so every call on
it waits forever unless the call passes one. The receiver is resolved by what it was
assigned, not by its name: a module-level `_http = requests.Session()`, a local, or an
attribute `self.http = requests.Session()` set in any method of the class, then
`self.http.post(...)` in another. A module that patches the session (`s.request =
functools.partial(...)`, `s.send = ...`) or mounts an adapter is trusted, and so is any
call with `**kwargs`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from gate.scanning.analyzers._model import (
    Hit,
    Module,
    call_has_star_kwargs,
    dotted,
    is_none,
    keyword,
    span,
)

_CONSTRUCTORS = frozenset({"requests.Session", "requests.session", "requests.sessions.Session"})
_VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request"})
# Session.request(method, url, params, data, headers, cookies, files, auth, timeout, ...)
_REQUEST_TIMEOUT_POSITION = 8
_PATCHES = frozenset({"request", "send", "get", "post", "put", "patch", "delete"})


def detect(module: Module) -> Iterator[Hit]:
    if module.is_test:
        return
    sessions, others = _bindings(module)
    if not sessions:
        return
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver = _receiver_key(node.func.value)
            if node.func.attr in _VERBS and _is_bound(module, node, receiver, sessions, others):
                yield from _judge(module, node, receiver)


Scoped = set[tuple[int, str]]  # (id of the defining function, 0 for the module; receiver)


def _is_bound(
    module: Module, call: ast.Call, receiver: str, sessions: Scoped, others: Scoped
) -> bool:
    """`self.x` anywhere in the module; a name in its own function, or a module-level name
    that the calling function does not rebind or take as a parameter."""
    if not receiver:
        return False
    if receiver.startswith(("self.", "cls.")):
        return (0, receiver) in sessions and (0, receiver) not in others
    function = module.function_of(call)
    scope = id(function) if function is not None else 0
    if (scope, receiver) in sessions:
        return (scope, receiver) not in others
    if function is not None:
        params = {
            a.arg
            for a in (*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs)
        }
        if receiver in params or (scope, receiver) in others:
            return False
    return (0, receiver) in sessions and (0, receiver) not in others


def _judge(module: Module, call: ast.Call, receiver: str) -> Iterator[Hit]:
    if call_has_star_kwargs(call) or not module.touched(span(call)):
        return
    given = keyword(call, "timeout")
    if given is not None and not is_none(given.value):
        return
    assert isinstance(call.func, ast.Attribute)
    if call.func.attr == "request" and len(call.args) > _REQUEST_TIMEOUT_POSITION:
        if not is_none(call.args[_REQUEST_TIMEOUT_POSITION]):
            return
    shown = receiver
    detail = (
        f"`{shown}.{call.func.attr}(...)` passes timeout=None"
        if given is not None
        else f"`{shown}.{call.func.attr}(...)` is called without a timeout"
    )
    first, last = span(call)
    yield Hit(
        rule_id="eh-network-no-timeout",
        line=first,
        end_line=last,
        col=call.col_offset,
        detail=f"{detail}; `{shown}` is a requests.Session, which has no default timeout.",
    )


def _bindings(module: Module) -> tuple[Scoped, Scoped]:
    """Receivers bound to a plain requests.Session, and receivers bound to anything else
    or patched (`s.request = ...`, `s.mount(...)`): both keyed by defining scope."""
    found: Scoped = set()
    others: Scoped = set()

    def key_of(node: ast.AST, receiver: str) -> tuple[int, str]:
        if receiver.startswith(("self.", "cls.")):
            return 0, receiver
        function = module.function_of(node)
        return (id(function) if function is not None else 0), receiver

    for node in ast.walk(module.tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                receiver = _receiver_key(target)
                if receiver:
                    bucket = found if _is_session(module, node.value) else others
                    bucket.add(key_of(node, receiver))
                if isinstance(target, ast.Attribute) and target.attr in _PATCHES:
                    owner = _receiver_key(target.value)
                    if owner:
                        others.add(key_of(node, owner))
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            receiver = _receiver_key(node.optional_vars)
            if receiver:
                bucket = found if _is_session(module, node.context_expr) else others
                bucket.add(key_of(node, receiver))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "mount":
                owner = _receiver_key(node.func.value)
                if owner:
                    others.add(key_of(node, owner))
    return found, others


def _is_session(module: Module, value: ast.AST) -> bool:
    return isinstance(value, ast.Call) and module.resolve(value.func) in _CONSTRUCTORS


def _receiver_key(expr: ast.AST) -> str:
    """`http` for a name, `self.http` for an attribute of self/cls; '' for anything else."""
    if isinstance(expr, ast.Name):
        return expr.id
    name = dotted(expr) if isinstance(expr, ast.Attribute) else None
    if name and name.count(".") == 1 and name.split(".")[0] in ("self", "cls"):
        return name
    return ""
