"""`gate run`, `gate merge`, `gate explain-tier` and `gate post` through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, GitRepo, require_contract
from tests.test_pipeline import ONLY_SEMGREP

CHANGE = (
    "import logging\nlog = logging.getLogger()\n\n"
    "def pay(card_number):\n    log.info('%s', card_number)\n"
)


def gate(repo: GitRepo, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    return subprocess.run(
        [sys.executable, "-m", "gate", *args],
        cwd=repo.path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )


@pytest.fixture
def risky(repo: GitRepo) -> GitRepo:
    repo.write(".gate.yml", ONLY_SEMGREP)
    repo.write("README.md", "x\n")
    repo.commit("base")
    repo.write("pay.py", CHANGE)
    repo.write("other.py", "eval(data)\n")
    repo.write("third.py", "x = 1\n")
    repo.commit("risky change")
    return repo


def test_run_writes_valid_sarif_and_json_and_exits_1_on_fail(risky: GitRepo) -> None:
    from jsonschema import Draft4Validator

    result = gate(risky, "run", "--base", "HEAD~1", "--sarif", "out.sarif", "--json", "out.json")
    assert result.returncode == 1, result.stderr
    assert "mini-card-logged" in result.stdout
    sarif = json.loads((risky.path / "out.sarif").read_text())
    schema = json.loads(require_contract("sarif/sarif-schema-2.1.0.json").read_text())
    Draft4Validator(schema).validate(sarif)
    data = json.loads((risky.path / "out.json").read_text())
    assert data["verdict"] == "fail"
    assert data["risk"]["tier"] in (0, 1, 2, 3)
    rules = {f["rule_id"] for f in data["findings"] if f["status"] == "active"}
    assert rules == {"mini-card-logged", "mini-eval"}


def test_json_to_stdout_keeps_stdout_machine_readable(risky: GitRepo) -> None:
    result = gate(risky, "run", "--base", "HEAD~1", "--format", "json")
    assert json.loads(result.stdout)["verdict"] == "fail"
    assert result.stderr.startswith("gate: FAIL")


def test_exit_codes_for_usage_and_config_errors(risky: GitRepo) -> None:
    assert gate(risky, "run", "--base", "HEAD~1", "--staged").returncode == 2
    assert gate(risky, "run", "some.py").returncode == 2
    risky.write(".gate.yml", "fail_onn: high\n")
    result = gate(risky, "run", "--base", "HEAD~1")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "gate: error: .gate.yml:1: unknown key 'fail_onn' (did you mean 'fail_on'?)"
    )


def test_pass_exits_0_and_says_what_was_compared(repo: GitRepo) -> None:
    repo.write(".gate.yml", ONLY_SEMGREP)
    repo.commit("base")
    repo.write("clean.py", "def add(a, b):\n    return a + b\n")
    repo.commit("clean")
    result = gate(repo, "run", "--base", "HEAD~1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "merge-base" in result.stdout


def test_shards_merge_into_the_same_verdict_as_one_run(risky: GitRepo) -> None:
    gate(risky, "run", "--base", "HEAD~1", "--json", "full.json")
    for index in (1, 2):
        gate(risky, "run", "--base", "HEAD~1", "--shard", f"{index}/2", "--json", f"s{index}.json")
    merged = gate(risky, "merge", "s1.json", "s2.json", "--json", "merged.json", "--quiet")
    assert merged.returncode == 1, merged.stderr
    full = json.loads((risky.path / "full.json").read_text())
    combined = json.loads((risky.path / "merged.json").read_text())
    shard_one = json.loads((risky.path / "s1.json").read_text())
    assert len(shard_one["coverage"]) < len(full["coverage"])
    assert combined["verdict"] == full["verdict"]
    assert {f["fingerprint"] for f in combined["findings"]} == {
        f["fingerprint"] for f in full["findings"]
    }


def _shards(repo: GitRepo, total: int, *indexes: int) -> list[str]:
    names = []
    for index in indexes:
        name = f"s{index}of{total}-{len(names)}.json"
        result = gate(
            repo, "run", "--base", "HEAD~1", "--shard", f"{index}/{total}", "--json", name
        )
        assert result.returncode in (0, 1), result.stderr
        names.append(name)
    return names


def test_merge_recomputes_tier_and_change_stats_for_the_whole_change(risky: GitRepo) -> None:
    gate(risky, "run", "--base", "HEAD~1", "--json", "full.json")
    merged = gate(risky, "merge", *_shards(risky, 3, 1, 2, 3), "--json", "merged.json", "-q")
    assert merged.returncode == 1, merged.stderr
    full = json.loads((risky.path / "full.json").read_text())
    combined = json.loads((risky.path / "merged.json").read_text())
    for key in ("files_changed", "lines_added", "base_sha", "head_sha"):
        assert combined["change"][key] == full["change"][key], key
    assert combined["risk"] == full["risk"]
    assert combined["shard"] == "" and combined["verdict"] == full["verdict"]


@pytest.mark.parametrize(
    ("indexes", "message"),
    [
        ((1, 2), "gate: error: gate merge: shard 3/3 missing: merge all 3 results"),
        ((1, 2, 2, 3), "gate: error: gate merge: shard 2/3 is given more than once"),
    ],
    ids=["missing", "duplicate"],
)
def test_merge_refuses_an_incomplete_or_duplicated_set(
    risky: GitRepo, indexes: tuple[int, ...], message: str
) -> None:
    result = gate(risky, "merge", *_shards(risky, 3, *indexes))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [message]


def test_merge_refuses_shards_of_different_changes_configs_or_splits(risky: GitRepo) -> None:
    one, two = _shards(risky, 2, 1, 2)
    other_split = _shards(risky, 3, 2)[0]
    result = gate(risky, "merge", one, other_split)
    assert result.returncode == 2 and "split the change differently" in result.stderr
    whole = "whole.json"
    gate(risky, "run", "--base", "HEAD~1", "--json", whole)
    result = gate(risky, "merge", one, whole)
    assert result.returncode == 2 and f"{whole} was not made with" in result.stderr
    data = json.loads((risky.path / two).read_text())
    data["config"] = {**data["config"], "fail_on": "critical"}
    (risky.path / "weaker.json").write_text(json.dumps(data))
    result = gate(risky, "merge", one, "weaker.json")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"gate: error: gate merge: weaker.json has a different configuration than {one}"
    )
    risky.write("pay.py", CHANGE + "# more\n")
    risky.commit("next")
    (moved,) = _shards(risky, 2, 2)
    result = gate(risky, "merge", one, moved)
    assert result.returncode == 2 and "commit than" in result.stderr  # another change


def test_explain_tier_from_a_saved_result(risky: GitRepo) -> None:
    gate(risky, "run", "--base", "HEAD~1", "--json", "r.json", "--quiet")
    result = gate(risky, "explain-tier", "--from", "r.json")
    assert result.returncode == 0
    assert result.stdout.startswith("tier ")


def test_post_outside_ci_is_a_usage_error(risky: GitRepo) -> None:
    gate(risky, "run", "--base", "HEAD~1", "--json", "r.json", "--quiet")
    result = gate(risky, "post", "--from", "r.json")
    assert "not running in GitHub Actions" in result.stderr
    assert result.returncode == 1  # posting problems never change the saved verdict's code


def test_version_works_outside_the_source_tree(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gate", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("gate ")
    assert str(PROJECT_ROOT) not in result.stdout
