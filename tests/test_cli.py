"""The local experience of `gate`: exit codes and one-line errors (CliRunner around
`gate.commands.main`, which owns the error handling), colour switches and --quiet."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gate.commands.cli import main
from tests.conftest import GitRepo

GATE_YML = """\
packs: [security]
scanners:
  bandit: {enabled: false}
  secrets: {enabled: false}
"""
RISKY = "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n"
_SGR_COLOR = re.compile(rb"\x1b\[[0-9;]*m")


def invoke(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    """Run `gate ARGS` in-process; (exit code, stdout, stderr)."""
    monkeypatch.chdir(cwd)
    with CliRunner().isolation() as (out, err, *_):
        try:
            main(args)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        else:  # pragma: no cover - main always exits
            code = 0
        return code, out.getvalue().decode(), err.getvalue().decode()


def test_outside_a_git_repository_is_exit_2_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, out, err = invoke(["run"], tmp_path, monkeypatch)
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("gate: error: ") and "not inside a git repository" in lines[0]
    assert "gate demo" in lines[0]  # says what to do next


def test_malformed_config_is_exit_2_with_file_and_line(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write(".gate.yml", "version: 1\npacks: [security]\nfail_onn: high\n")
    repo.commit()
    code, _, err = invoke(["run"], repo.path, monkeypatch)
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("gate: error: .gate.yml:3: unknown key 'fail_onn'")
    assert "did you mean 'fail_on'" in lines[0]


def test_invalid_yaml_is_exit_2_with_file_and_line(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write(".gate.yml", "version: 1\npacks: [security\n")
    repo.commit()
    code, _, err = invoke(["run"], repo.path, monkeypatch)
    assert code == 2
    assert len(err.splitlines()) == 1 and re.match(r"gate: error: \.gate\.yml:\d+", err), err


def test_unknown_format_is_exit_2_naming_the_choices(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write(".gate.yml", GATE_YML)
    repo.commit()
    code, out, err = invoke(["run", "--format", "pdf"], repo.path, monkeypatch)
    assert code == 2
    lines = err.splitlines()
    assert lines[-1].startswith("gate: error: unknown format 'pdf': choose from ")
    assert "sarif" in lines[-1]
    assert len(lines) == 1, err


def test_unknown_option_is_exit_2(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = invoke(["run", "--fail-onn", "high"], repo.path, monkeypatch)
    assert code == 2
    assert err.splitlines()[-1].startswith("gate: error: No such option")


def test_quiet_prints_only_the_verdict_line(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.write(".gate.yml", GATE_YML)
    base = repo.commit("base")
    repo.write("loader.py", RISKY)
    repo.commit("risky")
    code, out, err = invoke(["run", "--quiet", "--base", base], repo.path, monkeypatch)
    assert code == 1
    assert out == ""
    assert err.splitlines() == [err.strip()]
    assert err.startswith("gate: FAIL (tier ") and "sec-unsafe-deserialization" in err


def _on_a_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, bytes]:
    """Run the real `gate` with a pseudo-terminal as stdout and stderr."""
    import fcntl
    import struct
    import termios

    master, slave = os.openpty()
    # A real terminal has a size; an unsized pty reports 0 columns.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "gate", *args], cwd=cwd, stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    chunks = []
    while True:  # read while it runs: a pty holds only a few KiB
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    process.wait(timeout=120)
    return process.returncode, b"".join(chunks)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_no_color_and_NO_COLOR_remove_colour_on_a_terminal(repo: GitRepo) -> None:
    repo.write(".gate.yml", GATE_YML)
    base = repo.commit("base")
    repo.write("loader.py", RISKY)
    repo.commit("risky")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["TERM"] = "xterm-256color"
    run = ["run", "--base", base]
    code, coloured = _on_a_terminal(run, repo.path, env)
    assert code == 1 and _SGR_COLOR.search(coloured), "expected colour on a terminal"
    code, plain = _on_a_terminal(run, repo.path, {**env, "NO_COLOR": "1"})
    assert code == 1 and not _SGR_COLOR.search(plain)
    assert b"sec-unsafe-deserialization" in plain
    code, plain = _on_a_terminal(["--no-color", *run], repo.path, env)
    assert code == 1 and not _SGR_COLOR.search(plain)
