"""What one `gate run` invocation scans: the flags as given, one target per pushed ref
(``--pre-push``), or what the pre-commit framework means (``--pre-commit``).

`pre_commit_target` reads the pre-commit framework's call of the ``gate`` hook, which
passes filenames:

- during a commit (git exports ``GIT_INDEX_FILE`` to its pre-commit hook): the staged
  changes, as ``--staged`` (the filenames are not needed: gate reads the index);
- with ``PRE_COMMIT_FROM_REF``/``PRE_COMMIT_TO_REF`` (``pre-commit run --from-ref X
  --to-ref Y``): the range, its head read from git;
- otherwise (``pre-commit run --all-files`` / ``--files``, pre-commit.ci, pre-commit in
  CI): the given files, scanned whole, as other pre-commit hooks do.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import click

from gate.runner import RunOptions


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanTarget:
    base: str | None = None
    head: str | None = None
    staged: bool = False
    files: tuple[str, ...] = ()

    def apply(self, options: RunOptions) -> RunOptions:
        return replace(
            options,
            base=self.base,
            head=self.head,
            staged=self.staged,
            files=self.files,
        )


def scan_targets(
    given: ScanTarget, *, pre_push: bool, pre_commit: bool, args: tuple[str, ...]
) -> list[ScanTarget]:
    if pre_push:
        return push_targets(args)
    if pre_commit:
        return [pre_commit_target(os.environ, args, Path.cwd())]
    if given.base and given.head is None:
        return [replace(given, head=_pull_request_head(Path.cwd()))]
    return [given]


def _pull_request_head(cwd: Path) -> str | None:
    """In a GitHub pull_request job HEAD is the test merge commit; judge the PR head
    (whose lines posting and annotations refer to) when the clone has it."""
    from gate.change.checkout import head_from_event
    from gate.change.pushes import commit_sha
    from gate.errors import GateError

    try:
        head = head_from_event(os.environ)
    except GateError:
        return None
    if not head or commit_sha(cwd, "HEAD") == head:
        return None
    if commit_sha(cwd, head):
        return head
    click.echo(
        f"gate: warning: the PR head {head[:12]} is not in this clone, so HEAD is scanned "
        "instead and its line numbers may not be the PR's: fetch it "
        f"(git fetch origin {head}) or check out with fetch-depth: 0",
        err=True,
    )
    return None


def push_targets(args: tuple[str, ...]) -> list[ScanTarget]:
    """One scan per pushed ref; none (exit 0) when the push only deletes refs."""
    from gate.change.pushes import pushed_ranges

    stdin = "" if sys.stdin is None or sys.stdin.isatty() else sys.stdin.read()
    ranges = pushed_ranges(os.environ, stdin, Path.cwd(), remote=args[0] if args else "")
    if not ranges:
        click.echo("gate: this push sends no new commits: nothing to scan", err=True)
    for pushed in ranges:
        click.echo(f"gate: {pushed.ref} at {pushed.head[:12]}: against {pushed.why}", err=True)
    return [ScanTarget(base=r.base, head=r.head) for r in ranges]


def pre_commit_target(environ: Mapping[str, str], paths: Sequence[str], cwd: Path) -> ScanTarget:
    from gate.change.pushes import require_commit

    names = tuple(paths)
    from_ref, to_ref = environ.get("PRE_COMMIT_FROM_REF", ""), environ.get("PRE_COMMIT_TO_REF", "")
    if from_ref and to_ref:
        head = require_commit(cwd, to_ref, "PRE_COMMIT_TO_REF")
        return ScanTarget(base=from_ref, head=head)
    if environ.get("GIT_INDEX_FILE") or not names:  # git is running its pre-commit hook
        return ScanTarget(staged=True)
    return ScanTarget(files=names)
