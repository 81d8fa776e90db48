"""One change, three ways to run gate, one verdict: `gate run --base`, the pre-commit
hook (real framework, hook args add `--json`) and the GitHub Action's steps."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import GitRepo
from tests.test_action import actions_env, pr_event, run_action
from tests.test_precommit import build_hook_repo

GATE_YML = """\
packs: [security]
scanners:
  bandit: {enabled: false}
  secrets: {enabled: false}
"""
CHANGE = {
    "app/loader.py": "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n",
    "app/digest.py": "import hashlib\n\n\ndef digest(data):\n    return hashlib.md5(data)\n",
    "app/clean.py": "def total(items):\n    return sum(items)\n",
}


def _essence(path: Path) -> tuple[str, frozenset[tuple[str, str, str, str]]]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    findings = frozenset(
        (f["fingerprint"], f["rule_id"], f["severity"], f["status"]) for f in data["findings"]
    )
    return data["verdict"], findings


@pytest.mark.slow
def test_cli_pre_commit_hook_and_action_agree(
    repo: GitRepo, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    hook_repo = build_hook_repo(tmp_path_factory)
    hook_json = tmp_path / "hook.json"
    repo.write(
        ".pre-commit-config.yaml",
        hook_repo.config([{"id": "gate", "args": ["--json", str(hook_json)]}]),
    )
    repo.write(".gate.yml", GATE_YML)
    repo.write("app/service.py", "def ping():\n    return 'pong'\n")
    base = repo.commit("base")
    env = hook_repo.env()
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=repo.path, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr

    # 1. the pre-commit hook, on the staged change (blocked; the JSON is written anyway)
    for name, content in CHANGE.items():
        repo.write(name, content)
    repo.git("add", "-A")
    hook = subprocess.run(
        ["git", "commit", "-m", "change"],
        cwd=repo.path, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert hook.returncode != 0, hook.stdout + hook.stderr
    head = (
        repo.git("commit", "-q", "--no-verify", "-m", "change")
        or repo.git("rev-parse", "HEAD").strip()
    )

    # 2. the CLI, as in CI
    cli_json = tmp_path / "cli.json"
    cli = subprocess.run(
        [sys.executable, "-m", "gate", "run", "--base", base, "--json", str(cli_json), "-q"],
        cwd=repo.path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert cli.returncode == 1, cli.stderr

    # 3. the action's steps on a pull_request event
    event = pr_event(tmp_path, base, head)
    action = run_action(
        repo.path, {"install": "false"}, actions_env(tmp_path, event, "pull_request"), tmp_path
    )
    assert action.exit_code == 1, action.log

    verdicts = {
        "gate run --base": _essence(cli_json),
        "pre-commit hook": _essence(hook_json),
        "action": _essence(Path(action.outputs["report"])),
    }
    assert verdicts["gate run --base"][0] == "fail"
    assert {r for _, f in verdicts.values() for _, r, _, _ in f} >= {"sec-unsafe-deserialization"}
    assert all(fingerprint for _, f in verdicts.values() for fingerprint, *_ in f)
    assert len(set(verdicts.values())) == 1, json.dumps(
        {k: [v[0], sorted(map(list, v[1]))] for k, v in verdicts.items()}, indent=1
    )
