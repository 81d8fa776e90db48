"""The base of a CI run: which commit a pipeline compares with, and getting it into a
shallow clone.

`base_from_event` reads the event payload (``GITHUB_EVENT_PATH``): the PR base for
``pull_request`` / ``pull_request_target`` / ``merge_group``, ``before`` for ``push``,
the default branch when the payload has neither (new branch, ``workflow_dispatch``).
For the first push of a repository (``before`` all zeros on the default branch) the
base is git's empty tree: every pushed file is new.

`head_from_event` is the commit a pull request is judged on: ``pull_request.head.sha``,
not GitHub's test merge commit (``GITHUB_SHA``, ``refs/pull/N/merge``) that
actions/checkout checks out. Scanning the head against its merge-base with the base
puts every line number, annotation, inline comment and link on the PR head's lines.

`ensure_base` fetches the base and the head with growing ``--depth`` (then
``--unshallow``) when the checkout is shallow, else says to use ``fetch-depth: 0``.
Standard library only: the Action's ``prep`` step runs before gate is installed.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from gate.errors import UsageError

_SHA = re.compile(r"^[0-9a-f]{40}$")
_DEPTHS = (50, 500)


def base_from_event(environ: Mapping[str, str]) -> str:
    """The base to compare against, from the event that triggered the workflow."""
    from gate.change.ci import detect

    ctx = detect(environ)
    if ctx is None or ctx.provider != "github":
        raise UsageError(
            "not running in GitHub Actions (GITHUB_ACTIONS is not 'true'): set the base input"
        )
    if ctx.base_sha:
        return ctx.base_sha
    default_branch = _default_branch(environ.get("GITHUB_EVENT_PATH", ""))
    if default_branch and default_branch != ctx.head_ref:
        return f"origin/{default_branch}"
    if ctx.event == "push" and default_branch:  # the first push of the default branch
        from gate.change.git import EMPTY_TREE

        return EMPTY_TREE
    raise UsageError(
        f"cannot tell what to compare for a '{ctx.event or 'unknown'}' event: set the base "
        "input (e.g. base: origin/main), or run on pull_request / push"
    )


def head_from_event(environ: Mapping[str, str]) -> str:
    """The PR head to judge ("" when the checked-out commit is the one to judge)."""
    from gate.change.ci import detect

    ctx = detect(environ)
    if ctx is None or ctx.provider != "github" or not ctx.has_pull_request:
        return ""
    if ctx.event not in ("pull_request", "pull_request_target"):
        return ""
    return ctx.head_sha if _SHA.match(ctx.head_sha) else ""


def _default_branch(event_path: str) -> str:
    try:
        with open(event_path, encoding="utf-8") as handle:
            payload = json.load(handle)
    except (OSError, ValueError):
        return ""
    repository = payload.get("repository") if isinstance(payload, dict) else None
    branch = repository.get("default_branch") if isinstance(repository, dict) else None
    return branch if isinstance(branch, str) else ""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    from gate.change.git import git

    return git(root, *args, check=False)


def _has_merge_base(root: Path, base: str, head: str) -> bool:
    found = _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    return found.returncode == 0 and _git(root, "merge-base", base, head).returncode == 0


def _refspec(base: str) -> str:
    if _SHA.match(base):
        return base
    if base.startswith("origin/"):
        branch = base.removeprefix("origin/")
        return f"+refs/heads/{branch}:refs/remotes/origin/{branch}"
    return base


def ensure_base(
    root: Path, base: str, environ: Mapping[str, str], log: TextIO, head: str = ""
) -> None:
    """Make `base`, `head` (default HEAD) and their merge-base available, fetching in a
    shallow CI clone."""
    from gate.change.git import EMPTY_TREE

    if base == EMPTY_TREE:
        return
    tip = head or "HEAD"
    if _has_merge_base(root, base, tip):
        return
    if environ.get("GITHUB_ACTIONS") != "true":
        raise UsageError(
            f"the base {base} (or its merge-base with {tip}) is not in this clone: "
            f"fetch it first (git fetch origin {base} {head})".rstrip()
        )
    wanted = head or _git(root, "rev-parse", "HEAD").stdout.decode().strip()
    for depth in _DEPTHS:
        print(f"gate: fetching {base} and {tip} (depth {depth}): shallow checkout", file=log)
        _git(root, "fetch", "--no-tags", "--quiet", f"--depth={depth}", "origin",
             _refspec(base), wanted)  # fmt: skip
        if _has_merge_base(root, base, tip):
            return
    if _git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true":
        print("gate: fetching the full history (--unshallow)", file=log)
        _git(root, "fetch", "--no-tags", "--quiet", "--unshallow", "origin", _refspec(base),
             wanted)  # fmt: skip
        if _has_merge_base(root, base, tip):
            return
    raise UsageError(
        f"the base {base} has no merge-base with {tip} in this clone, even after fetching: "
        "use actions/checkout with `fetch-depth: 0`"
    )


# --- outputs ---------------------------------------------------------------------------
