"""Git hooks: which base a push is compared against, and gate's own hook scripts.

`pre_push_base` answers "what does this push send?" for `gate run --pre-push`:

- under pre-commit's ``pre-push`` stage the framework has already read git's stdin
  and exports ``PRE_COMMIT_FROM_REF`` (what the remote has, or the parent of the
  first new commit) and ``PRE_COMMIT_TO_REF`` (what is pushed);
- under a plain git ``pre-push`` hook git writes one line per pushed ref on stdin:
  ``<local ref> <local sha> <remote ref> <remote sha>``. A remote sha of all zeros
  means a new branch: there is nothing to compare with on the remote, so the caller
  falls back to the upstream merge-base (``None``).

`install_hooks` / `uninstall_hooks` manage scripts for teams without pre-commit.
Every script gate writes carries `MARKER`; a hook without it is someone else's and is
never overwritten without ``force`` and never removed.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from gate.change.git import git, repo_root
from gate.errors import UsageError

ZERO_SHA = "0" * 40
MARKER = "# gate-managed-hook (prereview-gate): written by `gate install-hooks`"
BACKUP_SUFFIX = ".pre-gate"

# What each hook runs; argv after the interpreter (`python -m gate ...`).
HOOK_COMMANDS: dict[str, tuple[str, ...]] = {
    "pre-push": ("run", "--pre-push"),
    "pre-commit": ("run", "--staged", "--quiet"),
}


# --- which base does a push compare against ------------------------------------------


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


def pre_push_base(environ: Mapping[str, str], stdin_text: str, cwd: Path) -> str | None:
    """The ref or sha to compare HEAD against for a push; None = the upstream merge-base.

    Returns "HEAD" (an empty change) when the push only deletes refs.
    """
    from_ref = environ.get("PRE_COMMIT_FROM_REF", "")
    if from_ref and environ.get("PRE_COMMIT_TO_REF") and _known(cwd, from_ref):
        return from_ref
    remote_branch = environ.get("PRE_COMMIT_REMOTE_BRANCH", "")
    remote_name = environ.get("PRE_COMMIT_REMOTE_NAME", "")
    if remote_branch and remote_name:
        tracking = f"refs/remotes/{remote_name}/{remote_branch.removeprefix('refs/heads/')}"
        if _known(cwd, tracking):
            return tracking
    refs = parse_push_lines(stdin_text)
    if not refs:
        return None
    sending = [r for r in refs if not r.deletes]
    if not sending:
        return "HEAD"
    head = _sha(cwd, "HEAD")
    chosen = next((r for r in sending if r.local_sha == head), sending[0])
    if chosen.creates or not _known(cwd, chosen.remote_sha):
        # New branch, or the remote moved to a commit we have not fetched.
        return None
    return chosen.remote_sha


def _is_zero(sha: str) -> bool:
    return bool(sha) and set(sha) == {"0"}


def _sha(cwd: Path, ref: str) -> str:
    result = git(cwd, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
    return result.stdout.decode().strip() if result.returncode == 0 else ""


def _known(cwd: Path, ref: str) -> bool:
    return bool(_sha(cwd, ref))


# --- install / uninstall ---------------------------------------------------------------


def hooks_dir(start: Path) -> Path:
    """The directory git runs hooks from (honours core.hooksPath and worktrees)."""
    root = repo_root(start)
    out = git(root, "rev-parse", "--git-path", "hooks").stdout.decode().strip()
    path = Path(out)
    return path if path.is_absolute() else (root / path)


def hook_script(hook: str, python: str | None = None) -> str:
    """The shell script for `hook`: the interpreter that installed it, else `gate` on PATH."""
    interpreter = python or sys.executable
    args = " ".join(HOOK_COMMANDS[hook])
    what = "the commits being pushed" if hook == "pre-push" else "the staged changes"
    skip = "git push --no-verify" if hook == "pre-push" else "git commit --no-verify"
    return "\n".join(
        [
            "#!/bin/sh",
            MARKER,
            f"# Scans {what} with gate; bypass once with `{skip}`.",
            "# Remove with `gate uninstall-hooks`.",
            f"GATE_PYTHON={shlex.quote(interpreter)}",
            'if [ -x "$GATE_PYTHON" ] && "$GATE_PYTHON" -c "import gate" 2>/dev/null; then',
            f'  exec "$GATE_PYTHON" -m gate {args}',
            "fi",
            "if command -v gate >/dev/null 2>&1; then",
            f"  exec gate {args}",
            "fi",
            f'echo "gate: cannot find gate ($GATE_PYTHON is gone and gate is not on PATH); '
            f"reinstall it and run \\`gate install-hooks --force\\`, or bypass with "
            f'\\`{skip}\\`" >&2',
            "exit 2",
            "",
        ]
    )


def is_gate_hook(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return any(
                line.rstrip("\n") == MARKER for line, _ in zip(handle, range(5), strict=False)
            )
    except OSError:
        return False


def install_hooks(
    start: Path, hooks: tuple[str, ...] = ("pre-push",), *, force: bool = False
) -> tuple[str, ...]:
    """Write gate's hook scripts; one line per hook saying what happened.

    A foreign hook (no `MARKER`) is refused unless `force`, which keeps it as
    ``<hook>.pre-gate`` (restored by `uninstall_hooks`).
    """
    directory = hooks_dir(start)
    root = repo_root(start)
    for hook in hooks:
        target = directory / hook
        if target.exists() and not is_gate_hook(target) and not force:
            raise UsageError(
                f"{_show(target, root)} exists and was not written by gate: "
                "rerun with --force to replace it (it is kept as "
                f"{hook}{BACKUP_SUFFIX}), or call gate from it yourself"
            )
    directory.mkdir(parents=True, exist_ok=True)
    done = []
    for hook in hooks:
        target = directory / hook
        note = "installed"
        if target.exists() and not is_gate_hook(target):
            target.replace(target.with_name(hook + BACKUP_SUFFIX))
            note = f"installed (previous hook kept as {hook}{BACKUP_SUFFIX})"
        elif target.exists():
            note = "updated"
        target.write_text(hook_script(hook), encoding="utf-8")
        target.chmod(0o755)
        done.append(f"{hook}: {note} at {_show(target, root)}")
    return tuple(done)


def uninstall_hooks(start: Path) -> tuple[str, ...]:
    """Remove only the hooks gate wrote; restore a hook that --force set aside."""
    directory = hooks_dir(start)
    root = repo_root(start)
    done = []
    for hook in HOOK_COMMANDS:
        target = directory / hook
        if not target.exists():
            continue
        if not is_gate_hook(target):
            done.append(f"{hook}: left alone ({_show(target, root)} was not written by gate)")
            continue
        target.unlink()
        backup = target.with_name(hook + BACKUP_SUFFIX)
        if backup.exists():
            backup.replace(target)
            done.append(f"{hook}: removed; previous hook restored")
        else:
            done.append(f"{hook}: removed")
    return tuple(done)


def _show(path: Path, root: Path) -> str:
    try:
        return os.path.relpath(path, root)
    except ValueError:
        return str(path)
