"""Shared helpers: build a two-commit git repo, run `gate run --base main`, read its JSON."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SEVERITIES = ["info", "low", "medium", "high", "critical"]
_GIT_ID = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
_GIT_ID += ["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"]
# Variables that would make gate think it runs in CI (and try to post) are dropped.
_CI_PREFIXES = ("GITHUB_", "GITLAB_", "CI_", "GATE_")
_CI_NAMES = {"CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "JENKINS_URL"}


def resolve_gate(gate: str) -> str:
    """An absolute path: the runs happen in temp dirs."""
    if "/" in gate:
        return str(Path(gate).resolve())
    found = shutil.which(gate)
    if not found:
        raise SystemExit(f"gate executable not found: {gate}")
    return found


def sev_rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else -1


@dataclass
class GateResult:
    exit_code: int
    verdict: str
    active: list[dict[str, Any]] = field(default_factory=list)
    error: str = ""
    seconds: float = 0.0
    inactive: list[dict[str, Any]] = field(default_factory=list)  # filtered, suppressed, ...


def read_tree(root: Path) -> dict[str, bytes]:
    """Every file under root, by POSIX relative path."""
    if not root.is_dir():
        return {}
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *_GIT_ID, *args], cwd=repo, check=True, capture_output=True)


def _write(repo: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        dst = repo / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes(data)


def build_repo(repo: Path, before: dict[str, bytes], after: dict[str, bytes]) -> None:
    """Commit `before` on main, then `after` (the whole tree) on branch `pr`."""
    repo.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    _write(repo, before or {"README.md": b"# app\n"})
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    _git(repo, "checkout", "-q", "-b", "pr")
    for child in repo.iterdir():
        if child.name != ".git":
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    _write(repo, after)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "--allow-empty", "-m", "change")


def gate_env(cache_home: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in _CI_NAMES and not k.startswith(_CI_PREFIXES)
    }
    env["XDG_CACHE_HOME"] = str(cache_home)
    env["NO_COLOR"] = "1"
    return env


def run_gate(gate: str, repo: Path, work: Path, timeout: float = 600) -> GateResult:
    """`gate run --base main --json` in repo, default settings, fresh cache dir."""
    out = work / "result.json"
    cache = work / "xdg-cache"
    cache.mkdir(exist_ok=True)
    start = time.monotonic()
    try:
        proc = subprocess.run(
            [gate, "run", "--base", "main", "--json", str(out), "-q"],
            cwd=repo,
            env=gate_env(cache),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return GateResult(-1, "timeout", error="timeout", seconds=time.monotonic() - start)
    seconds = time.monotonic() - start
    if not out.is_file():
        err = (proc.stderr or proc.stdout).strip()[-500:]
        return GateResult(proc.returncode, "none", error=err, seconds=seconds)
    data = json.loads(out.read_text(encoding="utf-8"))
    findings = data.get("findings", [])
    active = [f for f in findings if f.get("status") == "active"]
    inactive = [f for f in findings if f.get("status") != "active"]
    error = "" if proc.returncode in (0, 1) else proc.stderr.strip()[-500:]
    return GateResult(proc.returncode, str(data.get("verdict")), active, error, seconds, inactive)


def brief(finding: dict[str, Any]) -> str:
    """`rule_id@path:line(severity)` for reports."""
    return (
        f"{finding.get('rule_id')}@{finding.get('path')}:{finding.get('start_line')}"
        f"({finding.get('severity')})"
        + ("" if finding.get("status", "active") == "active" else f"[{finding.get('status')}]")
    )
