"""Shared fixtures: real git repositories in temp dirs, the ../shared contracts."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.posting.forge import ForgeGitHub

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GATE_SHARED_DIR", PROJECT_ROOT.parent / "shared"))
CONTRACTS = SHARED / "contracts"


@pytest.fixture(autouse=True)
def _pinned_git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in {
        "GIT_AUTHOR_NAME": "Test Author",
        "GIT_AUTHOR_EMAIL": "author@example.com",
        "GIT_COMMITTER_NAME": "Test Committer",
        "GIT_COMMITTER_EMAIL": "committer@example.com",
        "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z",
        "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
        "GIT_CONFIG_NOSYSTEM": "1",
    }.items():
        monkeypatch.setenv(key, value)
    for key in ("GITHUB_ACTIONS", "GITHUB_EVENT_PATH", "GITHUB_TOKEN", "GITLAB_CI", "CI"):
        monkeypatch.delenv(key, raising=False)


class GitRepo:
    """A real repository in a temp dir, with helpers that read like the test's intent."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.email", "dev@example.com")
        self.git("config", "user.name", "Dev")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str) -> str:
        result = subprocess.run(
            ["git", *args], cwd=self.path, capture_output=True, text=True, check=True
        )
        return result.stdout

    def write(self, relative: str, content: str | bytes) -> Path:
        target = self.path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        return target

    def commit(self, message: str = "change") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[GitRepo]:
    path = tmp_path / "repo"
    path.mkdir()
    yield GitRepo(path)


def require_contract(relative: str) -> Path:
    """Path to a file in ../shared/contracts, or skip with the reason."""
    path = CONTRACTS / relative
    if not path.is_file():
        pytest.skip(f"contract {relative} not found: ../shared/contracts is absent ({CONTRACTS})")
    return path


@pytest.fixture
def forge() -> Iterator[ForgeGitHub]:
    """A fake GitHub with pull requests, reviews and teams on 127.0.0.1 (tests/posting/forge.py);
    every request is checked against the REST contract."""
    from tests.posting.forge import ForgeGitHub

    server = ForgeGitHub(require_contract("github-rest/api.github.com.gate-subset.json"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
    assert server.violations == [], "requests broke the contract"
