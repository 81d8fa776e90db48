"""Pull requests are judged on their head, not on GitHub's test merge commit, and the
fork-safe two-workflow recipe posts that result end to end.

The repository is real: a base branch that gained lines after the PR branched, the PR
head, and the merge commit GitHub would build (``refs/pull/2/merge``), fetched into a
depth-1 clone the way actions/checkout does. The events are GitHub's published webhook
examples: ``pull_request.opened`` from ../shared/contracts and ``workflow_run.completed``
(tests/data/webhooks, see SOURCES.json there) with their shas pointed at the repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from gate.commands.cli import cli
from tests.conftest import PROJECT_ROOT, GitRepo
from tests.posting.fake_servers import TOKEN, FakeGitHub
from tests.test_action import GATE_YML, actions_env, pr_event, run_action

WEBHOOKS = PROJECT_ROOT / "tests" / "data" / "webhooks"
BASE_FILE = "import pickle\n\n\ndef load_config(path):\n    return path\n"
PR_ADDS = "\n\ndef load(blob):\n    return pickle.loads(blob)\n"  # the call: line 9 of the head
BASE_GAINS = "# one\n# two\n# three\n"  # on the base after the PR branched: line 12 when merged


def _merge_checkout(tmp_path: Path) -> tuple[Path, str, str]:
    """(a depth-1 clone with refs/pull/2/merge checked out, base tip, PR head)."""
    origin = GitRepo(tmp_path / "origin")
    origin.write(".gate.yml", GATE_YML)
    origin.write("app/loader.py", BASE_FILE)
    origin.commit("base")
    origin.git("checkout", "-q", "-b", "feature")
    origin.write("app/loader.py", BASE_FILE + PR_ADDS)
    head = origin.commit("the PR")
    origin.git("checkout", "-q", "main")
    origin.write("app/loader.py", BASE_GAINS + BASE_FILE)
    base = origin.commit("the base moves on")
    origin.git("checkout", "-q", "--detach", base)
    origin.git("merge", "-q", "--no-ff", "-m", "Merge feature into main", head)
    merge = origin.git("rev-parse", "HEAD").strip()
    origin.git("update-ref", "refs/pull/2/merge", merge)
    origin.git("update-ref", "refs/pull/2/head", head)
    origin.git("checkout", "-q", "main")
    origin.git("config", "uploadpack.allowAnySHA1InWant", "true")
    clone = tmp_path / "checkout"
    clone.mkdir()
    for args in (
        ["init", "-q"],
        ["remote", "add", "origin", origin.path.as_uri()],
        ["fetch", "-q", "--depth=1", "origin", "+refs/pull/2/merge:refs/remotes/pull/2/merge"],
        ["checkout", "-q", "--detach", "refs/remotes/pull/2/merge"],
    ):
        subprocess.run(["git", *args], cwd=clone, check=True, capture_output=True)
    assert subprocess.run(["git", "cat-file", "-e", head], cwd=clone).returncode != 0
    return clone, base, head


@pytest.mark.slow
def test_pull_request_is_scanned_and_annotated_on_the_head_not_the_merge_commit(
    tmp_path: Path,
) -> None:
    clone, base, head = _merge_checkout(tmp_path)
    merged = (clone / "app" / "loader.py").read_text(encoding="utf-8").splitlines()
    assert merged[11].strip() == "return pickle.loads(blob)"  # line 12 in the merge commit
    event = pr_event(tmp_path, base, head)
    run = run_action(
        clone, {"install": "false"}, actions_env(tmp_path, event, "pull_request"), tmp_path
    )
    assert run.exit_code == 1, run.log
    report = json.loads(Path(run.outputs["report"]).read_text(encoding="utf-8"))
    assert report["change"]["head_sha"] == head
    (finding,) = report["findings"]
    assert (finding["path"], finding["start_line"]) == ("app/loader.py", 9)
    assert "::error file=app/loader.py,line=9," in run.log
    assert "line=12" not in run.log
    sarif = json.loads(Path(run.outputs["sarif"]).read_text(encoding="utf-8"))
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 9


def _workflow_run_event(tmp_path: Path, head: str, *, fork: bool) -> tuple[Path, str]:
    payload: dict[str, Any] = json.loads(
        (WEBHOOKS / "workflow_run.completed.with-pull-requests.json").read_text(encoding="utf-8")
    )
    run = payload["workflow_run"]
    run["event"], run["head_sha"] = "pull_request", head
    if fork:  # GitHub lists no pull request for a fork's run
        run["pull_requests"] = []
        run["head_repository"]["full_name"] = "forker/octo-repo"
    else:
        run["pull_requests"][0]["head"]["sha"] = head
    target = tmp_path / "workflow_run.json"
    target.write_text(json.dumps(payload), encoding="utf-8")
    return target, payload["repository"]["full_name"]


@pytest.mark.slow
@pytest.mark.parametrize("how", ["gate-post", "action-post-from"])
@pytest.mark.parametrize("fork", [False, True], ids=["same-repo", "fork"])
def test_fork_safe_recipe_posts_the_unprivileged_result(
    tmp_path: Path, github: FakeGitHub, fork: bool, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clone, base, head = _merge_checkout(tmp_path)
    event = pr_event(tmp_path, base, head)
    scan = run_action(
        clone, {"install": "false"}, actions_env(tmp_path, event, "pull_request"), tmp_path
    )
    result = Path(scan.outputs["report"])
    assert json.loads(result.read_text(encoding="utf-8"))["pull_request"] == 2, scan.log

    # The privileged workflow: no checkout of the PR, only the result (an artifact).
    run_event, repository = _workflow_run_event(tmp_path, head, fork=fork)
    github.pull_heads[2] = head
    for key in [k for k in os.environ if k.startswith(("GITHUB_", "GATE_"))]:
        monkeypatch.delenv(key)
    privileged = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "workflow_run",
        "GITHUB_EVENT_PATH": str(run_event),
        "GITHUB_REPOSITORY": repository,
        "GITHUB_API_URL": github.base_url,
        "GITHUB_TOKEN": TOKEN,
    }
    if how == "gate-post":
        for key, value in privileged.items():
            monkeypatch.setenv(key, value)
        posted = CliRunner().invoke(cli, ["post", "--from", str(result)])
        output, code = posted.output, posted.exit_code
    else:  # docs/usage.md: the action with `post-from`, in a job with no checkout
        empty = tmp_path / "post-job"
        empty.mkdir()
        step = run_action(
            empty,
            {"install": "false", "post-from": str(result), "token": TOKEN},
            {**privileged, "RUNNER_TEMP": str(tmp_path / "runner-temp")},
            empty,
        )
        output, code = step.log, step.exit_code
        assert step.outputs["verdict"] == "fail", output
    assert "refusing" not in output and "posting failed" not in output, output
    assert code == 1, output  # the saved verdict: fail
    comments = github.comments_on(2)
    assert len(comments) == 1 and "sec-unsafe-deserialization" in comments[0]["body"]
    runs = list(github.check_runs.values())
    assert [r["head_sha"] for r in runs] == [head]
    (annotation,) = runs[0]["annotations"]
    assert (annotation["path"], annotation["start_line"]) == ("app/loader.py", 9)


@pytest.mark.slow
def test_gate_run_in_a_pull_request_job_judges_the_pr_head(tmp_path: Path) -> None:
    """`gate run --base` in a workflow script, not through the action."""
    clone, base, head = _merge_checkout(tmp_path)
    event = pr_event(tmp_path, base, head)
    env = {**os.environ, **actions_env(tmp_path, event, "pull_request")}
    argv = [sys.executable, "-m", "gate", "run", "--base", base, "--json", "r.json", "-q"]
    subprocess.run(["git", "fetch", "-q", "--depth=50", "origin", base], cwd=clone, check=True)
    missing = subprocess.run(argv, cwd=clone, env=env, capture_output=True, text=True)
    assert f"the PR head {head[:12]} is not in this clone" in missing.stderr
    subprocess.run(["git", "fetch", "-q", "--depth=50", "origin", head], cwd=clone, check=True)
    found = subprocess.run(argv, cwd=clone, env=env, capture_output=True, text=True)
    assert found.returncode == 1, found.stderr
    report = json.loads((clone / "r.json").read_text(encoding="utf-8"))
    assert report["change"]["head_sha"] == head
    assert [(f["path"], f["start_line"]) for f in report["findings"]] == [("app/loader.py", 9)]
