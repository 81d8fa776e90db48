"""Analysis completeness is part of the verdict: a file a scanner did not really analyse
is listed per scanner with the reason, fails closed in CI and warns locally."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from gate.report import Verdict
from tests.adversarial.helpers import BANDIT_ONLY, active_rules, base_then_pr, run_pr
from tests.conftest import GitRepo
from tests.test_pipeline import ONLY_SEMGREP

PADDING = "# padding padding padding padding padding\n" * 10


def _coverage(report: object, path: str) -> str:
    return next(c.skipped for c in report.coverage if c.path == path)  # type: ignore[attr-defined]


def test_python_file_over_max_file_bytes_is_not_a_silent_pass(repo: GitRepo) -> None:
    base_then_pr(repo, {"big.py": PADDING + "eval(data)\n"}, ONLY_SEMGREP + "max_file_bytes: 100\n")
    local = run_pr(repo)
    assert local.verdict is Verdict.WARN and local.exit_code == 0
    assert "no changed file in a supported language" not in local.verdict_reason
    assert _coverage(local, "big.py").startswith("too large")
    ci = run_pr(repo, in_ci=True)
    assert ci.verdict is Verdict.ERROR and ci.exit_code == 3
    assert "big.py" in ci.verdict_reason and "on_coverage_gap.too_large" in ci.verdict_reason


def test_on_coverage_gap_warn_accepts_the_gap_in_ci(repo: GitRepo) -> None:
    config = ONLY_SEMGREP + "max_file_bytes: 100\non_coverage_gap: {too_large: warn}\n"
    base_then_pr(repo, {"big.py": PADDING + "x = 1\n"}, config)
    report = run_pr(repo, in_ci=True)
    assert report.verdict is Verdict.WARN and report.exit_code == 0


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="needs an interpreter older than 3.12")
def test_syntax_newer_than_the_interpreter_is_listed_per_scanner(repo: GitRepo) -> None:
    config = "scanners:\n  semgrep: {enabled: false}\n  secrets: {enabled: false}\n"
    base_then_pr(repo, {"new.py": "type Alias = int\n\nclass C[T]:\n    pass\n"}, config)
    report = run_pr(repo)
    text = _coverage(report, "new.py")
    assert "not analysed by bandit" in text and "not analysed by heuristics" in text
    assert report.verdict is Verdict.WARN
    assert run_pr(repo, in_ci=True).verdict is Verdict.ERROR


@pytest.mark.parametrize(
    ("config", "name", "says"),
    [
        ("scanners: {bandit: {enabled: false}, heuristics: {enabled: false}}\n", "a.rb", "Ruby"),
        (ONLY_SEMGREP, "b.rs", "Rust"),  # no scanner accepts it at all
    ],
)
def test_code_with_only_generic_rules_says_no_rules(
    repo: GitRepo, config: str, name: str, says: str
) -> None:
    base_then_pr(repo, {name: "puts 'hi'\n"}, config)
    report = run_pr(repo, in_ci=True)
    assert _coverage(report, name) == f"not analysed (no rules for {says})"
    assert report.verdict is Verdict.PASS  # information, not a gap


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("tool", "#!/usr/bin/env python3\nimport sys\neval(sys.argv[1])\n"),
        ("tool.pyw", "import sys\neval(sys.argv[1])\n"),
        ("tool.py ", "import sys\neval(sys.argv[1])\n"),
    ],
)
def test_python_found_by_content_reaches_the_python_scanners(
    repo: GitRepo, name: str, content: str
) -> None:
    base_then_pr(repo, {name: content}, BANDIT_ONLY)
    report = run_pr(repo)
    assert any(path == name for _, path, _ in active_rules(report)), report.coverage
    assert report.verdict is not Verdict.PASS


def test_extensionless_python_script_reaches_semgrep(repo: GitRepo) -> None:
    base_then_pr(repo, {"tool": "#!/usr/bin/env python3\neval(data)\n"}, ONLY_SEMGREP)
    report = run_pr(repo)
    assert ("mini-eval", "tool", 2) in active_rules(report)


def _fake_semgrep_cli(tmp_path: Path, output: dict[str, object]) -> Path:
    bin_dir = tmp_path / "fakebin"
    bin_dir.mkdir()
    fake = bin_dir / "semgrep"
    fake.write_text(f"#!/bin/sh\ncat <<'JSON'\n{json.dumps(output)}\nJSON\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    return bin_dir


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (  # per-file engine timeout: semgrep reports it at level warn
            {
                "results": [],
                "errors": [
                    {"type": "Timeout", "level": "warn", "path": "./slow.py", "message": "x"}
                ],
                "paths": {"scanned": ["./slow.py"]},
            },
            "not analysed by semgrep (Timeout)",
        ),
        (  # an empty result with nothing scanned
            {"results": [], "errors": [], "paths": {"scanned": []}},
            "not analysed by semgrep (did not scan this file)",
        ),
    ],
)
def test_semgrep_cli_gaps_are_not_analysed(
    repo: GitRepo,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    output: dict[str, object],
    expected: str,
) -> None:
    base_then_pr(repo, {"slow.py": "eval(data)\n"}, ONLY_SEMGREP)
    bin_dir = _fake_semgrep_cli(tmp_path, output)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    report = run_pr(repo)
    assert _coverage(report, "slow.py") == expected
    assert report.verdict is Verdict.WARN
    ci = run_pr(repo, in_ci=True)
    assert ci.verdict is Verdict.ERROR and ci.exit_code == 3


def test_a_failed_scanner_is_named_for_files_another_scanner_analysed(
    repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = (
        "on_scanner_error: warn\n"
        "scanners: {heuristics: {enabled: false}, secrets: {enabled: false}}\n"
    )
    base_then_pr(repo, {"a.py": "x = 1\n"}, config)
    bin_dir = tmp_path / "broken"
    bin_dir.mkdir()
    (bin_dir / "semgrep").write_text("#!/bin/sh\nexit 2\n")
    (bin_dir / "semgrep").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    report = run_pr(repo, in_ci=True)
    coverage = next(c for c in report.coverage if c.path == "a.py")
    assert coverage.scanners == ("bandit",)
    assert coverage.skipped.startswith("not analysed by semgrep (semgrep")
    assert report.verdict is Verdict.WARN  # on_scanner_error: warn still decides
