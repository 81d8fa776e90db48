"""A small REST client over an injected Session, shared by the GitHub and GitLab clients.

What every request gets: the API base URL, the forge's token header and media type
(`gate.forges.github_client`, `gate.forges.gitlab`) and a timeout.

Retries (bounded by `RetryPolicy`):
- 5xx, connection errors and timeouts: exponential backoff (``backoff * 2**n``, capped);
- 429, and 403 that is a rate limit: wait ``Retry-After`` seconds if given, else until
  ``x-ratelimit-reset`` when ``x-ratelimit-remaining`` is 0, else one minute
  (GitHub's documented rule); if that wait would exceed the remaining wait budget
  the client gives up at once with a message that says when to retry.
Other 4xx are not retried. Sleeping goes through an injectable ``sleep`` so tests never
wait for real.

A POST may have reached the server even though the answer was a 5xx or a timeout.
Callers that must not create a thing twice pass ``recheck``: before each retry it
looks for the thing and, if found, its answer is used instead of posting again.

The token is never printed: it lives in a `_Secret` whose repr is masked, error
messages name only method, path, status and GitHub's message, and every message is
scrubbed of the token before it leaves this module.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlsplit

import requests

from gate.errors import PostError
from gate.forges.deadline import Deadline, DeadlineExceededError
from gate.forges.deadline import api_message as _api_message
from gate.forges.deadline import decode as _decode

log = logging.getLogger("gate.post")

_RETRY_STATUSES = frozenset({500, 502, 503, 504})
_LINK_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="?next"?')
_MAX_PAGES = 100  # 100 pages x 100 items: far beyond any PR, and bounded


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryPolicy:
    attempts: int = 4  # total tries per request, first one included
    backoff: float = 1.0  # first backoff in seconds, doubled each retry
    max_backoff: float = 30.0
    max_wait: float = 120.0  # total seconds one request may spend sleeping
    timeout: float = 15.0  # seconds, connect and read, per try
    default_rate_limit_wait: float = 60.0  # rate limited without Retry-After or reset
    deadline: float = 300.0  # seconds for everything one client posts (gate.forges.deadline)


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiResponse:
    status: int
    data: Any  # decoded JSON, or None when the body is empty
    headers: Mapping[str, str] = field(default_factory=dict)


class ApiError(PostError):
    """An HTTP call that failed for good. `status` is 0 for connection failures."""

    def __init__(self, message: str, *, method: str, path: str, status: int) -> None:
        super().__init__(message)
        self.method = method
        self.path = path
        self.status = status

    @property
    def forbidden(self) -> bool:
        """403: the token may not write here (fork PR, read-only token, missing permission);
        a 403 that is a (secondary) rate limit is not a permission problem."""
        return self.status == 403 and "rate limit" not in str(self).lower()


class _Secret:
    """Holds the token; prints as a mask in reprs, f-strings and tracebacks' locals."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "_Secret('***')"

    __str__ = __repr__


Sleep = Callable[[float], None]
Clock = Callable[[], float]
Recheck = Callable[[], "ApiResponse | None"]


class RestClient:
    """Retry, timeout, pagination and token hygiene shared by the GitHub and GitLab clients."""

    service: ClassVar[str] = "API"

    def __init__(
        self,
        session: requests.Session,
        base_url: str,
        token: str,
        *,
        policy: RetryPolicy | None = None,
        sleep: Sleep = time.sleep,
        clock: Clock = time.time,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise PostError(f"{self.service} URL must be http(s)://host[/path], got {base_url!r}")
        self._session = session
        self.base_url = base_url.rstrip("/")
        self._origin = f"{parts.scheme}://{parts.netloc}"
        token = token.strip()  # a secret read from a file often ends in a newline
        if any(ch.isspace() or not ch.isprintable() for ch in token):
            raise PostError(
                f"{self.service} token contains spaces or control characters; check the secret"
            )
        self._token = _Secret(token)
        self.policy = policy or RetryPolicy()
        self._sleep = sleep
        self._clock = clock
        self._deadline = Deadline(self.policy.deadline)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, token=***)"

    # --- to override ------------------------------------------------------------------

    def _auth_headers(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    def _extra_headers(self) -> dict[str, str]:
        return {}

    # --- public -----------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, str | int] | None = None,
        recheck: Recheck | None = None,
    ) -> ApiResponse:
        """One call with retries; `path` is relative to the base URL or an absolute URL on
        the same host (pagination links). Raises `ApiError` (a `PostError`)."""
        url = self._url(path)
        shown = self._display_path(url)
        waited = 0.0
        attempt = 0
        while True:
            attempt += 1
            if attempt > 1 and recheck is not None:
                found = recheck()
                if found is not None:
                    log.debug(
                        "%s %s: already done by an earlier try; not sent again", method, shown
                    )
                    return found
            try:
                if self._deadline.remaining() <= 0:
                    raise DeadlineExceededError(f"not started: {self.policy.deadline:g}s spent")
                response = self._session.request(
                    method,
                    url,
                    json=json,
                    params=params,
                    headers=self._headers(),
                    timeout=min(self.policy.timeout, max(self._deadline.remaining(), 0.1)),
                    allow_redirects=False,
                    stream=True,
                )
                self._deadline.read_body(response)
            except DeadlineExceededError as exc:
                message = f"posting deadline of {self.policy.deadline:g}s passed ({exc})"
                raise self._error(method, shown, 0, message) from None
            except (requests.ConnectionError, requests.Timeout) as exc:
                problem = (
                    f"{type(exc).__name__}: no answer within {self.policy.timeout:g}s"
                    if isinstance(exc, requests.Timeout)
                    else f"{type(exc).__name__}: connection failed"
                )
                delay = self._backoff(attempt)
                if (
                    attempt >= self.policy.attempts
                    or waited + delay > self.policy.max_wait
                    or not self._deadline.allows(delay)
                ):
                    raise self._error(
                        method, shown, 0, f"{problem} (gave up after {attempt} tries)"
                    ) from None
                log.debug("%s %s: %s; retrying in %.1fs", method, shown, problem, delay)
                waited += delay
                self._deadline.slept += delay
                self._sleep(delay)
                continue
            except requests.RequestException as exc:
                # Invalid URL/header and friends: their text may quote headers, so only
                # the exception's name leaves this module.
                raise self._error(method, shown, 0, f"{type(exc).__name__}") from None

            status = response.status_code
            log.debug("%s %s -> %d", method, shown, status)
            if status < 300:
                return ApiResponse(
                    status=status, data=_decode(response), headers=dict(response.headers)
                )
            message = _api_message(response)
            wait = self._retry_delay(response, attempt)
            if wait is None:
                raise self._error(method, shown, status, message)
            if (
                attempt >= self.policy.attempts
                or waited + wait > self.policy.max_wait
                or not self._deadline.allows(wait)
            ):
                raise self._error(
                    method,
                    shown,
                    status,
                    f"{message} (gave up after {attempt} tries; "
                    f"the server asked to wait {wait:.0f}s)"
                    if status in (403, 429)
                    else f"{message} (gave up after {attempt} tries)",
                )
            log.debug("%s %s: %d; retrying in %.1fs", method, shown, status, wait)
            waited += wait
            self._deadline.slept += wait
            self._sleep(wait)

    def get(self, path: str, params: Mapping[str, str | int] | None = None) -> Any:
        return self.request("GET", path, params=params).data

    def paginate(self, path: str, params: Mapping[str, str | int] | None = None) -> Iterator[Any]:
        """Every item of a list endpoint, following ``Link: <...>; rel="next"``."""
        query: Mapping[str, str | int] | None = {"per_page": 100, **(params or {})}
        next_path: str | None = path
        pages = 0
        while next_path is not None:
            pages += 1
            if pages > _MAX_PAGES:
                raise self._error("GET", self._display_path(self._url(path)), 0, "too many pages")
            page = self.request("GET", next_path, params=query)
            if not isinstance(page.data, list):
                raise self._error("GET", path, page.status, "expected a JSON list")
            yield from page.data
            next_path = _next_link(page.headers)
            query = None  # the next link carries the whole query

    # --- internals --------------------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        return {**self._extra_headers(), **self._auth_headers(self._token.reveal())}

    def _url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            parts = urlsplit(path)
            # Never send the token to another host than the configured API.
            if f"{parts.scheme}://{parts.netloc}" != self._origin:
                raise self._error(
                    "GET", parts.path, 0, f"refusing to follow a link off {self._origin}"
                )
            return path
        return f"{self.base_url}/{path.lstrip('/')}"

    def _display_path(self, url: str) -> str:
        return urlsplit(url).path

    def _backoff(self, attempt: int) -> float:
        return float(min(self.policy.backoff * 2 ** (attempt - 1), self.policy.max_backoff))

    def _retry_delay(self, response: requests.Response, attempt: int) -> float | None:
        """Seconds to wait before retrying, or None when the answer is final."""
        status = response.status_code
        if status in _RETRY_STATUSES:
            return self._backoff(attempt)
        if status not in (403, 429):
            return None
        headers = response.headers
        retry_after = headers.get("retry-after")
        remaining = headers.get("x-ratelimit-remaining")
        if retry_after is not None:
            try:
                return max(float(retry_after), 0.0)
            except ValueError:
                return self.policy.default_rate_limit_wait
        if remaining == "0":
            try:
                return max(float(headers.get("x-ratelimit-reset", "")) - self._clock(), 0.0) + 1
            except ValueError:
                return self.policy.default_rate_limit_wait
        if status == 429 or "rate limit" in _api_message(response).lower():
            return max(self.policy.default_rate_limit_wait, self._backoff(attempt))
        return None  # a plain 403: permission denied, final

    def _error(self, method: str, path: str, status: int, message: str) -> ApiError:
        where = f"{self.service} {method} {path}"
        text = f"{where}: {status} {message}" if status else f"{where}: {message}"
        return ApiError(self._scrub(text), method=method, path=path, status=status)

    def _scrub(self, text: str) -> str:
        token = self._token.reveal()
        one_line = " ".join(text.split())
        return one_line.replace(token, "***") if token else one_line


def _next_link(headers: Mapping[str, str]) -> str | None:
    link = next((v for k, v in headers.items() if k.lower() == "link"), "")
    match = _LINK_NEXT.search(link)
    return match.group(1) if match else None


@dataclass(frozen=True, slots=True, kw_only=True)
class PostResult:
    """What a poster did. A 403 is not a failure: it lands in `denied` and `fallback` is set,
    telling the caller to rely on the job summary + workflow annotations instead."""

    target: str  # "owner/repo#12", "owner/repo@abc1234", "gitlab project 42 !7"
    done: tuple[str, ...] = ()  # "comment created", "check run 7 (120 annotations)", ...
    denied: tuple[str, ...] = ()  # steps refused with 403
    problems: tuple[str, ...] = ()  # non-fatal failures (labels, reviewers), one line each
    comment_url: str = ""
    check_run_id: int = 0

    @property
    def fallback(self) -> bool:
        return bool(self.denied)

    def summary(self) -> str:
        """One line for the log."""
        parts = [f"posted to {self.target}: {', '.join(self.done) or 'nothing'}"]
        if self.denied:
            parts.append(
                f"403 on {', '.join(self.denied)} (fork PR or read-only token): "
                "fell back to job summary + annotations"
            )
        if self.problems:
            parts.append("; ".join(self.problems))
        return "; ".join(parts)
