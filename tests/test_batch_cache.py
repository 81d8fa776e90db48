"""Each semgrep batch is cached as it finishes: a batch that times out, or an engine that
fails on a later batch, loses only its own files, and the re-run scans only those."""

from __future__ import annotations

import dataclasses
import stat
from pathlib import Path

import pytest

from gate.report import Report
from gate.runner import RunOptions, run_gate
from gate.scanning import batches as batches_module
from gate.scanning import semgrep as semgrep_module
from gate.scanning import semgrep_direct
from gate.scanning.base import ScanOutcome, ScanRequest
from gate.scanning.semgrep import SemgrepScanner, semgrep_executable
from gate.scanning.semgrep_core import find_engine
from tests.conftest import PROJECT_ROOT, GitRepo

MINI_PACK = PROJECT_ROOT / "tests" / "data" / "packs" / "mini"
CONFIG = (
    f"packs: [{MINI_PACK}]\n"
    "scanners:\n"
    "  semgrep: {timeout: 15, timeout_per_100_files: 0}\n"
    "  bandit: {enabled: false}\n"
    "  heuristics: {enabled: false}\n"
    "  secrets: {enabled: false}\n"
)
# Largest first, one file per batch, one batch at a time: late.py (the smallest) runs last.
NAMES = ["m3.py", "m2.py", "m1.py", "late.py"]
REAL = find_engine(semgrep_executable())
pytestmark = pytest.mark.skipif(REAL is None, reason="no usable bundled semgrep engine")


def _change(repo: GitRepo) -> None:
    repo.write(".gate.yml", CONFIG)
    for name in NAMES:
        repo.write(name, "x = 1\n")
    repo.commit("base")
    for n, name in enumerate(NAMES):
        padding = "" if name == "late.py" else "y = 2\n" * (10 * (n + 1))
        repo.write(name, f"def f(data):\n    return eval(data)\n{padding}")
    repo.commit("change")


def _one_batch_per_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batches_module, "BATCH_BYTES", 10)
    monkeypatch.setattr(batches_module, "SMALL", 2)
    monkeypatch.setattr(semgrep_direct, "cores", lambda: 1)


def _engine_that(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, on_late: str) -> None:
    """The real engine, except for the batch holding late.py, which runs `on_late`."""
    assert REAL is not None
    wrapper = tmp_path / "semgrep-core"
    wrapper.write_text(
        "#!/bin/sh\nprev=''\nfor a in \"$@\"; do\n"
        '  if [ "$prev" = "-targets" ]; then t="$a"; fi\n  prev="$a"\ndone\n'
        f'if grep -q late.py "$t"; then {on_late}; fi\n'
        f'exec "{REAL.core}" "$@"\n'
    )
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    engine = dataclasses.replace(REAL, core=wrapper)
    monkeypatch.setattr(semgrep_module, "find_engine", lambda _cli: engine)


def _scanned_by_each_run(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    calls: list[tuple[str, ...]] = []
    original = SemgrepScanner.scan

    def scan(scanner: SemgrepScanner, request: ScanRequest) -> ScanOutcome:
        calls.append(tuple(sorted(t.path for t in request.targets)))
        return original(scanner, request)

    monkeypatch.setattr(SemgrepScanner, "scan", scan)
    return calls


def _run(repo: GitRepo) -> Report:
    return run_gate(RunOptions(cwd=repo.path, base="HEAD~1"))


def _eval_findings(report: Report) -> list[str]:
    return sorted(f.path for f in report.findings if "semgrep" in f.sources)


def test_a_batch_that_times_out_is_the_only_one_the_rerun_scans(
    repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _change(repo)
    _one_batch_per_file(monkeypatch)
    calls = _scanned_by_each_run(monkeypatch)
    _engine_that(tmp_path, monkeypatch, on_late="sleep 120")
    first = _run(repo)
    semgrep = next(s for s in first.scanners if s.name == "semgrep")
    assert semgrep.status == "ok"
    assert _eval_findings(first) == ["m1.py", "m2.py", "m3.py"]
    late = next(c for c in first.coverage if c.path == "late.py")
    assert "semgrep" not in late.scanners  # reported as not analysed, never as clean

    monkeypatch.setattr(semgrep_module, "find_engine", lambda _cli: REAL)
    second = _run(repo)
    assert calls == [tuple(sorted(NAMES)), ("late.py",)]
    assert _eval_findings(second) == sorted(NAMES)


def test_an_engine_failure_on_a_later_batch_keeps_the_finished_batches(
    repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _change(repo)
    _one_batch_per_file(monkeypatch)
    calls = _scanned_by_each_run(monkeypatch)
    _engine_that(tmp_path, monkeypatch, on_late="exit 2")
    broken_cli = tmp_path / "semgrep"
    broken_cli.write_text("#!/bin/sh\nexit 2\n")
    broken_cli.chmod(broken_cli.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(semgrep_module, "semgrep_executable", lambda: str(broken_cli))
    first = _run(repo)
    semgrep = next(s for s in first.scanners if s.name == "semgrep")
    assert semgrep.status != "ok" and first.verdict.value == "error"

    monkeypatch.setattr(semgrep_module, "find_engine", lambda _cli: REAL)
    monkeypatch.setattr(semgrep_module, "semgrep_executable", semgrep_executable)
    second = _run(repo)
    assert calls == [tuple(sorted(NAMES)), ("late.py",)]
    assert _eval_findings(second) == sorted(NAMES)


def test_after_an_engine_failure_the_cli_scans_only_the_unfinished_files(
    repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _change(repo)
    _one_batch_per_file(monkeypatch)
    _engine_that(tmp_path, monkeypatch, on_late="exit 2")
    report = _run(repo)
    semgrep = next(s for s in report.scanners if s.name == "semgrep")
    assert semgrep.status == "ok", semgrep.error
    assert "semgrep CLI for 1 file(s) after the direct engine failed" in semgrep.version
    assert _eval_findings(report) == sorted(NAMES)
