"""`.pre-commit-hooks.yaml` under the real pre-commit framework.

The hook repository is a clone of this checkout at its committed HEAD (pre-commit
installs hooks from commits, so commit before running these tests). The hook
environment (pip install of gate with semgrep) is built once per session in a shared
PRE_COMMIT_HOME; every test then uses `repo: <clone>` / `rev: <sha>` in a temporary
`.pre-commit-config.yaml` and triggers the hooks through real `git commit` / `git push`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import PROJECT_ROOT, GitRepo, require_contract

MANIFEST = PROJECT_ROOT / ".pre-commit-hooks.yaml"
GATE_YML = """\
packs: [security]
scanners:
  bandit: {enabled: false}
  secrets: {enabled: false}
"""
CLEAN = "def total(items):\n    return sum(items)\n"
RISKY = "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n"


def precommit(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


# --- the manifest -----------------------------------------------------------------------


def test_manifest_passes_pre_commit_validate_manifest() -> None:
    result = precommit("validate-manifest", str(MANIFEST), cwd=PROJECT_ROOT, env=dict(os.environ))
    assert result.returncode == 0, result.stdout + result.stderr


def test_manifest_validates_against_schemastore_schema() -> None:
    from jsonschema import Draft7Validator

    schema = json.loads(
        require_contract("pre-commit/pre-commit-hooks.schema.json").read_text(encoding="utf-8")
    )
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    errors = sorted(Draft7Validator(schema).iter_errors(manifest), key=str)
    assert not errors, "\n".join(e.message for e in errors)


def test_manifest_commit_hook_takes_filenames_and_push_hook_the_pushed_range() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))}
    assert hooks["gate"]["stages"] == ["pre-commit"]
    assert hooks["gate"]["entry"] == "gate run --pre-commit"
    assert hooks["gate"]["pass_filenames"] is True
    assert hooks["gate-push"]["stages"] == ["pre-push"]
    assert hooks["gate-push"]["entry"] == "gate run --pre-push"
    assert hooks["gate-push"]["pass_filenames"] is False
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["require_serial"] is True


# --- the real framework -------------------------------------------------------------------


@dataclass(frozen=True)
class HookRepo:
    path: Path
    rev: str
    home: Path  # PRE_COMMIT_HOME with the built hook environment

    def env(self) -> dict[str, str]:
        return {**os.environ, "PRE_COMMIT_HOME": str(self.home), "PRE_COMMIT_COLOR": "never"}

    def config(self, hooks: list[dict[str, Any]]) -> str:
        return yaml.safe_dump(
            {"repos": [{"repo": str(self.path), "rev": self.rev, "hooks": hooks}]},
            sort_keys=False,
        )


_BUILT: dict[str, HookRepo] = {}


def build_hook_repo(factory: pytest.TempPathFactory) -> HookRepo:
    """Clone the committed HEAD and build its hook environment once per session."""
    if "repo" in _BUILT:
        return _BUILT["repo"]
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    committed = subprocess.run(
        ["git", "cat-file", "-e", f"{head}:.pre-commit-hooks.yaml"], cwd=PROJECT_ROOT, check=False
    )
    assert committed.returncode == 0, "commit .pre-commit-hooks.yaml: hooks come from commits"
    base = factory.mktemp("precommit")
    clone = base / "gate-hooks"
    subprocess.run(["git", "clone", "-q", "--no-local", str(PROJECT_ROOT), str(clone)], check=True)
    subprocess.run(["git", "checkout", "-q", head], cwd=clone, check=True)
    hook_repo = HookRepo(path=clone, rev=head, home=base / "home")
    scratch = GitRepo(base / "scratch")
    scratch.write(
        ".pre-commit-config.yaml", hook_repo.config([{"id": "gate"}, {"id": "gate-push"}])
    )
    scratch.commit("config")
    built = precommit("install-hooks", cwd=scratch.path, env=hook_repo.env())
    assert built.returncode == 0, "building the hook env failed:\n" + built.stdout + built.stderr
    _BUILT["repo"] = hook_repo
    return hook_repo


@pytest.fixture
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> HookRepo:
    return build_hook_repo(tmp_path_factory)


def project(repo: GitRepo, hook_repo: HookRepo, hooks: list[dict[str, Any]]) -> None:
    """A repository using gate's hooks through pre-commit, with gate's policy committed."""
    repo.write(".pre-commit-config.yaml", hook_repo.config(hooks))
    repo.write(".gate.yml", GATE_YML)
    repo.write("app/service.py", CLEAN)
    repo.commit("base")


def git(repo: GitRepo, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=repo.path, env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_commit_with_high_finding_is_blocked_and_clean_commit_passes(
    repo: GitRepo, hook_repo: HookRepo
) -> None:
    project(repo, hook_repo, [{"id": "gate"}])
    env = hook_repo.env()
    installed = precommit("install", cwd=repo.path, env=env)
    assert installed.returncode == 0, installed.stderr

    repo.write("app/loader.py", RISKY)
    repo.git("add", "app/loader.py")
    blocked = git(repo, "commit", "-m", "risky", env=env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "gate (staged changes)" in output and "Failed" in output
    assert "FAIL" in output and "sec-unsafe-deserialization" in output
    assert "app/loader.py" in output
    print(output)  # what the developer sees (pytest -s)
    assert repo.git("log", "--format=%s").split() == ["base"]  # nothing was committed

    repo.write("app/loader.py", CLEAN.replace("total", "count"))
    repo.git("add", "app/loader.py")
    passed = git(repo, "commit", "-m", "clean", env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    shown = passed.stdout + passed.stderr
    assert "gate (staged changes)" in shown and "Passed" in shown


@pytest.mark.slow
def test_push_of_a_risky_commit_is_blocked_by_the_pre_push_hook(
    repo: GitRepo, hook_repo: HookRepo, tmp_path: Path
) -> None:
    project(repo, hook_repo, [{"id": "gate-push"}])
    env = hook_repo.env()
    installed = precommit("install", "--hook-type", "pre-push", cwd=repo.path, env=env)
    assert installed.returncode == 0, installed.stderr
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    repo.git("remote", "add", "origin", str(remote))
    first = git(repo, "push", "-q", "origin", "main", env=env)
    assert first.returncode == 0, first.stdout + first.stderr

    repo.write("app/cleaner.py", CLEAN.replace("total", "count"))
    repo.commit("clean")
    clean = git(repo, "push", "origin", "main", env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "gate (commits being pushed)" in clean.stdout + clean.stderr

    repo.write("app/loader.py", RISKY)
    risky_sha = repo.commit("risky")
    blocked = git(repo, "push", "origin", "main", env=env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "sec-unsafe-deserialization" in output and "Failed" in output
    remote_head = subprocess.run(
        ["git", "rev-parse", "main"], cwd=remote, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert remote_head != risky_sha


def _committed_risky_file(repo: GitRepo, hook_repo: HookRepo) -> None:
    project(repo, hook_repo, [{"id": "gate"}])
    repo.write("app/loader.py", RISKY)
    repo.commit("risky, committed before the hook existed")


@pytest.mark.slow
def test_run_all_files_and_files_scan_the_given_files_whole(
    repo: GitRepo, hook_repo: HookRepo
) -> None:
    _committed_risky_file(repo, hook_repo)
    env = hook_repo.env()
    everything = precommit("run", "--all-files", cwd=repo.path, env=env)
    output = everything.stdout + everything.stderr
    assert everything.returncode == 1, output
    assert "sec-unsafe-deserialization" in output and "app/loader.py" in output
    assert "scanned whole" in output  # not "0 files changed"
    one = precommit("run", "--files", "app/loader.py", cwd=repo.path, env=env)
    assert one.returncode == 1 and "sec-unsafe-deserialization" in one.stdout + one.stderr
    clean = precommit("run", "--files", "app/service.py", cwd=repo.path, env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
    in_ci = precommit("run", "--all-files", cwd=repo.path, env={**env, "CI": "true"})
    assert in_ci.returncode == 1, in_ci.stdout + in_ci.stderr  # pre-commit in CI: a verdict
    assert "sec-unsafe-deserialization" in in_ci.stdout


@pytest.mark.slow
def test_run_from_ref_to_ref_scans_that_range(repo: GitRepo, hook_repo: HookRepo) -> None:
    _committed_risky_file(repo, hook_repo)
    repo.write("app/count.py", CLEAN.replace("total", "count"))
    repo.commit("clean on top")
    env = hook_repo.env()
    risky = precommit("run", "--from-ref", "HEAD~2", "--to-ref", "HEAD~1", cwd=repo.path, env=env)
    assert risky.returncode == 1 and "app/loader.py" in risky.stdout + risky.stderr
    clean = precommit("run", "--from-ref", "HEAD~1", "--to-ref", "HEAD", cwd=repo.path, env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr


@pytest.mark.slow
def test_try_repo_all_files_scans_with_the_working_copy_of_the_hooks(repo: GitRepo) -> None:
    """`pre-commit try-repo` builds the hook from this checkout, uncommitted edits included."""
    repo.write(".gate.yml", GATE_YML)
    repo.write("app/loader.py", RISKY)
    repo.commit("risky")
    env = {
        **os.environ,
        "PRE_COMMIT_COLOR": "never",
        "PRE_COMMIT_HOME": str(repo.path.parent / "h"),
    }
    tried = precommit("try-repo", str(PROJECT_ROOT), "gate", "--all-files", cwd=repo.path, env=env)
    output = tried.stdout + tried.stderr
    assert tried.returncode == 1, output
    assert "gate (staged changes)" in output and "sec-unsafe-deserialization" in output


def _pushing_project(
    repo: GitRepo, hook_repo: HookRepo, tmp_path: Path
) -> tuple[Path, dict[str, str]]:
    project(repo, hook_repo, [{"id": "gate-push"}])
    env = hook_repo.env()
    installed = precommit("install", "--hook-type", "pre-push", cwd=repo.path, env=env)
    assert installed.returncode == 0, installed.stderr
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    repo.git("remote", "add", "origin", str(remote))
    first = git(repo, "push", "-q", "-u", "origin", "main", env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    return remote, env


@pytest.mark.slow
def test_pre_push_stage_judges_the_pushed_branch_not_head(
    repo: GitRepo, hook_repo: HookRepo, tmp_path: Path
) -> None:
    remote, env = _pushing_project(repo, hook_repo, tmp_path)
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("app/loader.py", RISKY)
    repo.commit("risky")
    repo.git("push", "-q", "--no-verify", "origin", "feature:refs/heads/feature")
    repo.write("app/more.py", RISKY.replace("def load", "def more"))
    repo.commit("more risk")
    repo.git("checkout", "-q", "main")  # clean main checked out, risky feature pushed
    blocked = git(repo, "push", "origin", "feature", env=env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "app/more.py" in output and "Failed" in output

    repo.write("app/count.py", CLEAN.replace("total", "count"))
    clean = repo.commit("clean")
    repo.git("checkout", "-q", "feature")  # HEAD is risky, the clean main is pushed
    passed = git(repo, "push", "origin", "main", env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    remote_main = subprocess.run(
        ["git", "rev-parse", "main"], cwd=remote, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert remote_main == clean


@pytest.mark.slow
def test_commit_changing_one_function_of_a_large_file_is_judged_on_that_function(
    repo: GitRepo, hook_repo: HookRepo
) -> None:
    project(repo, hook_repo, [{"id": "gate"}])
    env = hook_repo.env()
    assert precommit("install", cwd=repo.path, env=env).returncode == 0
    functions = "".join(
        f"def handler{i}(blob, x):\n    return {{'v': x + {i}, 'n': len(blob)}}\n\n\n"
        for i in range(150)
    )
    repo.write("app/handlers.py", "import pickle\n\n\n" + functions)
    repo.git("add", "app/handlers.py")
    assert git(repo, "commit", "-m", "handlers", env=env).returncode == 0

    marker = "def handler75(blob, x):\n"
    risky = functions.replace(marker, marker + "    data = pickle.loads(blob)\n")
    repo.write("app/handlers.py", "import pickle\n\n\n" + risky)
    repo.git("add", "app/handlers.py")
    blocked = git(repo, "commit", "-m", "risky", env=env)
    output = blocked.stdout + blocked.stderr
    line = ("import pickle\n\n\n" + risky).splitlines().index("    data = pickle.loads(blob)") + 1
    assert blocked.returncode != 0, output
    assert "sec-unsafe-deserialization" in output and f"app/handlers.py:{line}" in output
    assert "handler75 with the module-level code" in " ".join(output.split())
