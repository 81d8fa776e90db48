"""Result cache: per (scanner, file) entries, safe to share, never trusted when damaged."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from gate.change.model import ChangedFile, ChangeKind
from gate.findings import Finding, Severity
from gate.report import Report
from gate.runner import RunOptions, run_gate
from gate.scanning.base import ScanOutcome, ScanRequest
from gate.scanning.cache import FileResult, ResultCache, entry_key
from gate.scanning.semgrep import SemgrepScanner
from tests.conftest import PROJECT_ROOT, GitRepo

MINI_PACK = PROJECT_ROOT / "tests" / "data" / "packs" / "mini"
CONFIG = (
    f"packs: [{MINI_PACK}]\n"
    "scanners:\n"
    "  bandit: {enabled: false}\n"
    "  heuristics: {enabled: false}\n"
    "  secrets: {enabled: false}\n"
)


def _two_file_change(repo: GitRepo, config: str = CONFIG) -> None:
    repo.write(".gate.yml", config)
    repo.write("a.py", "x = 1\n")
    repo.write("b.py", "y = 2\n")
    repo.commit("base")
    repo.write("a.py", "x = 1\neval(x)\n")
    repo.write("b.py", "y = 2\neval(y)\n")
    repo.commit("change")


def _run(repo: GitRepo) -> Report:
    return run_gate(RunOptions(cwd=repo.path, base="HEAD~1"))


def _semgrep_run(report: Report) -> tuple[bool, str]:
    run = next(s for s in report.scanners if s.name == "semgrep")
    return run.cached, run.status


def _summary(report: Report) -> list[tuple[str, str, int, str]]:
    return sorted((f.rule_id, f.path, f.start_line, f.status.value) for f in report.findings)


def _entries(repo: GitRepo) -> list[Path]:
    return sorted((repo.path / ".gate" / "cache" / "results").rglob("*.json"))


class _Recorder:
    """Wraps SemgrepScanner.scan to record which files each call was asked to scan."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[str, ...]] = []
        original = SemgrepScanner.scan

        def scan(scanner: SemgrepScanner, request: ScanRequest) -> ScanOutcome:
            self.calls.append(tuple(t.path for t in request.targets))
            return original(scanner, request)

        monkeypatch.setattr(SemgrepScanner, "scan", scan)


def test_rerun_on_unchanged_tree_touches_no_scanner(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_file_change(repo)
    cold = _run(repo)
    assert _semgrep_run(cold) == (False, "ok")
    recorder = _Recorder(monkeypatch)
    warm = _run(repo)
    assert recorder.calls == []
    assert _semgrep_run(warm) == (True, "ok")
    assert _summary(warm) == _summary(cold)
    assert warm.verdict is cold.verdict
    assert [c.scanners for c in warm.coverage] == [c.scanners for c in cold.coverage]


def test_changing_one_file_rescans_only_that_file(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_file_change(repo)
    _run(repo)
    repo.write("b.py", "y = 2\neval(y)\neval(y + 1)\n")
    repo.commit("more")
    recorder = _Recorder(monkeypatch)
    report = run_gate(RunOptions(cwd=repo.path, base="HEAD~2"))
    assert recorder.calls == [("b.py",)]
    assert _semgrep_run(report) == (False, "ok")
    active = {(f.path, f.start_line) for f in report.active}
    assert active == {("a.py", 2), ("b.py", 2), ("b.py", 3)}


def test_corrupt_entries_are_ignored_and_rewritten(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_file_change(repo)
    cold = _run(repo)
    entries = _entries(repo)
    assert len(entries) == 2
    entries[0].write_text("{not json")
    data = json.loads(entries[1].read_text())
    data["payload"]["findings"] = []  # a forged "clean" result: the checksum no longer fits
    entries[1].write_text(json.dumps(data))
    recorder = _Recorder(monkeypatch)
    again = _run(repo)
    assert sorted(recorder.calls[0]) == ["a.py", "b.py"]
    assert _summary(again) == _summary(cold)
    for entry in entries:
        assert json.loads(entry.read_text())["payload"]["findings"]  # rewritten whole


def test_failed_scan_is_not_cached(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    _two_file_change(repo)

    def crash(scanner: SemgrepScanner, request: ScanRequest) -> ScanOutcome:
        return ScanOutcome(scanner="semgrep", version="x", error="semgrep crashed")

    with monkeypatch.context() as patched:
        patched.setattr(SemgrepScanner, "scan", crash)
        assert _semgrep_run(_run(repo)) == (False, "error")
    assert _entries(repo) == []
    assert _semgrep_run(_run(repo)) == (False, "ok")


def test_cache_never_shows_up_as_a_change(repo: GitRepo) -> None:
    _two_file_change(repo)
    _run(repo)
    assert _entries(repo)
    assert repo.git("status", "--porcelain", "--untracked-files=all") == ""


def test_disabled_cache_writes_nothing(repo: GitRepo) -> None:
    _two_file_change(repo, CONFIG + "cache: {enabled: false}\n")
    _run(repo)
    assert not (repo.path / ".gate").exists()


def test_configured_cache_dir_is_used(repo: GitRepo, tmp_path: Path) -> None:
    shared = tmp_path / "shared-cache"
    _two_file_change(repo, CONFIG + f"cache: {{dir: '{shared}'}}\n")
    _run(repo)
    assert len(list((shared / "results").rglob("*.json"))) == 2
    assert list((shared / "rules").glob("semgrep-rules-*.json"))


def _file(added: tuple[tuple[int, int], ...]) -> ChangedFile:
    return ChangedFile(path="a.py", kind=ChangeKind.MODIFIED, added=added, hunks=added)


@pytest.mark.parametrize(("scanner", "differs"), [("semgrep", False), ("heuristics", True)])
def test_diff_aware_scanners_key_on_added_lines(scanner: str, differs: bool) -> None:
    def key(added: tuple[tuple[int, int], ...]) -> str:
        return entry_key(
            scanner=scanner,
            version="1",
            rules_digest="r",
            config={},
            file=_file(added),
            content="c",
            gate_version="0",
        )

    assert (key(((1, 2),)) != key(((3, 4),))) is differs


def _finding(line: int) -> Finding:
    return Finding(
        rule_id="r", sources=("semgrep",), severity=Severity.HIGH, path="a.py",
        start_line=line, end_line=line, message="m", cwe=("CWE-1",),
    )  # fmt: skip


def test_entry_round_trips(tmp_path: Path) -> None:
    store = ResultCache(tmp_path, 10_000_000)
    result = FileResult(findings=(_finding(3),), analysed=False, unanalysed="syntax error")
    store.put("k" * 64, result)
    assert store.get("k" * 64) == result
    assert store.get("j" * 64) is None


def test_entry_stored_under_another_key_is_not_trusted(tmp_path: Path) -> None:
    store = ResultCache(tmp_path, 10_000_000)
    store.put("a" * 64, FileResult())
    source = tmp_path / "results" / "aa" / f"{'a' * 64}.json"
    target = tmp_path / "results" / "bb" / f"{'b' * 64}.json"
    target.parent.mkdir(parents=True)
    target.write_bytes(source.read_bytes())
    assert store.get("b" * 64) is None


def test_eviction_keeps_the_cache_under_its_bound_oldest_first(tmp_path: Path) -> None:
    store = ResultCache(tmp_path, 3_000)
    keys = [f"{i:02d}" * 32 for i in range(10)]
    for age, key in enumerate(keys):
        store.put(key, FileResult(findings=(_finding(1),)))
        path = tmp_path / "results" / key[:2] / f"{key}.json"
        os.utime(path, (1_000_000 + age, 1_000_000 + age))
    store.get(keys[0])  # a hit refreshes the oldest entry
    assert store.evict() > 0
    sizes = [p.stat().st_size for p in (tmp_path / "results").rglob("*.json")]
    assert sum(sizes) <= 3_000
    assert store.get(keys[0]) is not None and store.get(keys[-1]) is not None
    assert store.get(keys[1]) is None


def test_concurrent_writers_leave_one_whole_entry(tmp_path: Path) -> None:
    store = ResultCache(tmp_path, 10_000_000)
    results = [FileResult(findings=(_finding(n),)) for n in range(1, 9)]

    def write(result: FileResult) -> None:
        for _ in range(20):
            store.put("c" * 64, result)

    threads = [threading.Thread(target=write, args=(r,)) for r in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.get("c" * 64) in results
    assert [p.name for p in (tmp_path / "results" / "cc").iterdir()] == [f"{'c' * 64}.json"]


def test_a_cache_committed_by_the_change_is_never_trusted(tmp_path: Path) -> None:
    """A PR that commits forged 'clean' cache entries must still be scanned."""
    from gate.runner import RunOptions, run_gate
    from tests.conftest import GitRepo
    from tests.test_pipeline import ONLY_SEMGREP

    repo = GitRepo(tmp_path / "planted")
    repo.write(".gate.yml", ONLY_SEMGREP)
    repo.write("app.py", "x = 1\n")
    repo.commit("base")
    repo.write("app.py", "x = 1\neval(data)\n")
    repo.commit("change")
    first = run_gate(RunOptions(cwd=repo.path, base="HEAD~1"))
    assert [f.rule_id for f in first.active] == ["mini-eval"]
    cache_dir = repo.path / ".gate" / "cache"
    assert any(cache_dir.rglob("*.json"))  # entries that would be hits if trusted
    (cache_dir / ".gitignore").unlink()
    repo.git("add", "-f", ".gate")
    repo.commit("plant the cache")
    again = run_gate(RunOptions(cwd=repo.path, base="HEAD~2"))
    semgrep = next(s for s in again.scanners if s.name == "semgrep")
    assert semgrep.cached is False
    assert [f.rule_id for f in again.active] == ["mini-eval"]
