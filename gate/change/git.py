"""Running git: one place, with the repository's code-running helpers switched off."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from gate.errors import GitError

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
_GIT_TIMEOUT = 120


def git(
    root: Path, *args: str, check: bool = True, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run git without any repository-configured helpers that could execute code."""
    command = [
        "git",
        "-c",
        "core.quotePath=true",
        "-c",
        "diff.external=",
        "-c",
        "core.fsmonitor=false",
        *args,
    ]
    env = {**os.environ, "GIT_EXTERNAL_DIFF": "", "GIT_PAGER": "cat", "LC_ALL": "C"}
    try:
        result = subprocess.run(  # noqa: S603 - fixed argv, no shell
            command,
            cwd=root,
            input=stdin,
            capture_output=True,
            timeout=_GIT_TIMEOUT,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took longer than {_GIT_TIMEOUT}s") from None
    if check and result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {' '.join(args[:2])} failed: {message[-1] if message else 'error'}")
    return result


def repo_root(start: Path) -> Path:
    result = git(start, "rev-parse", "--show-toplevel", check=False)
    if result.returncode != 0:
        raise GitError(
            f"{start} is not inside a git repository: run gate from your checkout, "
            "or use `gate demo` to see it work on a sample repository"
        )
    return Path(os.fsdecode(result.stdout.strip()))
