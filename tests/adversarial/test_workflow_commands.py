"""Nothing from the PR becomes a GitHub Actions workflow command: the Action step's whole
log is read the way the runner reads it (stop-commands included)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from gate.commands.workflow_log import neutralise_text
from tests.conftest import GitRepo
from tests.test_action import GATE_YML, actions_env, pr_event, run_action

_LINES = re.compile(r"\r\n|\r|\n")
_COMMAND = re.compile(r"^::([A-Za-z0-9_-]+)(?: ([^:]*))?::(.*)$")
RISKY_LINE = "    return pickle.loads(blob)"


def runner_commands(log: str) -> list[str]:
    """The workflow commands the runner would act on, in order ("error title=gate", ...)."""
    processed: list[str] = []
    stop_token = ""
    for line in _LINES.split(log):
        text = line.lstrip()
        if stop_token:
            if text == f"::{stop_token}::":
                stop_token = ""
            continue
        match = _COMMAND.match(text)
        if not match:  # the runner tries the legacy form when the `::` form does not parse
            if "##[" in line and "]" in line[line.index("##[") :]:
                processed.append("legacy " + line[line.index("##[") :])
            continue
        name, properties, value = match.groups()
        processed.append(f"{name} {properties or ''}".strip() + f" :: {value}")
        if name == "stop-commands":
            stop_token = value
    return processed


def _hostile_pr(repo: GitRepo) -> tuple[str, str]:
    repo.write(".gate.yml", GATE_YML)
    repo.write("app/service.py", "x = 1\n")
    base = repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    risky = "import pickle\n\n\ndef load(blob):\n" + RISKY_LINE + "\n"
    names = [
        "app/::stop-commands::TOKEN.py",
        "::add-mask::hunter2.py",
        "::error title=pwned::forged.py",
        "##[warning]legacy.py",
    ]
    for name in names:
        repo.write(name, risky)
    wrapped = "    return pickle.loads(blob)  #" + " " * 120 + "::warning::rich-wrapped\n"
    repo.write("app/wrapped.py", "import pickle\n\n\ndef load(blob):\n" + wrapped)
    head = repo.commit("hostile names")
    return base, head


def test_action_log_carries_no_command_from_the_pr(repo: GitRepo, tmp_path: Path) -> None:
    base, head = _hostile_pr(repo)
    event = pr_event(tmp_path, base, head)
    run = run_action(
        repo.path, {"install": "false"}, actions_env(tmp_path, event, "pull_request"), tmp_path
    )
    assert run.exit_code == 1, run.log
    commands = runner_commands(run.log)
    forged = [
        c
        for c in commands
        if c.startswith(("add-mask", "stop-commands :: TOKEN", "error title=pwned"))
    ]
    assert not forged, forged
    assert not [c for c in commands if c.startswith("legacy") or "rich-wrapped" in c]
    # gate's own annotations still reach the runner, one per hostile file
    errors = [c for c in commands if c.startswith("error ")]
    assert len(errors) >= 4, commands
    assert all(
        re.fullmatch(r"stop-commands :: [0-9a-f]{32}", c) for c in commands if c.startswith("stop")
    )


def test_gate_run_under_actions_neutralises_the_terminal_report(
    repo: GitRepo, tmp_path: Path
) -> None:
    base, _ = _hostile_pr(repo)
    env = {
        **{k: v for k, v in os.environ.items() if k != "CI"},
        "GITHUB_ACTIONS": "true",
        "NO_COLOR": "1",
    }
    result = subprocess.run(
        [sys.executable, "-m", "gate", "run", "--base", base, "--format", "terminal"],
        cwd=repo.path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert "hunter2" in result.stdout + result.stderr  # the names are printed, harmlessly
    for stream in (result.stdout, result.stderr):
        commands = [c for c in runner_commands(stream) if not c.startswith("stop-commands")]
        assert commands == [], commands


def test_neutralised_lines_are_never_commands() -> None:
    text = "ok\n  ::add-mask::x\r::error::y\r\nsee ##[group]z\n"
    assert runner_commands(neutralise_text(text)) == []
    assert runner_commands(text) != []


def test_output_redirected_to_a_file_is_left_as_gate_wrote_it(
    repo: GitRepo, tmp_path: Path
) -> None:
    base, _ = _hostile_pr(repo)
    env = {**{k: v for k, v in os.environ.items() if k != "CI"}, "GITHUB_ACTIONS": "true"}
    target = tmp_path / "out.md"
    with target.open("w") as handle:
        result = subprocess.run(
            [sys.executable, "-m", "gate", "run", "--base", base, "--format", "markdown"],
            cwd=repo.path,
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=False,
        )
    text = target.read_text(encoding="utf-8")
    assert result.returncode == 1, result.stderr
    assert "stop-commands::" not in text.replace("stop-commands::TOKEN", "")
    assert "\u200b" not in text  # the file holds exactly the rendered Markdown
    assert "hunter2" in text  # the hostile names are in the report, unaltered
    leaked = [c for c in runner_commands(result.stderr) if not c.startswith("stop-commands")]
    assert leaked == []
