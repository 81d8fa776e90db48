"""The README tells the truth: its set-up commands are what CI runs, its help is real."""

from __future__ import annotations

import re

from click.testing import CliRunner

from gate.commands.cli import cli
from tests.conftest import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def _first_block() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", README, flags=re.S)
    assert block, "README must open with a sh block holding the two set-up commands"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_readme_opens_with_install_plus_demo_and_install_plus_tests() -> None:
    demo, tests = _first_block()
    assert demo.endswith("gate demo") and "pip install ." in demo
    assert "pytest" in tests and "pip install -e '.[test]'" in tests


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _first_block()[1] in ci.splitlines()


def test_readme_run_help_matches_the_real_help() -> None:
    documented = re.search(r"<!-- help:run -->\n```text\n(.*?)\n```", README, flags=re.S)
    assert documented, "README lost its `gate run --help` block"
    real = CliRunner().invoke(cli, ["run", "--help"], terminal_width=100, prog_name="gate")
    assert documented.group(1) == real.output.rstrip("\n")
