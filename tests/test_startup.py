"""What a hook run loads: only `gate run`'s own command module, no forge client, no
terminal library under --quiet, and gate's own data files cached as JSON.
(Speed itself is measured in bench/, never here.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import GitRepo

_PROBE = """
import atexit, json, sys
def _report():
    with open(sys.argv[1], "w") as handle:
        json.dump(sorted(sys.modules), handle)
atexit.register(_report)
from gate.commands.cli import main
main(sys.argv[2:])
"""


def _loaded(repo: GitRepo, tmp_path: Path, *args: str) -> tuple[set[str], int]:
    out = tmp_path / "modules.json"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg"), "GIT_INDEX_FILE": ".git/index"}
    for _ in range(2):  # the first run fills the caches, the second is what a hook pays
        done = subprocess.run(
            [sys.executable, "-c", _PROBE, str(out), *args],
            cwd=repo.path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    return set(json.loads(out.read_text())), done.returncode


def test_a_quiet_hook_run_loads_no_forge_client_terminal_library_or_other_commands(
    repo: GitRepo, tmp_path: Path
) -> None:
    repo.write("README.md", "# shop\n")
    repo.commit("base")
    repo.write("README.md", "# shop\n\nMore.\n")
    repo.git("add", "README.md")
    modules, code = _loaded(repo, tmp_path, "run", "--pre-commit", "--quiet", "README.md")
    assert code == 0
    assert "gate.runner" in modules  # it did run
    for heavy in ("requests", "urllib3", "rich", "jinja2", "bandit"):
        assert heavy not in modules, heavy
    for other in ("gate.commands.governance", "gate.commands.posting", "gate.forges.reviews"):
        assert other not in modules, other
    files = tmp_path / "xdg" / "gate" / "files"
    assert {p.name.split("-")[0] for p in files.glob("*.json")} >= {"classification"}


def test_every_command_is_still_there_for_help_and_by_name(repo: GitRepo, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    listed = subprocess.run(
        [sys.executable, "-m", "gate", "--help"],
        cwd=repo.path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for command in (
        "run",
        "post",
        "install-hooks",
        "policies",
        "merge",
        "explain-tier",
        "evidence",
    ):
        assert f"  {command} " in listed or f"  {command}\n" in listed, command
    named = subprocess.run(
        [sys.executable, "-m", "gate", "install-hooks", "--help"],
        cwd=repo.path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert named.returncode == 0 and "Usage: gate install-hooks" in named.stdout
