"""A local pack's rule that semgrep rejects is a configuration error naming file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gate.errors import ConfigError
from gate.policy.packs import load_catalog
from gate.scanning.semgrep import SemgrepScanner
from tests.conftest import PROJECT_ROOT, GitRepo
from tests.test_cli_run import gate
from tests.test_semgrep_engine import _request

MINI = PROJECT_ROOT / "tests" / "data" / "packs" / "mini"
ONLY_SEMGREP = (
    "packs: [./packs/mine]\n"
    "scanners:\n"
    "  bandit: {enabled: false}\n"
    "  heuristics: {enabled: false}\n"
    "  secrets: {enabled: false}\n"
)
BROKEN = {
    # (what is replaced, by what, the rule's line in mini.yml, the rule, semgrep's words)
    "pattern": ("pattern: eval(...)", "pattern: eval((", 18, "mini-eval", "Invalid pattern"),
    "regex": ("regex: ^card_number$", "regex: '(('", 2, "mini-card-logged", "invalid regex"),
    "language": (
        "languages: [python]\n    message: eval",
        "languages: [klingon]\n    message: eval",
        18,
        "mini-eval",
        "invalid language",
    ),
}


def _repo_with_pack(repo: GitRepo, old: str, new: str) -> None:
    shutil.copytree(MINI, repo.path / "packs" / "mine")
    rules = repo.path / "packs" / "mine" / "rules" / "mini.yml"
    text = rules.read_text()
    assert old in text
    repo.write("packs/mine/rules/mini.yml", text.replace(old, new))
    repo.write(".gate.yml", ONLY_SEMGREP)
    repo.write("README.md", "base\n")
    repo.commit("base")
    repo.write("app.py", "eval(data)\n")
    repo.commit("change")


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_local_pack_rule_is_exit_2_naming_file_line_and_rule(
    repo: GitRepo, kind: str
) -> None:
    old, new, line, rule_id, words = BROKEN[kind]
    _repo_with_pack(repo, old, new)
    result = gate(repo, "run", "--base", "HEAD~1")
    assert result.returncode == 2, result.stdout + result.stderr
    lines = [x for x in result.stderr.splitlines() if x.startswith("gate: error:")]
    assert len(lines) == 1, result.stderr
    expected = f"{Path('packs/mine/rules/mini.yml')}:{line}: rule '{rule_id}': "
    assert expected in lines[0]
    assert words in lines[0]


def test_pack_given_with_the_pack_option_names_its_file_too(repo: GitRepo) -> None:
    old, new, line, rule_id, _ = BROKEN["pattern"]
    _repo_with_pack(repo, old, new)
    repo.write(".gate.yml", ONLY_SEMGREP.replace("packs: [./packs/mine]\n", "packs: []\n"))
    result = gate(repo, "run", "--base", "HEAD~1", "--pack", "./packs/mine")
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"mini.yml:{line}: rule '{rule_id}': Invalid pattern" in result.stderr


@pytest.mark.parametrize("engine", ["direct", "cli"])
@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_both_engine_paths_map_the_rule_error_to_its_source(
    repo: GitRepo, tmp_path: Path, kind: str, engine: str
) -> None:
    old, new, line, rule_id, words = BROKEN[kind]
    _repo_with_pack(repo, old, new)
    catalog = load_catalog(["./packs/mine"], base_dir=repo.path)
    request = _request(repo.path, catalog, ["app.py"], tmp_path / "work")
    with pytest.raises(ConfigError) as raised:
        SemgrepScanner(engine).scan(request)
    message = str(raised.value)
    assert message.startswith(f"{repo.path / 'packs/mine/rules/mini.yml'}:{line}: ")
    assert f"rule '{rule_id}': " in message and words in message
    assert "\n" not in message
