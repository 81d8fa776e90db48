"""What a hook hands gate to judge: the ranges a push sends, and what the pre-commit
framework means by the filenames it passes.

`pushed_ranges` answers "what does this push send?" for ``gate run --pre-push``, one
`PushRange` (base, head) per pushed ref. The head is always the pushed commit, never
HEAD or the working tree (gate reads its files from git):

- under pre-commit's ``pre-push`` stage the framework has already read git's stdin and
  exports ``PRE_COMMIT_FROM_REF`` / ``PRE_COMMIT_TO_REF`` (it hands over the first
  pushed ref only), or, when the push contains a root commit, only
  ``PRE_COMMIT_LOCAL_BRANCH`` (the first push of a repository);
- under a plain git ``pre-push`` hook git writes one line per pushed ref on stdin,
  ``<local ref> <local sha> <remote ref> <remote sha>``, and passes the remote's name
  and URL as arguments. An all-zero local sha deletes a ref (nothing to scan); an
  all-zero remote sha creates one: it is compared with its merge-base with the
  remote's default branch (``refs/remotes/<remote>/HEAD``, else ``main``, ``master``),
  else with the last commits the remote already has, else (the first push of a
  repository) with the empty tree.

"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from gate.change.git import EMPTY_TREE, git
from gate.errors import GitError

ZERO_SHA = "0" * 40
_DEFAULT_BRANCHES = ("HEAD", "main", "master")


@dataclass(frozen=True, slots=True, kw_only=True)
class PushedRef:
    local_ref: str
    local_sha: str
    remote_ref: str
    remote_sha: str

    @property
    def deletes(self) -> bool:
        return _is_zero(self.local_sha)

    @property
    def creates(self) -> bool:
        return _is_zero(self.remote_sha)


@dataclass(frozen=True, slots=True, kw_only=True)
class PushRange:
    ref: str  # what is updated on the remote (refs/heads/feature), or the local ref
    base: str  # a commit sha, or EMPTY_TREE for the first push of a repository
    head: str  # the pushed commit's sha
    why: str  # how the base was chosen, for the report's notes


def parse_push_lines(stdin_text: str) -> tuple[PushedRef, ...]:
    """git's pre-push stdin; malformed lines are ignored (git never writes them)."""
    refs = []
    for line in stdin_text.splitlines():
        parts = line.split()
        if len(parts) == 4:
            refs.append(
                PushedRef(
                    local_ref=parts[0], local_sha=parts[1], remote_ref=parts[2], remote_sha=parts[3]
                )
            )
    return tuple(refs)


def pushed_ranges(
    environ: Mapping[str, str], stdin_text: str, cwd: Path, remote: str = ""
) -> tuple[PushRange, ...]:
    """Every (base, head) this push sends; () when it sends nothing (deletions only)."""
    remote = remote or environ.get("PRE_COMMIT_REMOTE_NAME", "") or "origin"
    from_ref, to_ref = environ.get("PRE_COMMIT_FROM_REF", ""), environ.get("PRE_COMMIT_TO_REF", "")
    target = environ.get("PRE_COMMIT_REMOTE_BRANCH", "") or to_ref
    if from_ref and to_ref:
        head = require_commit(cwd, to_ref, "PRE_COMMIT_TO_REF")
        if _sha(cwd, from_ref):
            return (PushRange(ref=target, base=from_ref, head=head, why="what the remote has"),)
        found = _new_ref_range(cwd, remote, target, head)
        return (found,) if found else ()
    local_branch = environ.get("PRE_COMMIT_LOCAL_BRANCH", "")
    if local_branch and environ.get("PRE_COMMIT") and not stdin_text.strip():
        # pre-commit found a root commit in the push and ran hooks "on all files".
        head = require_commit(cwd, local_branch, "PRE_COMMIT_LOCAL_BRANCH")
        found = _new_ref_range(cwd, remote, target or local_branch, head)
        return (found,) if found else ()
    refs = parse_push_lines(stdin_text)
    if not stdin_text.strip():
        return (_head_to_upstream(cwd, remote),)
    ranges = []
    for ref in refs:
        if ref.deletes:
            continue
        if not ref.creates and _sha(cwd, ref.remote_sha):
            ranges.append(
                PushRange(
                    ref=ref.remote_ref,
                    base=ref.remote_sha,
                    head=ref.local_sha,
                    why="what the remote has",
                )
            )
            continue
        found = _new_ref_range(cwd, remote, ref.remote_ref, ref.local_sha)
        if found is not None:
            ranges.append(found)
    return tuple(ranges)


def _new_ref_range(cwd: Path, remote: str, ref: str, head: str) -> PushRange | None:
    """A ref the remote lacks (or whose tip we have not fetched)."""
    tracking = f"refs/remotes/{remote}/{ref.removeprefix('refs/heads/')}"
    if ref.startswith("refs/heads/") and (base := _merge_base(cwd, tracking, head)):
        return PushRange(ref=ref, base=base, head=head, why=f"its merge-base with {tracking}")
    for branch in _DEFAULT_BRANCHES:
        candidate = f"refs/remotes/{remote}/{branch}"
        if base := _merge_base(cwd, candidate, head):
            why = f"new branch: its merge-base with {remote}'s default branch ({candidate})"
            return PushRange(ref=ref, base=base, head=head, why=why)
    listed = git(cwd, "rev-list", "--boundary", head, "--not", f"--remotes={remote}", check=False)
    lines = listed.stdout.decode().split()
    if listed.returncode != 0:
        raise GitError(f"git rev-list {head[:12]} failed: cannot tell what this push sends")
    if not lines:
        return None  # the remote already has every commit: nothing new is sent
    boundary = [line[1:] for line in lines if line.startswith("-")]
    if boundary:
        octopus = git(cwd, "merge-base", "--octopus", *boundary, check=False)
        if octopus.returncode == 0:
            base = octopus.stdout.decode().strip()
            why = f"new branch: the commits {remote} does not have yet"
            return PushRange(ref=ref, base=base, head=head, why=why)
    why = f"first push to {remote}: every pushed commit, against the empty tree"
    return PushRange(ref=ref, base=EMPTY_TREE, head=head, why=why)


def _head_to_upstream(cwd: Path, remote: str) -> PushRange:
    """`gate run --pre-push` by hand (no stdin): what pushing HEAD would send."""
    head = require_commit(cwd, "HEAD", "HEAD")
    upstream = (
        git(cwd, "rev-parse", "--symbolic-full-name", "@{upstream}", check=False)
        .stdout.decode()
        .strip()
    )
    if upstream and (base := _merge_base(cwd, upstream, head)):
        return PushRange(ref="HEAD", base=base, head=head, why=f"its merge-base with {upstream}")
    found = _new_ref_range(cwd, remote, "HEAD", head)
    return found or PushRange(ref="HEAD", base=head, head=head, why="already on the remote")


# --- git helpers -------------------------------------------------------------------------


def _is_zero(sha: str) -> bool:
    return bool(sha) and set(sha) == {"0"}


def commit_sha(cwd: Path, ref: str) -> str:
    """The commit `ref` names, "" when this repository does not have it."""
    return _sha(cwd, ref)


def _sha(cwd: Path, ref: str) -> str:
    result = git(cwd, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
    return result.stdout.decode().strip() if result.returncode == 0 else ""


def require_commit(cwd: Path, ref: str, name: str) -> str:
    sha = _sha(cwd, ref)
    if not sha:
        raise GitError(f"{name}={ref}: no such commit in this repository")
    return sha


def _merge_base(cwd: Path, ref: str, head: str) -> str:
    if not _sha(cwd, ref):
        return ""
    result = git(cwd, "merge-base", ref, head, check=False)
    return result.stdout.decode().strip() if result.returncode == 0 else ""
