"""GitHub Actions' log: nothing from the PR becomes a workflow command.

The runner reads every line a step prints (stdout and stderr) and acts on `::command::`
lines (after leading blanks) and on the legacy `##[command]` form anywhere in a line. A
file name, a snippet or a message from the PR can land at the start of a line (rich
wraps long lines too), so under `GITHUB_ACTIONS=true` gate:

1. prints `::stop-commands::<token>` first (a random token per run, never printed
   elsewhere, so the PR cannot guess it to resume processing) and `::<token>::` last;
2. neutralises, on both streams, every line that would still parse as a command (a zero
   width space after the first colon, inside `##[`), in case the streams interleave;
3. lets only gate's own code emit commands, through `own_commands()`, which resumes
   processing for exactly those lines and stops it again with a fresh token.
"""

from __future__ import annotations

import atexit
import io
import os
import re
import secrets
import stat
import sys
from collections.abc import Mapping
from typing import IO, Any

_ZWSP = "\u200b".encode()
_LINE_END = re.compile(rb"(\r\n|\r|\n)")
_LEGACY = re.compile(rb"##\[")


def neutralise(line: bytes) -> bytes:
    """One line (no line end) that the runner will not take for a workflow command."""
    stripped = line.lstrip()
    if stripped.startswith(b"::"):
        cut = len(line) - len(stripped)
        line = line[:cut] + b":" + _ZWSP + stripped[1:]
    return _LEGACY.sub(b"#" + _ZWSP + b"#[", line)


def neutralise_text(text: str) -> str:
    data = text.encode("utf-8", "surrogateescape")
    parts = _LINE_END.split(data)
    out = b"".join(p if i % 2 else neutralise(p) for i, p in enumerate(parts))
    return out.decode("utf-8", "surrogateescape")


class _Neutralising(io.RawIOBase):
    """A binary writer that neutralises each line before it reaches `target`."""

    def __init__(self, target: IO[bytes]) -> None:
        super().__init__()
        self.target, self.pending, self.mid_line = target, b"", False

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.pending += chunk
        parts = _LINE_END.split(self.pending)
        self.pending = parts.pop()  # the unfinished line
        out = bytearray()
        for index, part in enumerate(parts):
            if index % 2:
                out += part
                self.mid_line = False
            else:
                out += part if self.mid_line else neutralise(part)
        self.target.write(bytes(out))
        return len(chunk)

    def flush(self) -> None:
        if self.pending:  # a partial line: its start is decided now
            self.target.write(self.pending if self.mid_line else neutralise(self.pending))
            self.pending, self.mid_line = b"", True
        self.target.flush()


class WorkflowLog:
    """The step's log under GitHub Actions (see the module docstring)."""

    def __init__(self, stdout: IO[str], stderr: IO[str]) -> None:
        self.raw_out, self.raw_err = stdout, stderr
        self.marker = stdout  # the stream the stop/resume markers go to
        self.token = ""

    def protect(self) -> None:
        """Wrap the streams that reach the log; a stream redirected to a file (`> out.json`)
        is the user's data, not the log, and is left byte for byte as gate wrote it."""
        out_is_log, err_is_log = _is_log(self.raw_out), _is_log(self.raw_err)
        if not (out_is_log or err_is_log):
            return
        self.marker = self.raw_out if out_is_log else self.raw_err
        self.token = secrets.token_hex(16)
        self.marker.write(f"::stop-commands::{self.token}\n")
        self.marker.flush()
        if out_is_log:
            sys.stdout = _wrap(self.raw_out)
        if err_is_log:
            sys.stderr = _wrap(self.raw_err)
        atexit.register(self.close)

    def own_commands(self, text: str) -> None:
        """Workflow commands gate itself composed (annotations): processed by the runner."""
        if not text:
            return
        sys.stdout.flush()
        sys.stderr.flush()
        if not self.token:
            self.raw_out.write(text if text.endswith("\n") else text + "\n")
            self.raw_out.flush()
            return
        resume, self.token = self.token, secrets.token_hex(16)
        body = text if text.endswith("\n") else text + "\n"
        if self.marker is self.raw_out:
            self.raw_out.write(f"::{resume}::\n{body}::stop-commands::{self.token}\n")
            self.raw_out.flush()
            return
        self.marker.write(f"::{resume}::\n")  # stdout is a file: the commands go there
        self.marker.flush()
        self.raw_out.write(body)
        self.raw_out.flush()
        self.marker.write(f"::stop-commands::{self.token}\n")
        self.marker.flush()

    def close(self) -> None:
        if not self.token:
            return
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        self.marker.write(f"::{self.token}::\n")
        self.marker.flush()
        self.token = ""


def _is_log(stream: IO[str]) -> bool:
    """Whether the stream goes to the runner's log (a pipe or terminal), not a file."""
    try:
        return not stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False


def _wrap(stream: IO[str]) -> IO[str]:
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        return stream
    raw: Any = _Neutralising(buffer)
    return io.TextIOWrapper(
        raw,
        encoding=getattr(stream, "encoding", None) or "utf-8",
        errors="backslashreplace",
        line_buffering=True,
        write_through=True,
    )


_LOG: WorkflowLog | None = None


def in_actions(environ: Mapping[str, str]) -> bool:
    return environ.get("GITHUB_ACTIONS") == "true"


def protect_log(environ: Mapping[str, str] = os.environ) -> None:
    """Under GitHub Actions: stop command processing for everything gate prints."""
    global _LOG
    if _LOG is None and in_actions(environ):
        _LOG = WorkflowLog(sys.stdout, sys.stderr)
        _LOG.protect()


def own_commands(text: str) -> None:
    """Print workflow commands gate composed itself (escaped annotations)."""
    if _LOG is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        _LOG.own_commands(text)
