"""`gate init`: detection from tracked files, and a starter file that gate accepts."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from gate.commands.cli import cli
from gate.commands.init import Project, detect_project, render_config, write_config
from gate.errors import UsageError
from gate.policy.config import parse_config
from gate.policy.source import parse_policy
from tests.conftest import GitRepo


def test_detects_languages_frameworks_and_payment_paths(repo: GitRepo) -> None:
    repo.write("requirements.txt", "Flask==3.0\nrequests\n")
    repo.write("pyproject.toml", '[project]\ndependencies = ["fastapi>=0.110"]\n')
    repo.write("web/package.json", '{"dependencies": {"express": "^4.19.0"}}')
    repo.write("web/server.ts", "export {}\n")
    repo.write("web/util.js", "module.exports = {}\n")
    repo.write("src/payments/charge.py", "x = 1\n")
    repo.write("src/billing/invoice.py", "x = 1\n")
    repo.write("src/app.py", "x = 1\n")
    repo.write("cmd/main.go", "package main\n")
    repo.commit()
    project = detect_project(repo.path)
    assert project.languages == ("python", "go", "javascript", "typescript")
    assert project.frameworks == ("Express", "FastAPI", "Flask")
    assert project.sensitive_dirs == ("src/billing", "src/payments")


def test_framework_names_inside_other_words_do_not_count(repo: GitRepo) -> None:
    repo.write("requirements.txt", "flask-unrelated-plugin-free\ndjangorestish\n")
    repo.write("package.json", '{"dependencies": {"express-validator": "1"}}')
    repo.write("a.py", "x = 1\n")
    repo.commit()
    project = detect_project(repo.path)
    assert project.frameworks == ()


def test_untracked_files_are_not_detected(repo: GitRepo) -> None:
    repo.write("a.go", "package a\n")
    repo.commit()
    repo.write("payments/new.py", "x = 1\n")
    project = detect_project(repo.path)
    assert project.languages == ("go",) and project.sensitive_dirs == ()


@pytest.mark.parametrize(
    "project",
    [
        Project(),
        Project(languages=("javascript",), frameworks=("Express",)),
        Project(languages=("python", "go"), frameworks=("Django",), sensitive_dirs=("pay",)),
    ],
)
def test_rendered_config_loads(project: Project) -> None:
    text = render_config(project)
    config = parse_config(text, ".gate.yml")
    parse_policy(text, ".gate.yml")  # risk/routing/sla validation too
    assert config.fail_on == "high" and config.filter_mode == "added"
    python = "python" in project.languages
    assert config.scanner("bandit")["enabled"] is python
    for directory in project.sensitive_dirs:
        assert f"{directory}/**" in config["critical_paths"]
    if not project.sensitive_dirs:
        assert "critical_paths:" not in text.replace("# critical_paths:", "")


def test_write_refuses_to_overwrite_without_force(repo: GitRepo) -> None:
    repo.write("a.py", "x = 1\n")
    repo.commit()
    path, _ = write_config(repo.path)
    parse_config(path.read_text(encoding="utf-8"), ".gate.yml")
    path.write_text("fail_on: low\n")
    with pytest.raises(UsageError, match="already exists.*--force"):
        write_config(repo.path)
    assert path.read_text() == "fail_on: low\n"
    write_config(repo.path, force=True)
    assert "fail_on: high" in path.read_text()


def test_cli_init_writes_at_the_repository_root(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write("checkout/cart.py", "x = 1\n")
    repo.commit()
    monkeypatch.chdir(repo.path / "checkout")
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 0, result.output
    assert "wrote .gate.yml (Python)" in result.output
    assert "critical_paths include checkout" in result.output
    text = (repo.path / ".gate.yml").read_text()
    assert "checkout/**" in parse_config(text, ".gate.yml")["critical_paths"]
