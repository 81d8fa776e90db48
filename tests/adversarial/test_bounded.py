"""Bounded everything: numbers in the config are finite and in range, odd inputs give one
line, scanner processes and temp dirs never outlive gate (timeout, SIGTERM)."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gate.errors import ConfigError
from gate.policy.config import parse_config
from gate.report import Verdict
from gate.runner import RunOptions, run_gate
from tests.conftest import GitRepo
from tests.test_pipeline import ONLY_SEMGREP


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "scanners:\n  semgrep: {timeout: .nan}\n",
            ":2: scanners.semgrep.timeout: expected a finite",
        ),
        (
            "scanners:\n  bandit: {timeout: .inf}\n",
            ":2: scanners.bandit.timeout: expected a finite",
        ),
        ("scanners:\n  bandit: {timeout: -1}\n", ":2: scanners.bandit.timeout: must be at least 1"),
        ("max_file_bytes: 1.0e+300\n", ":1: max_file_bytes: must be at most"),
        ("cache: {max_mb: .nan}\n", ":1: cache.max_mb: expected a finite"),
        ("fail_on: high\x00\n", ": invalid YAML: character U+0000 at offset 13"),
    ],
)
def test_bad_numbers_and_characters_are_one_line_errors(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(text, ".gate.yml")
    assert message in str(info.value) and "\n" not in str(info.value)


def test_yaml_merge_keys_are_accepted() -> None:
    text = (
        "overrides:\n"
        "  - &strict {paths: ['a/**'], fail_on: low}\n"
        "  - <<: *strict\n"
        "    paths: ['b/**']\n"
    )
    overrides = parse_config(text, ".gate.yml")["overrides"]
    assert [o["paths"] for o in overrides] == [("a/**",), ("b/**",)]
    assert overrides[1]["fail_on"] == "low"


def _gate(repo: GitRepo, *args: str, **kw: object) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    env.update(kw.pop("env", {}))  # type: ignore[arg-type]
    return subprocess.run(
        [sys.executable, "-m", "gate", *args],
        cwd=repo.path,
        capture_output=True,
        env=env,
        check=False,
        timeout=300,
    )


def test_non_utf8_gate_yml_is_a_one_line_config_error(repo: GitRepo) -> None:
    repo.write(".gate.yml", b"fail_on: h\xe9gh\n")
    repo.write("a.py", "x = 1\n")
    repo.commit("base")
    result = _gate(repo, "run", "--all")
    assert result.returncode == 2, result.stderr
    assert result.stderr.decode().strip().splitlines() == [
        "gate: error: .gate.yml: not UTF-8 text (byte 10): save the file as UTF-8"
    ]


def test_non_utf8_file_name_with_json_is_reported_not_a_crash(repo: GitRepo) -> None:
    repo.write("README.md", "x\n")
    repo.commit("base")
    (repo.path / os.fsdecode(b"caf\xe9.py")).write_text("eval(data)\n")
    repo.commit("odd name")
    result = _gate(repo, "run", "--base", "HEAD~1", "--json", "out.json")
    assert result.returncode == 1, result.stderr
    data = json.loads((repo.path / "out.json").read_text(encoding="utf-8"))
    assert [c["path"] for c in data["coverage"]] == [os.fsdecode(b"caf\xe9.py")]
    assert data["findings"]


def _slow_semgrep(tmp_path: Path, pid_file: Path) -> Path:
    """A `semgrep` that starts a long-lived child (like semgrep-core) and then hangs."""
    bin_dir = tmp_path / "fakebin"
    bin_dir.mkdir()
    fake = bin_dir / "semgrep"
    fake.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "--version" ]; then echo 1.182.0; exit 0; fi\n'
        f"sleep 300 &\necho $! > {pid_file}\nsleep 300\n"
    )
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    return bin_dir


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as handle:  # a zombie is not running
        return handle.read().split(") ", 1)[1][0] != "Z"


def test_semgrep_cli_timeout_kills_the_engines_children(
    repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write(".gate.yml", ONLY_SEMGREP + "  semgrep: {timeout: 2}\n")
    repo.commit("base")
    repo.write("a.py", "x = 1\n")
    repo.commit("change")
    pid_file = tmp_path / "child.pid"
    monkeypatch.setenv(
        "PATH", f"{_slow_semgrep(tmp_path, pid_file)}{os.pathsep}{os.environ['PATH']}"
    )
    report = run_gate(RunOptions(cwd=repo.path, base="HEAD~1"))
    assert report.verdict is Verdict.ERROR and "timed out" in report.verdict_reason
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(child)


def test_sigterm_kills_scanners_and_removes_temp_dirs(repo: GitRepo, tmp_path: Path) -> None:
    repo.write(".gate.yml", ONLY_SEMGREP + "cache: {enabled: false}\n")
    repo.commit("base")
    repo.write("a.py", "x = 1\n")
    repo.commit("change")
    pid_file = tmp_path / "child.pid"
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")},
        "PATH": f"{_slow_semgrep(tmp_path, pid_file)}{os.pathsep}{os.environ['PATH']}",
        "TMPDIR": str(scratch),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gate", "run", "--base", "HEAD~1"],
        cwd=repo.path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pid_file.exists(), "the fake semgrep never started"
    assert list(scratch.iterdir())  # gate's run dir exists while it scans
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 128 + signal.SIGTERM, stderr
    time.sleep(0.2)
    assert not _alive(int(pid_file.read_text()))
    assert list(scratch.iterdir()) == []
