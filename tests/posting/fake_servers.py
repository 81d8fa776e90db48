"""Stateful fake GitHub and GitLab APIs on 127.0.0.1, in a thread, with failure injection.

`FakeGitHub` checks every request against GitHub's own OpenAPI description
(``../shared/contracts/github-rest/api.github.com.gate-subset.json``): the method and
path must be one of its operations, path and query parameters must fit their schemas,
and the JSON body must validate (OAS 3.0, `OAS30Validator`). Problems are collected in
`violations` (and answered with 422); the test fixtures assert the list is empty, so
every posting test is also a contract test. Two real GitHub endpoints outside the
subset are accepted explicitly (`EXTRA_OPERATIONS`); further operations come from
`tests/posting/contracts/*.json`, each an OpenAPI fragment (``paths`` and, if needed,
``components``) copied from GitHub's published description, with a ``source`` key saying
where it came from. They are merged into the contract before validation.

Spec quirks handled as the contract README says: the ``discriminator`` of
``checks/create`` is dropped before validating; ``nullable`` allows null.

Faults are queued per method + path pattern and consumed in order (`fail`).
"""

from __future__ import annotations

import copy
import json
import re
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from openapi_schema_validator import OAS30Validator

TOKEN = "ghs_TESTtoken0123456789abcdefSECRET"
GITLAB_TOKEN = "glpat-TESTtoken0123456789SECRET"

# Real GitHub endpoints gate uses that the contract subset does not include.
EXTRA_OPERATIONS = {
    ("DELETE", "/repos/{owner}/{repo}/issues/comments/{comment_id}"): "issues/delete-comment",
    ("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/comments"): "pulls/list-review-comments",
}


@dataclass
class Fault:
    kind: str  # status | after | reset | slow
    status: int = 500
    headers: dict[str, str] = field(default_factory=dict)
    message: str = ""
    delay: float = 0.0

    @classmethod
    def error(cls, status: int, message: str = "", **headers: str) -> Fault:
        return cls("status", status, dict(headers), message or f"Server Error {status}")

    @classmethod
    def after(cls, status: int) -> Fault:
        """Do the work, then answer with an error (the client cannot know it worked)."""
        return cls("after", status, message=f"Server Error {status}")

    @classmethod
    def rate_limited(cls, status: int = 403, **headers: str) -> Fault:
        return cls(
            "status",
            status,
            {k.replace("_", "-"): v for k, v in headers.items()},
            "You have exceeded a secondary rate limit. Please wait a few minutes before you "
            "try again.",
        )

    @classmethod
    def forbidden(cls) -> Fault:
        return cls("status", 403, message="Resource not accessible by integration")

    @classmethod
    def reset(cls) -> Fault:
        return cls("reset")

    @classmethod
    def slow(cls, seconds: float) -> Fault:
        return cls("slow", delay=seconds)

    @classmethod
    def drip(cls, seconds: float) -> Fault:
        """Answer 200 with a long body, one byte every `seconds` (each read is quick)."""
        return cls("drip", delay=seconds)


@dataclass
class _Queued:
    method: str
    pattern: re.Pattern[str]
    fault: Fault
    times: int | None  # None: forever


Reply = tuple[int, Any, dict[str, str]]


class FakeServer:
    """Threaded HTTP server with request log, fault queue and a `handle` hook."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix.rstrip("/")
        self.requests: list[tuple[str, str, Any]] = []
        self.violations: list[str] = []
        self._faults: list[_Queued] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def origin(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def base_url(self) -> str:
        return self.origin + self.prefix

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def fail(self, method: str, path: str, *faults: Fault, forever: Fault | None = None) -> None:
        """Queue faults for requests whose path (after the prefix) matches regex `path`."""
        pattern = re.compile(path)
        with self._lock:
            self._faults.extend(_Queued(method, pattern, f, 1) for f in faults)
            if forever is not None:
                self._faults.append(_Queued(method, pattern, forever, None))

    def calls(self, method: str, path: str = "") -> list[tuple[str, str, Any]]:
        return [r for r in self.requests if r[0] == method and re.search(path, r[1])]

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for queued in self._faults:
                if queued.method == method and queued.pattern.search(path):
                    if queued.times is not None:
                        self._faults.remove(queued)
                    return queued.fault
        return None

    def handle(
        self, method: str, path: str, query: dict[str, str], body: Any, headers: Any
    ) -> Reply:
        raise NotImplementedError

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = "<not json>"
                path = parts.path
                if server.prefix and path.startswith(server.prefix + "/"):
                    path = path[len(server.prefix) :]
                elif server.prefix:
                    server.violations.append(
                        f"{self.command} {parts.path}: missing {server.prefix}"
                    )
                query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                server.requests.append((self.command, path, body))
                fault = server._take_fault(self.command, path)
                if fault is not None and fault.kind == "reset":
                    # RST instead of an answer: the client sees "connection reset".
                    self.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                    self.close_connection = True
                    return
                if fault is not None and fault.kind == "slow":
                    time.sleep(fault.delay)
                if fault is not None and fault.kind == "drip":
                    self._drip(fault.delay)
                    return
                if fault is not None and fault.kind == "status":
                    self._reply(fault.status, {"message": fault.message}, fault.headers)
                    return
                status, payload, headers = server.handle(
                    self.command, path, query, body, self.headers
                )
                if fault is not None and fault.kind == "after":
                    status, payload, headers = fault.status, {"message": fault.message}, {}
                self._reply(status, payload, headers)

            def _drip(self, delay: float) -> None:
                data = b"[" + b" " * 10_000 + b"]"
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    for index in range(len(data)):
                        self.wfile.write(data[index : index + 1])
                        self.wfile.flush()
                        time.sleep(delay)
                except OSError:  # the client gave up: that is the point
                    self.close_connection = True

            def _reply(self, status: int, payload: Any, headers: dict[str, str]) -> None:
                data = b"" if payload is None else json.dumps(payload).encode()
                if self.wfile.closed:
                    return
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                try:
                    self.wfile.write(data)
                except OSError:  # the client gave up (timeout test): nothing to tell it
                    self.close_connection = True

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

        return Handler


# --- GitHub ---------------------------------------------------------------------------


def _resolve(node: Any, doc: dict[str, Any], depth: int = 0) -> Any:
    """Inline `#/components/...` refs; drop `discriminator` (spec quirk)."""
    if depth > 40:
        return {}
    if isinstance(node, dict):
        if "$ref" in node:
            target: Any = doc
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            return _resolve(target, doc, depth + 1)
        return {k: _resolve(v, doc, depth + 1) for k, v in node.items() if k != "discriminator"}
    if isinstance(node, list):
        return [_resolve(v, doc, depth + 1) for v in node]
    return node


@dataclass
class _Operation:
    method: str
    template: str
    operation_id: str
    regex: re.Pattern[str]
    names: tuple[str, ...]
    parameters: list[dict[str, Any]]
    body_schema: dict[str, Any] | None


def _operations(doc: dict[str, Any]) -> list[_Operation]:
    found: list[_Operation] = []
    entries = [
        (method.upper(), template, op)
        for template, item in doc["paths"].items()
        for method, op in item.items()
        if method in ("get", "post", "patch", "put", "delete")
    ]
    entries += [(m, t, {"operationId": oid}) for (m, t), oid in EXTRA_OPERATIONS.items()]
    for method, template, op in entries:
        names = tuple(re.findall(r"{(\w+)}", template))
        regex = re.compile("^" + re.sub(r"{\w+}", "([^/]+)", template) + "$")
        body = _resolve(op.get("requestBody"), doc)
        schema = (body or {}).get("content", {}).get("application/json", {}).get("schema")
        params = [_resolve(p, doc) for p in op.get("parameters", [])]
        found.append(_Operation(method, template, op["operationId"], regex, names, params, schema))
    return found


EXTRA_CONTRACTS = Path(__file__).parent / "contracts"


def _with_extra_contracts(doc: dict[str, Any]) -> dict[str, Any]:
    """The contract plus the operations of `EXTRA_CONTRACTS` (see the module docstring)."""
    for fragment_file in sorted(EXTRA_CONTRACTS.glob("*.json")):
        fragment = json.loads(fragment_file.read_text(encoding="utf-8"))
        for template, item in fragment.get("paths", {}).items():
            doc["paths"].setdefault(template, {}).update(item)
        for section, entries in fragment.get("components", {}).items():
            for name, value in entries.items():
                doc.setdefault("components", {}).setdefault(section, {}).setdefault(name, value)
    return doc


def _example(doc: dict[str, Any], name: str) -> Any:
    return copy.deepcopy(doc["components"]["examples"][name]["value"])


class FakeGitHub(FakeServer):
    def __init__(self, spec: Path, prefix: str = "", token: str = TOKEN) -> None:
        super().__init__(prefix)
        self.doc: dict[str, Any] = _with_extra_contracts(
            json.loads(spec.read_text(encoding="utf-8"))
        )
        self.ops = _operations(self.doc)
        self.token = token
        self.deny_writes = False
        self.pull_heads: dict[int, str] = {}  # pulls/get: head sha per PR number
        self.comments: dict[int, dict[str, Any]] = {}
        self.check_runs: dict[int, dict[str, Any]] = {}
        self.statuses: list[dict[str, Any]] = []
        self.labels: dict[int, list[str]] = {}
        self.reviewer_requests: list[dict[str, Any]] = []
        self.reviews: list[dict[str, Any]] = []
        self.review_comments: list[dict[str, Any]] = []
        self.pr_reviews: dict[int, list[dict[str, Any]]] = {}  # pulls/list-reviews
        self.commits: dict[int, list[dict[str, Any]]] = {}  # pulls/list-commits
        self.teams: dict[str, list[str]] = {}  # "org/slug" -> logins; absent: 404
        self.login = "github-actions[bot]"  # who the token posts as (GITHUB_TOKEN)
        self._ids = 1000
        self._current_path = ""

    def _next_id(self) -> int:
        with self._lock:
            self._ids += 1
            return self._ids

    def add_comment(self, issue: int, body: str, login: str = "someone") -> int:
        comment = _example(self.doc, "issue-comment")
        comment_id = self._next_id()
        comment.update(id=comment_id, body=body, issue=issue)
        comment["user"]["login"] = login
        self.comments[comment_id] = comment
        return comment_id

    def comments_on(self, issue: int) -> list[dict[str, Any]]:
        return [c for c in self.comments.values() if c["issue"] == issue]

    # --- validation ---------------------------------------------------------------------

    def _check(
        self, method: str, path: str, query: dict[str, str], body: Any, headers: Any
    ) -> tuple[_Operation | None, dict[str, str]]:
        where = f"{method} {path}"
        if headers.get("Authorization") != f"Bearer {self.token}":
            self.violations.append(f"{where}: missing or wrong Authorization header")
        if headers.get("Accept") != "application/vnd.github+json":
            self.violations.append(f"{where}: Accept is {headers.get('Accept')!r}")
        if headers.get("X-GitHub-Api-Version") != "2022-11-28":
            self.violations.append(f"{where}: X-GitHub-Api-Version missing")
        for op in self.ops:
            match = op.regex.match(path) if op.method == method else None
            if match is None:
                continue
            values = dict(zip(op.names, match.groups(), strict=True))
            for param in op.parameters:
                source = (
                    values if param["in"] == "path" else query if param["in"] == "query" else None
                )
                if source is None or param["name"] not in source:
                    continue
                value: Any = source[param["name"]]
                if param.get("schema", {}).get("type") == "integer":
                    if not re.fullmatch(r"\d+", value):
                        self.violations.append(f"{where}: {param['name']}={value!r} not an integer")
                        continue
                    value = int(value)
                errors = list(OAS30Validator(param.get("schema", {})).iter_errors(value))
                if errors:
                    self.violations.append(f"{where}: {param['name']}: {errors[0].message}")
            if "per_page" in query and int(query["per_page"]) > 100:
                self.violations.append(f"{where}: per_page over GitHub's maximum of 100")
            if op.body_schema is not None:
                if body is None:
                    self.violations.append(f"{where}: JSON body required")
                else:
                    for error in OAS30Validator(op.body_schema).iter_errors(body):
                        self.violations.append(
                            f"{where} ({op.operation_id}): {error.message[:300]}"
                        )
            elif body is not None:
                self.violations.append(f"{where}: unexpected body")
            return op, values
        self.violations.append(f"{where}: not an operation of the contract")
        return None, {}

    # --- behaviour ----------------------------------------------------------------------

    def handle(
        self, method: str, path: str, query: dict[str, str], body: Any, headers: Any
    ) -> Reply:
        before = len(self.violations)
        op, values = self._check(method, path, query, body, headers)
        self._current_path = path
        if op is None:
            return 404, {"message": "Not Found"}, {}
        if len(self.violations) > before:
            return (
                422,
                {"message": "Validation Failed", "errors": [{"message": self.violations[-1]}]},
                {},
            )
        if self.deny_writes and method != "GET":
            return 403, {"message": "Resource not accessible by integration"}, {}
        handler: Callable[..., Reply] = getattr(self, "_" + re.sub(r"\W", "_", op.operation_id))
        return handler(values, query, body, headers)

    def _issues_list_comments(self, v: dict[str, str], q: dict[str, str], _b: Any, h: Any) -> Reply:
        items = sorted(self.comments_on(int(v["issue_number"])), key=lambda c: int(c["id"]))
        return self._page(items, q, h)

    def _pulls_list_review_comments(
        self, v: dict[str, str], q: dict[str, str], _b: Any, h: Any
    ) -> Reply:
        items = [c for c in self.review_comments if c["pull"] == int(v["pull_number"])]
        return self._page(items, q, h)

    def _page(self, items: list[dict[str, Any]], q: dict[str, str], h: Any) -> Reply:
        per_page = int(q.get("per_page", 30))
        page = int(q.get("page", 1))
        chunk = items[(page - 1) * per_page : page * per_page]
        headers: dict[str, str] = {}
        last = max((len(items) + per_page - 1) // per_page, 1)
        if page < last:
            base = f"http://{h['Host']}{self.prefix}{self._current_path}"
            headers["Link"] = (
                f'<{base}?per_page={per_page}&page={page + 1}>; rel="next", '
                f'<{base}?per_page={per_page}&page={last}>; rel="last"'
            )
        return (
            200,
            [{k: v for k, v in c.items() if k not in ("issue", "pull")} for c in chunk],
            headers,
        )

    def _issues_create_comment(self, v: dict[str, str], _q: Any, b: Any, _h: Any) -> Reply:
        comment_id = self.add_comment(int(v["issue_number"]), b["body"], login=self.login)
        return 201, {k: c for k, c in self.comments[comment_id].items() if k != "issue"}, {}

    def _issues_update_comment(self, v: dict[str, str], _q: Any, b: Any, _h: Any) -> Reply:
        comment = self.comments.get(int(v["comment_id"]))
        if comment is None:
            return 404, {"message": "Not Found"}, {}
        comment["body"] = b["body"]
        return 200, {k: c for k, c in comment.items() if k != "issue"}, {}

    def _issues_delete_comment(self, v: dict[str, str], _q: Any, _b: Any, _h: Any) -> Reply:
        if self.comments.pop(int(v["comment_id"]), None) is None:
            return 404, {"message": "Not Found"}, {}
        return 204, None, {}

    def _checks_create(self, v: dict[str, str], _q: Any, b: Any, _h: Any) -> Reply:
        run_id = self._next_id()
        output = dict(b.get("output") or {})
        self.check_runs[run_id] = {**b, "annotations": list(output.pop("annotations", []))}
        return 201, self._check_run_json(run_id), {}

    def _checks_update(self, v: dict[str, str], _q: Any, b: Any, _h: Any) -> Reply:
        run = self.check_runs.get(int(v["check_run_id"]))
        if run is None:
            return 404, {"message": "Not Found"}, {}
        output = dict(b.get("output") or {})
        run["annotations"].extend(output.pop("annotations", []))  # GitHub appends
        run["output"] = {**run.get("output", {}), **output}
        run.update({k: val for k, val in b.items() if k != "output"})
        return 200, self._check_run_json(int(v["check_run_id"])), {}

    def _check_run_json(self, run_id: int) -> dict[str, Any]:
        run = self.check_runs[run_id]
        data = _example(self.doc, "check-run")
        data.update(id=run_id, head_sha=run["head_sha"], name=run["name"])
        data.update(status=run.get("status", "completed"), conclusion=run.get("conclusion"))
        data["output"].update(
            title=run["output"]["title"],
            summary=run["output"]["summary"],
            annotations_count=len(run["annotations"]),
        )
        return data  # type: ignore[no-any-return]

    def _repos_create_commit_status(self, v: dict[str, str], _q: Any, b: Any, _h: Any) -> Reply:
        self.statuses.append({**b, "sha": v["sha"]})
        data = _example(self.doc, "status")
        data.update(state=b["state"], description=b.get("description"), context=b.get("context"))
        return 201, data, {}

    def _issues_add_labels(self, v: dict[str, str], _q: Any, b: Any, _h: Any) -> Reply:
        names = self.labels.setdefault(int(v["issue_number"]), [])
        names.extend(n for n in b["labels"] if n not in names)
        template = _example(self.doc, "label-items")[0]
        return 200, [{**template, "name": n} for n in names], {}

    def _pulls_get(self, v: dict[str, str], _q: Any, _b: Any, _h: Any) -> Reply:
        number = int(v["pull_number"])
        if number not in self.pull_heads:
            return 404, {"message": "Not Found"}, {}
        pull = _example(self.doc, "pull-request")
        pull["number"] = number
        pull["head"]["sha"] = self.pull_heads[number]
        return 200, pull, {}

    def _pulls_request_reviewers(self, v: dict[str, str], _q: Any, b: Any, _h: Any) -> Reply:
        self.reviewer_requests.append(b)
        return 201, _example(self.doc, "pull-request-review-request"), {}

    def _pulls_create_review(self, v: dict[str, str], _q: Any, b: Any, _h: Any) -> Reply:
        self.reviews.append(b)
        for comment in b.get("comments", []):
            self.review_comments.append(
                {
                    **comment,
                    "id": self._next_id(),
                    "pull": int(v["pull_number"]),
                    "user": {"login": self.login, "type": "Bot"},  # the token's identity
                }
            )
        return 200, _example(self.doc, "pull-request-review"), {}

    # --- operations from tests/posting/contracts/ (reviews, labels, routing) -----------

    def _pulls_list_reviews(self, v: dict[str, str], q: dict[str, str], _b: Any, h: Any) -> Reply:
        return self._page(list(self.pr_reviews.get(int(v["pull_number"]), [])), q, h)

    def _pulls_list_commits(self, v: dict[str, str], q: dict[str, str], _b: Any, h: Any) -> Reply:
        return self._page(list(self.commits.get(int(v["pull_number"]), [])), q, h)

    def _teams_list_members_in_org(
        self, v: dict[str, str], q: dict[str, str], _b: Any, h: Any
    ) -> Reply:
        team = f"{v['org']}/{v['team_slug']}"
        if team not in self.teams:
            return 404, {"message": "Not Found"}, {}
        return self._page([{"login": m} for m in self.teams[team]], q, h)

    def _issues_list_labels_on_issue(
        self, v: dict[str, str], q: dict[str, str], _b: Any, h: Any
    ) -> Reply:
        template = _example(self.doc, "label-items")[0]
        names = self.labels.get(int(v["issue_number"]), [])
        return self._page([{**template, "name": n} for n in names], q, h)

    def _issues_remove_label(self, v: dict[str, str], _q: Any, _b: Any, _h: Any) -> Reply:
        names = self.labels.get(int(v["issue_number"]), [])
        name = unquote(v["name"])
        if name not in names:
            return 404, {"message": "Label does not exist"}, {}
        names.remove(name)
        template = _example(self.doc, "label-items")[0]
        return 200, [{**template, "name": n} for n in names], {}

    def _pulls_update_review_comment(self, v: dict[str, str], _q: Any, b: Any, _h: Any) -> Reply:
        for comment in self.review_comments:
            if comment["id"] == int(v["comment_id"]):
                comment["body"] = b["body"]
                return 200, {k: c for k, c in comment.items() if k != "pull"}, {}
        return 404, {"message": "Not Found"}, {}

    def _checks_list_for_ref(self, v: dict[str, str], q: dict[str, str], _b: Any, _h: Any) -> Reply:
        runs = [
            self._check_run_json(run_id)
            for run_id, run in sorted(self.check_runs.items(), reverse=True)
            if run["head_sha"] == v["ref"] and run["name"] == q.get("check_name", run["name"])
        ]
        return 200, {"total_count": len(runs), "check_runs": runs[:1]}, {}


# --- GitLab ---------------------------------------------------------------------------

_NOTES = re.compile(r"^/projects/([^/]+)/merge_requests/(\d+)/notes(?:/(\d+))?$")


class FakeGitLab(FakeServer):
    def __init__(self, token: str = GITLAB_TOKEN) -> None:
        super().__init__("/api/v4")
        self.token = token
        self.username = "project_1_bot_gate"  # who the token posts as
        self.notes: dict[int, dict[str, Any]] = {}
        self._ids = 500

    def add_note(self, iid: int, body: str, username: str = "someone") -> int:
        self._ids += 1
        self.notes[self._ids] = {
            "id": self._ids,
            "body": body,
            "iid": iid,
            "system": False,
            "author": {"username": username},
        }
        return self._ids

    def handle(
        self, method: str, path: str, query: dict[str, str], body: Any, headers: Any
    ) -> Reply:
        if headers.get("PRIVATE-TOKEN") != self.token:
            self.violations.append(f"{method} {path}: missing PRIVATE-TOKEN")
            return 401, {"message": "401 Unauthorized"}, {}
        if method == "GET" and path == "/user":  # the token's own user
            return 200, {"id": 77, "username": self.username}, {}
        match = _NOTES.match(path)
        if match is None:
            self.violations.append(f"{method} {path}: unknown endpoint")
            return 404, {"message": "404 Not Found"}, {}
        iid, note_id = int(match.group(2)), match.group(3)
        if method == "GET" and note_id is None:
            items = [n for n in self.notes.values() if n["iid"] == iid]
            per_page, page = int(query.get("per_page", 20)), int(query.get("page", 1))
            headers_out = {}
            if page * per_page < len(items):
                here = f"http://{headers['Host']}{self.prefix}{path}"
                next_url = f"{here}?per_page={per_page}&page={page + 1}"
                headers_out["Link"] = f'<{next_url}>; rel="next"'
            chunk = items[(page - 1) * per_page : page * per_page]
            return 200, chunk, headers_out
        if method == "POST" and note_id is None:
            if not isinstance(body, dict) or not isinstance(body.get("body"), str):
                self.violations.append("POST notes: body required")
                return 400, {"message": "body is missing"}, {}
            new_id = self.add_note(iid, body["body"], username=self.username)
            return 201, self.notes[new_id], {}
        if method == "PUT" and note_id is not None and int(note_id) in self.notes:
            self.notes[int(note_id)]["body"] = body["body"]
            return 200, self.notes[int(note_id)], {}
        if method == "DELETE" and note_id is not None and int(note_id) in self.notes:
            del self.notes[int(note_id)]
            return 204, None, {}
        self.violations.append(f"{method} {path}: not a notes operation")
        return 404, {"message": "404 Not Found"}, {}
