"""Running git: one place, with the repository's code-running helpers switched off.

Nothing the change carries may steer git: attributes files outside the tree are ignored
(`core.attributesFile`, `GIT_ATTR_NOSYSTEM`), external diff drivers and textconv are off,
and every filter driver configured on the machine (`filter.<name>.clean`/`smudge`/
`process`, git-lfs included) is blanked, so a `.gitattributes` in the PR that names one
runs nothing. Blobs are read with `git cat-file blob`, never through filters.
"""

from __future__ import annotations

import functools
import os
import subprocess
from pathlib import Path

from gate.errors import GitError

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
_GIT_TIMEOUT = 120
_SAFE_OPTIONS = (
    "-c",
    "core.quotePath=true",
    "-c",
    "diff.external=",
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.attributesFile=/dev/null",
)


def git_env() -> dict[str, str]:
    """The environment every git call runs with."""
    return _env()


def git_options(root: str) -> tuple[str, ...]:
    """The `-c` options every git call runs with (helpers and filter drivers off)."""
    return (*_SAFE_OPTIONS, *_filter_overrides(root))


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "GIT_EXTERNAL_DIFF": "",
        "GIT_PAGER": "cat",
        "LC_ALL": "C",
        "GIT_ATTR_NOSYSTEM": "1",
        "GIT_TERMINAL_PROMPT": "0",
    }


@functools.lru_cache(maxsize=32)
def _filter_overrides(root: str) -> tuple[str, ...]:
    """`-c` options that blank every filter driver git's configuration defines."""
    try:
        listed = subprocess.run(  # noqa: S603 - fixed argv, no shell
            ["git", *_SAFE_OPTIONS, "config", "-z", "--get-regexp", r"^filter\."],
            cwd=root,
            capture_output=True,
            timeout=_GIT_TIMEOUT,
            env=_env(),
            check=False,
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ()
    names: dict[str, None] = {}
    for entry in listed.split(b"\x00"):
        key = os.fsdecode(entry.split(b"\n", 1)[0])
        if key.startswith("filter.") and "." in key[len("filter.") :]:
            names[key[len("filter.") : key.rindex(".")]] = None
    options: list[str] = []
    for name in names:
        for setting, value in (("clean", ""), ("smudge", ""), ("process", "")):
            options += ["-c", f"filter.{name}.{setting}={value}"]
        options += ["-c", f"filter.{name}.required=false"]
    return tuple(options)


def git(
    root: Path, *args: str, check: bool = True, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run git without any repository-configured helpers that could execute code."""
    command = ["git", *_SAFE_OPTIONS, *_filter_overrides(str(root)), *args]
    try:
        result = subprocess.run(  # noqa: S603 - fixed argv, no shell
            command,
            cwd=root,
            input=stdin,
            capture_output=True,
            timeout=_GIT_TIMEOUT,
            env=_env(),
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
