"""Helpers for the adversarial suite: a base commit with gate's policy, a hostile PR on top."""

from __future__ import annotations

from gate.report import Report
from gate.runner import RunOptions, run_gate
from tests.conftest import GitRepo
from tests.test_pipeline import ONLY_SEMGREP

BANDIT_ONLY = (
    "scanners:\n"
    "  semgrep: {enabled: false}\n"
    "  heuristics: {enabled: false}\n"
    "  secrets: {enabled: false}\n"
)


def base_then_pr(repo: GitRepo, files: dict[str, str | bytes], config: str = ONLY_SEMGREP) -> None:
    """Commit the base (policy + a harmless file), then the PR's files on top."""
    repo.write(".gate.yml", config)
    repo.write("README.md", "base\n")
    repo.commit("base")
    for name, content in files.items():
        repo.write(name, content)
    repo.commit("hostile change")


def run_pr(repo: GitRepo, **options: object) -> Report:
    return run_gate(RunOptions(cwd=repo.path, base="HEAD~1", **options))  # type: ignore[arg-type]


def active_rules(report: Report) -> set[tuple[str, str, int]]:
    return {(f.rule_id, f.path, f.start_line) for f in report.findings if f.is_active}


__all__ = ["BANDIT_ONLY", "active_rules", "base_then_pr", "run_pr"]
