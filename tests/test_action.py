"""The composite action: schema, no script injection, and its `run:` steps executed the
way the runner would (inputs through `env:`, real event payload, GITHUB_OUTPUT and
GITHUB_STEP_SUMMARY files), on real git repositories."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from gate.change.checkout import base_from_event
from gate.change.git import EMPTY_TREE
from gate.commands.action import Inputs
from gate.commands.action_io import format_output, report_outputs
from gate.errors import UsageError
from tests.conftest import PROJECT_ROOT, GitRepo, require_contract

ACTION = PROJECT_ROOT / "action.yml"
_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_SIMPLE = re.compile(r"^(inputs|steps|github)\.[A-Za-z_][\w.-]*$")

# A policy that needs only semgrep and the security pack, so the verdict does not depend
# on which optional scanners are installed.
GATE_YML = """\
packs: [security]
scanners:
  bandit: {enabled: false}
  secrets: {enabled: false}
"""
CLEAN = "def total(items):\n    return sum(items)\n"
RISKY = "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n"


def load_action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return data


# --- a tiny composite-action runner ------------------------------------------------------


@dataclass
class ActionRun:
    exit_code: int
    outputs: dict[str, str]  # the action's outputs, resolved like the runner does
    step_outputs: dict[str, dict[str, str]]
    summary: str
    log: str
    skipped_uses: list[str] = field(default_factory=list)


def parse_output_file(text: str) -> dict[str, str]:
    """GITHUB_OUTPUT: `name=value` lines and `name<<DELIM` ... `DELIM` blocks."""
    values: dict[str, str] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line:
            continue
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            body = []
            while lines[index] != delimiter:
                body.append(lines[index])
                index += 1
            index += 1
            values[name] = "\n".join(body)
        else:
            name, _, value = line.partition("=")
            values[name] = value
    return values


def _evaluate(text: str, context: Mapping[str, Any]) -> str:
    def one(match: re.Match[str]) -> str:
        expression = match.group(1)
        assert _SIMPLE.match(expression), f"expression too complex for this harness: {expression}"
        value: Any = context
        for part in expression.split("."):
            value = value.get(part, "") if isinstance(value, Mapping) else ""
        return str(value)

    return _EXPR.sub(one, text)


def run_action(
    workdir: Path, inputs: Mapping[str, str], env: Mapping[str, str], tmp: Path
) -> ActionRun:
    """Execute every `run:` step of action.yml in bash like a runner; `uses:` steps are
    skipped (they set up Python and the cache, which the test environment already has)."""
    action = load_action()
    values = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    values["matrix"] = "null"  # `${{ toJson(matrix) }}` outside a matrix job
    values.update(inputs)
    github = {"action_path": str(PROJECT_ROOT), "token": "test-token-not-used"}
    values = {k: _evaluate(v, {"github": github}) for k, v in values.items()}
    steps: dict[str, dict[str, str]] = {}
    summaries, log, skipped = [], [], []
    base_env = {
        **os.environ,
        **env,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_ACTION_PATH": str(PROJECT_ROOT),
    }
    exit_code = 0
    for number, step in enumerate(action["runs"]["steps"]):
        if "uses" in step:
            skipped.append(step["uses"])
            continue
        assert "if" not in step, "run steps must not be conditional (the harness runs them all)"
        context = {"inputs": values, "github": github, "steps": steps}
        step_env = {k: _evaluate(str(v), context) for k, v in (step.get("env") or {}).items()}
        output_file = tmp / f"output-{number}"
        summary_file = tmp / f"summary-{number}"
        output_file.write_text("")
        summary_file.write_text("")
        script = tmp / f"step-{number}.sh"
        script.write_text(step["run"], encoding="utf-8")
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workdir,
            env={
                **base_env,
                **step_env,
                "GITHUB_OUTPUT": str(output_file),
                "GITHUB_STEP_SUMMARY": str(summary_file),
            },
            capture_output=True,
            text=True,
            check=False,
        )
        log.append(result.stdout + result.stderr)
        steps[step.get("id", f"step{number}")] = {
            "outputs": parse_output_file(output_file.read_text(encoding="utf-8"))
        }
        summaries.append(summary_file.read_text(encoding="utf-8"))
        if result.returncode != 0:
            exit_code = result.returncode
            break
    context = {"steps": steps}
    outputs = {k: _evaluate(v["value"], context) for k, v in action["outputs"].items()}
    return ActionRun(
        exit_code=exit_code,
        outputs=outputs,
        step_outputs={k: v["outputs"] for k, v in steps.items()},
        summary="".join(summaries),
        log="".join(log),
        skipped_uses=skipped,
    )


def pr_event(tmp: Path, base: str, head: str, name: str = "pull_request.opened.json") -> Path:
    """A real webhook example with its shas pointed at the test repository."""
    payload = json.loads(
        require_contract(f"github-webhooks/payloads/{name}").read_text(encoding="utf-8")
    )
    payload["pull_request"]["base"]["sha"] = base
    payload["pull_request"]["head"]["sha"] = head
    target = tmp / "event.json"
    target.write_text(json.dumps(payload), encoding="utf-8")
    return target


def actions_env(tmp: Path, event_path: Path, event: str) -> dict[str, str]:
    payload = json.loads(event_path.read_text(encoding="utf-8"))
    runner_temp = tmp / "runner-temp"
    runner_temp.mkdir(exist_ok=True)
    return {
        "GITHUB_ACTIONS": "true",
        "CI": "true",
        "GITHUB_EVENT_NAME": event,
        "GITHUB_EVENT_PATH": str(event_path),
        "GITHUB_REPOSITORY": payload["repository"]["full_name"],
        "GITHUB_RUN_ID": "1",
        "RUNNER_TEMP": str(runner_temp),
        "NO_COLOR": "1",
    }


def make_change(repo: GitRepo, content: str) -> tuple[str, str]:
    repo.write(".gate.yml", GATE_YML)
    repo.write("app/service.py", CLEAN)
    base = repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("app/loader.py", content)
    head = repo.commit("change")
    return base, head


# --- metadata ---------------------------------------------------------------------------


def test_action_yml_validates_against_schemastore_schema() -> None:
    from jsonschema import Draft7Validator

    schema = json.loads(
        require_contract("github-actions/github-action.schema.json").read_text(encoding="utf-8")
    )
    errors = sorted(Draft7Validator(schema).iter_errors(load_action()), key=str)
    assert not errors, "\n".join(e.message for e in errors)


def test_no_expression_inside_run_scripts() -> None:
    for step in load_action()["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), f"step {step.get('name')}: use env: instead"


def test_scripts_use_github_action_path_which_works_in_container_jobs() -> None:
    text = ACTION.read_text(encoding="utf-8")
    assert "github.action_path" not in text
    prep = next(s for s in load_action()["runs"]["steps"] if s.get("id") == "prep")
    assert '"$GITHUB_ACTION_PATH"' in prep["run"]


def test_actions_are_pinned_by_full_sha_at_node24_majors() -> None:
    uses = [s["uses"] for s in load_action()["runs"]["steps"] if "uses" in s]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    comments = re.findall(r"uses: (\S+) # (v\d+\.\d+\.\d+)", ACTION.read_text(encoding="utf-8"))
    assert {u.split("@")[0]: tag for u, tag in comments} == {
        "actions/setup-python": "v7.0.0",
        "actions/cache": "v5.0.5",
    }


def test_default_category_is_per_workflow_job_matrix_and_directory() -> None:
    from gate.commands.action import default_category

    env = {
        "GITHUB_WORKFLOW_REF": "o/r/.github/workflows/gate.yml@refs/pull/2/merge",
        "GITHUB_JOB": "scan",
    }
    assert default_category(env) == "gate/gate.yml:scan"
    matrix = {**env, "GATE_MATRIX": '{"python": "3.12", "os": "ubuntu"}'}
    assert default_category(matrix) == "gate/gate.yml:scan/os=ubuntu,python=3.12"
    other = {**matrix, "GATE_MATRIX": '{"python": "3.13", "os": "ubuntu"}'}
    assert default_category(other) != default_category(matrix)
    service = {**env, "GATE_WORKING_DIRECTORY": "services/pay/", "GATE_MATRIX": "null"}
    assert default_category(service) == "gate/gate.yml:scan/services/pay"
    assert Inputs.from_env({**env, "GATE_CATEGORY": "mine"}).category == "mine"
    assert Inputs.from_env(env).category == "gate/gate.yml:scan"


def test_every_input_reaches_a_step_and_every_output_has_a_source() -> None:
    action = load_action()
    text = ACTION.read_text(encoding="utf-8")
    for name in action["inputs"]:
        assert f"inputs.{name} }}}}" in text or f"inputs.{name} ==" in text, name
    run_step = next(s for s in action["runs"]["steps"] if s.get("id") == "gate")
    for name, output in action["outputs"].items():
        assert output["value"] == f"${{{{ steps.gate.outputs.{name} }}}}", name
    assert run_step["run"].strip() == '"$GATE_PYTHON" -m gate.commands.action run'


# --- pure helpers ---------------------------------------------------------------------


def test_multiline_output_uses_a_delimiter_absent_from_the_value() -> None:
    value = "line one\nEOF\ngate_deadbeef"
    entry = format_output("reason", value)
    assert parse_output_file(entry) == {"reason": value}
    assert format_output("verdict", "fail") == "verdict=fail\n"


def test_formats_input_needs_format_equals_path() -> None:
    inputs = Inputs.from_env({"GATE_FORMATS": "junit=out/gate.xml\n\n# note\ngitlab = gl.json"})
    assert inputs.formats == (("junit", "out/gate.xml"), ("gitlab", "gl.json"))
    with pytest.raises(UsageError, match="FORMAT=PATH"):
        Inputs.from_env({"GATE_FORMATS": "junit"})
    with pytest.raises(UsageError, match="GATE_POST"):
        Inputs.from_env({"GATE_POST": "maybe"})


def test_base_from_push_event_is_before_and_new_branch_falls_back_to_default(
    tmp_path: Path,
) -> None:
    push = require_contract("github-webhooks/payloads/push.json")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "push", "GITHUB_EVENT_PATH": str(push)}
    before = json.loads(push.read_text(encoding="utf-8"))["before"]
    assert base_from_event(env) == before
    new_branch = require_contract("github-webhooks/payloads/push.with-new-branch.json")
    payload = json.loads(new_branch.read_text(encoding="utf-8"))
    assert set(payload["before"]) == {"0"}
    env["GITHUB_EVENT_PATH"] = str(new_branch)
    default = payload["repository"]["default_branch"]
    assert payload["ref"] == f"refs/heads/{default}"  # the first push of the repository
    assert base_from_event(env) == EMPTY_TREE  # every pushed file is new; not a usage error
    payload["ref"] = "refs/heads/topic"
    other = tmp_path / "push.new-topic.json"
    other.write_text(json.dumps(payload), encoding="utf-8")
    env["GITHUB_EVENT_PATH"] = str(other)
    assert base_from_event(env) == f"origin/{default}"


def test_base_from_pull_request_event_is_the_pr_base(tmp_path: Path) -> None:
    event = pr_event(tmp_path, "a" * 40, "b" * 40, "pull_request.synchronize.json")
    for name in ("pull_request", "pull_request_target"):
        env = {"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": str(event)}
        assert base_from_event(env) == "a" * 40


def test_outside_actions_without_base_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="set the base input"):
        base_from_event({})


def test_report_outputs_count_only_active_findings() -> None:
    data = {
        "verdict": "warn",
        "verdict_reason": "r",
        "risk": {"tier": 1, "name": "elevated"},
        "findings": [
            {"severity": "medium", "status": "active"},
            {"severity": "high", "status": "suppressed"},
        ],
    }
    out = report_outputs(data, "/r.json", "")
    assert (out["verdict"], out["tier"], out["findings"], out["medium"], out["high"]) == (
        "warn",
        "1",
        "1",
        "1",
        "0",
    )


def test_prep_installs_the_action_source_and_keys_the_cache_on_it(tmp_path: Path) -> None:
    from gate.commands.action import prep

    source = tmp_path / "action"
    (source / "gate").mkdir(parents=True)
    (source / "pyproject.toml").write_text("[project]\n")
    (source / "gate" / "x.py").write_text("A = 1\n")
    first = prep({"GITHUB_ACTION_PATH": str(source)})
    assert first["package"] == str(source)
    (source / "gate" / "x.py").write_text("A = 2\n")
    second = prep({"GITHUB_ACTION_PATH": str(source)})
    assert first["cache-key"] != second["cache-key"] and first["venv"] != second["venv"]
    pinned = prep(
        {
            "GITHUB_ACTION_PATH": str(source),
            "GATE_VERSION": "v1.2.3",
            "GITHUB_ACTION_REPOSITORY": "your-org/prereview-gate",
        }
    )
    # never a registry name: a pinned git URL of the action's own repository
    assert pinned["package"] == (
        "prereview-gate @ git+https://github.com/your-org/prereview-gate@v1.2.3"
    )
    assert "-v1.2.3" in pinned["cache-key"]
    with pytest.raises(UsageError, match="tag or a full commit sha"):
        prep({"GITHUB_ACTION_PATH": str(source), "GATE_VERSION": "1.0; rm -rf /"})


# --- the steps, executed -------------------------------------------------------------------


@pytest.mark.slow
def test_action_steps_fail_a_risky_pull_request(repo: GitRepo, tmp_path: Path) -> None:
    base, head = make_change(repo, RISKY)
    event = pr_event(tmp_path, base, head)
    run = run_action(
        repo.path,
        {"install": "false", "formats": "junit=reports/gate.xml"},
        actions_env(tmp_path, event, "pull_request"),
        tmp_path,
    )
    assert run.exit_code == 1, run.log
    out = run.outputs
    assert out["verdict"] == "fail"
    assert out["exit-code"] == "1"
    assert out["high"] == "1" and out["findings"] == "1"
    report = json.loads(Path(out["report"]).read_text(encoding="utf-8"))
    assert out["tier"] == str(report["risk"]["tier"]) and out["tier-name"]
    assert report["change"]["base_sha"] == base and report["change"]["head_sha"] == head
    assert [f["rule_id"] for f in report["findings"]] == ["sec-unsafe-deserialization"]
    sarif = json.loads(Path(out["sarif"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert (repo.path / "reports" / "gate.xml").is_file()
    assert "sec-unsafe-deserialization" in run.summary and "FAIL" in run.summary.upper()
    assert "::error" in run.log and "app/loader.py" in run.log  # annotations on stdout
    assert run.skipped_uses == [
        "actions/setup-python@5fda3b95a4ea91299a34e894583c3862153e4b97",
        "actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae",
    ]


@pytest.mark.slow
def test_action_steps_pass_a_clean_push(repo: GitRepo, tmp_path: Path) -> None:
    base, head = make_change(repo, CLEAN.replace("total", "count"))
    payload = json.loads(
        require_contract("github-webhooks/payloads/push.json").read_text(encoding="utf-8")
    )
    payload["before"], payload["after"] = base, head
    event = tmp_path / "push.json"
    event.write_text(json.dumps(payload), encoding="utf-8")
    run = run_action(
        repo.path, {"install": "false"}, actions_env(tmp_path, event, "push"), tmp_path
    )
    assert run.exit_code == 0, run.log
    assert run.outputs["verdict"] == "pass"
    assert run.outputs["findings"] == "0"
    assert Path(run.outputs["sarif"]).is_file()
    assert "PASS" in run.summary.upper()


@pytest.mark.slow
def test_action_fetches_the_base_in_a_shallow_clone(repo: GitRepo, tmp_path: Path) -> None:
    base, head = make_change(repo, RISKY)
    repo.git("commit", "-q", "--allow-empty", "-m", "one more on the branch")
    repo.git("config", "uploadpack.allowAnySHA1InWant", "true")
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", "--branch", "feature", repo.path.as_uri(), clone],
        check=True,
    )
    missing = subprocess.run(["git", "cat-file", "-e", base], cwd=clone, check=False)
    assert missing.returncode != 0  # the base really is absent before the action runs
    event = pr_event(tmp_path, base, head)
    run = run_action(
        clone, {"install": "false"}, actions_env(tmp_path, event, "pull_request"), tmp_path
    )
    assert "fetching" in run.log
    assert run.outputs["verdict"] == "fail", run.log
    assert run.exit_code == 1


@pytest.mark.slow
def test_action_reports_a_config_error_as_an_error_verdict(repo: GitRepo, tmp_path: Path) -> None:
    repo.write(".gate.yml", "fail_onn: high\n")
    base = repo.commit("base")
    repo.write("a.py", CLEAN)
    head = repo.commit("change")
    event = pr_event(tmp_path, base, head)
    run = run_action(
        repo.path, {"install": "false"}, actions_env(tmp_path, event, "pull_request"), tmp_path
    )
    assert run.exit_code == 2, run.log
    assert run.outputs["verdict"] == "error"
    assert "fail_onn" in run.log


@pytest.mark.slow
def test_first_push_of_a_repository_scans_every_pushed_file(repo: GitRepo, tmp_path: Path) -> None:
    repo.write(".gate.yml", GATE_YML)
    repo.write("app/loader.py", RISKY)
    head = repo.commit("initial import")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.path.as_uri(), clone], check=True)
    payload = json.loads(
        require_contract("github-webhooks/payloads/push.with-new-branch.json").read_text(
            encoding="utf-8"
        )
    )
    payload["after"] = head
    payload["ref"] = f"refs/heads/{payload['repository']['default_branch']}"
    event = tmp_path / "push.json"
    event.write_text(json.dumps(payload), encoding="utf-8")
    run = run_action(clone, {"install": "false"}, actions_env(tmp_path, event, "push"), tmp_path)
    assert run.exit_code == 1, run.log  # a verdict on the pushed files, not exit 2
    report = json.loads(Path(run.outputs["report"]).read_text(encoding="utf-8"))
    assert "empty tree" in report["change"]["description"]
    assert {f["path"] for f in report["findings"]} == {"app/loader.py"}
    assert "sec-unsafe-deserialization" in {f["rule_id"] for f in report["findings"]}


def test_baseline_input_reaches_gate_run(tmp_path: Path) -> None:
    from gate.commands.action import gate_argv

    on = Inputs.from_env({"GATE_BASELINE": "Off"})
    assert "--baseline" in (argv := gate_argv(on, "base", "r.json", "s.sarif", tmp_path))
    assert argv[argv.index("--baseline") + 1] == "off"
    assert "--baseline" not in gate_argv(Inputs.from_env({}), "b", "r", "s", tmp_path)
    with pytest.raises(UsageError, match="baseline: 'maybe' is not on or off"):
        Inputs.from_env({"GATE_BASELINE": "maybe"})
