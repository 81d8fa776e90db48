"""Scanner subprocesses that never outlive gate: each runs in its own process group,
which is killed on a timeout, on any exception (Ctrl-C, SIGTERM turned into SystemExit)
and by `kill_all()` (gate's SIGTERM handler), so an engine's own children (`semgrep`
starts `semgrep-core`) go too."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

_LIVE: set[int] = set()
_LOCK = threading.Lock()


def run_process(
    command: Sequence[str],
    *,
    cwd: str | Path,
    timeout: float,
    env: Mapping[str, str] | None = None,
) -> tuple[int, bytes, bytes]:
    """(exit code, stdout, stderr); `subprocess.TimeoutExpired` after killing the group."""
    with subprocess.Popen(  # noqa: S603 - fixed argv, no shell
        list(command),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env=dict(env) if env is not None else None,
    ) as process:
        with _LOCK:
            _LIVE.add(process.pid)
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except BaseException:
            _kill_group(process.pid)
            process.kill()
            process.communicate()
            raise
        finally:
            with _LOCK:
                _LIVE.discard(process.pid)
        _kill_group(process.pid)  # anything the engine left behind in its group
        return process.returncode, stdout, stderr


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass


def kill_all() -> None:
    """Kill every scanner process group still running (for a SIGTERM handler)."""
    with _LOCK:
        groups = list(_LIVE)
    for pid in groups:
        _kill_group(pid)
