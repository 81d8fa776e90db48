"""gate's own git hook scripts, for teams without the pre-commit framework.

What a push sends is worked out in `gate.change.pushes` (the pre-push script passes
git's arguments, the remote's name and URL, and its stdin on to `gate run --pre-push`).

`install_hooks` / `uninstall_hooks` manage scripts for teams without pre-commit.
Every script gate writes carries `MARKER`; a hook without it is someone else's and is
never overwritten without ``force`` and never removed.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from gate.change.git import git, repo_root
from gate.errors import UsageError

MARKER = "# gate-managed-hook (prereview-gate): written by `gate install-hooks`"
BACKUP_SUFFIX = ".pre-gate"

# What each hook runs; argv after the interpreter (`python -m gate ...`).
HOOK_COMMANDS: dict[str, tuple[str, ...]] = {
    "pre-push": ("run", "--pre-push"),
    "pre-commit": ("run", "--staged", "--quiet"),
}


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
    if hook == "pre-push":  # git's arguments: the remote's name and URL
        args += ' "$@"'
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
