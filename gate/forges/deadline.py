"""The overall posting deadline: however a server answers (slowly, in drips, with long
Retry-After), one run's posting to a forge ends within `RetryPolicy.deadline` seconds.

`requests`' read timeout bounds each socket read, not an answer: a server that drips one
byte every few seconds would hold the run for ever. Bodies are therefore read in chunks
against the deadline."""

from __future__ import annotations

import time
from typing import Any

import requests

_CHUNK = 16_384


class DeadlineExceededError(Exception):
    """The posting deadline passed; the message says which request was running."""


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.started = time.monotonic()
        self.slept = 0.0  # sleeps the client asked for (a test's fake sleep does not pass time)

    def remaining(self) -> float:
        return self.seconds - (time.monotonic() - self.started) - self.slept

    def allows(self, wait: float) -> bool:
        return self.remaining() - wait > 0

    def read_body(self, response: requests.Response) -> None:
        """Read a streamed response's body, giving up when the deadline passes."""
        chunks = []
        raw = response.raw
        # read1: whatever has arrived (urllib3 2); a plain read(n) waits for all n bytes
        pieces = (
            iter(lambda: raw.read1(_CHUNK, decode_content=True), b"")
            if hasattr(raw, "read1")
            else response.iter_content(512)
        )
        try:
            for chunk in pieces:
                chunks.append(chunk)
                if self.remaining() <= 0:
                    raise DeadlineExceededError(
                        f"the answer was still arriving after {self.seconds:g}s"
                    )
        finally:
            response.close()
        response._content = b"".join(chunks)  # noqa: SLF001 - requests' own body slot


# --- reading an answer ------------------------------------------------------------


def decode(response: requests.Response) -> Any:
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return None


def api_message(response: requests.Response) -> str:
    """`message` (GitHub) or `error` (GitLab) plus the first `errors[].message`, one line."""
    reason = response.reason or "error"
    data = decode(response)
    if not isinstance(data, dict):
        return str(reason)
    message = str(data.get("message") or data.get("error") or reason)
    errors = data.get("errors")
    if isinstance(errors, list) and errors:
        first = errors[0]
        detail = first.get("message") or first.get("code") if isinstance(first, dict) else first
        if detail:
            message = f"{message}: {detail}"
    return message[:300]
