"""Big PRs in size-sorted batches: balanced, a timeout loses only its batch, never cached."""

from __future__ import annotations

import dataclasses
import stat
import subprocess
import time
from pathlib import Path

import pytest

from gate.change.model import ChangedFile, ChangeKind
from gate.policy.packs import load_catalog
from gate.scanning import batches as batches_module
from gate.scanning import semgrep as semgrep_module
from gate.scanning import semgrep_direct
from gate.scanning.base import ScanOutcome, ScanRequest, ScanTarget
from gate.scanning.batches import UNFINISHED, Batch, plan_batches, run_batches
from gate.scanning.cache import FileResult, ResultCache, content_hash, entry_key
from gate.scanning.cached import _store
from gate.scanning.coverage import gap_kind
from gate.scanning.semgrep import SemgrepScanner, semgrep_executable
from gate.scanning.semgrep_core import find_engine
from tests.conftest import PROJECT_ROOT

MINI_PACK = PROJECT_ROOT / "tests" / "data" / "packs" / "mini"
needs_engine = pytest.mark.skipif(
    find_engine(semgrep_executable()) is None,
    reason="the installed semgrep has no usable bundled engine (outside the pinned range?)",
)


def _tree(root: Path, sizes: dict[str, int]) -> None:
    for name, size in sizes.items():
        (root / name).write_text("x = 1\n" * (size // 6))


def test_batches_are_balanced_by_bytes_largest_first(tmp_path: Path) -> None:
    sizes = {f"f{i}.py": 6 * (i + 1) * 100 for i in range(12)}
    _tree(tmp_path, sizes)
    pairs = [(name, "python") for name in sizes]
    batches = plan_batches(pairs, tmp_path, workers=2)
    assert len(batches) == 2
    assert sorted(p for b in batches for p in b.paths) == sorted(sizes)
    big, small = batches
    assert big.size >= small.size and big.size - small.size <= 1200  # within one file
    assert big.paths[0] == "f11.py"  # the largest file starts first


def test_a_files_analyzers_stay_in_one_batch_and_big_changes_get_more_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batches_module, "BATCH_BYTES", 1000)
    sizes = {f"f{i}.html": 600 for i in range(10)}
    _tree(tmp_path, sizes)
    pairs = [(name, a) for name in sizes for a in ("html", "generic")]
    batches = plan_batches(pairs, tmp_path, workers=2)
    assert len(batches) == 6  # 6,000 bytes in batches of about 1,000
    for batch in batches:
        assert {p for p, _ in batch.pairs} == set(batch.paths)
        assert len(batch.pairs) == 2 * len(batch.paths)


def test_a_small_change_is_one_batch(tmp_path: Path) -> None:
    _tree(tmp_path, {"a.py": 60, "b.py": 60})
    assert len(plan_batches([("a.py", "python"), ("b.py", "python")], tmp_path, 2)) == 1


def test_a_batch_that_times_out_loses_only_its_own_files() -> None:
    batches = [
        Batch((("slow.py", "python"),), ("slow.py",), 10),
        Batch((("a.py", "python"),), ("a.py",), 5),
        Batch((("b.py", "python"),), ("b.py",), 5),
    ]

    def run_one(batch: Batch, left: float) -> dict[str, object]:
        seconds = "30" if batch.paths == ("slow.py",) else "0"
        subprocess.run(["sleep", seconds], timeout=left, check=True)
        return {"results": [], "paths": {"scanned": list(batch.paths)}}

    started = time.monotonic()
    run = run_batches(batches, run_one, workers=2, timeout=2.0)
    assert time.monotonic() - started < 20
    assert run.unfinished == ("slow.py",)
    assert sorted(p for out in run.outputs for p in out["paths"]["scanned"]) == ["a.py", "b.py"]


def test_batches_not_started_before_the_deadline_are_unfinished() -> None:
    batches = [Batch(((f"{n}.py", "python"),), (f"{n}.py",), 1) for n in "abc"]

    def run_one(batch: Batch, left: float) -> dict[str, object]:
        subprocess.run(["sleep", "30"], timeout=left, check=True)
        return {}

    run = run_batches(batches, run_one, workers=1, timeout=1.0)
    assert run.outputs == () and run.unfinished == ("a.py", "b.py", "c.py")


def test_an_engine_failure_in_one_batch_fails_the_run() -> None:
    batches = [Batch(((f"{n}.py", "python"),), (f"{n}.py",), 1) for n in "ab"]

    def run_one(batch: Batch, left: float) -> dict[str, object]:
        raise RuntimeError(f"engine broke on {batch.paths[0]}")

    with pytest.raises(RuntimeError, match="engine broke"):
        run_batches(batches, run_one, workers=2, timeout=10)


def test_unfinished_files_are_not_cached(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("eval(x)\n")
    (tmp_path / "late.py").write_text("eval(y)\n")
    store = ResultCache(tmp_path / "cache", 10_000_000)
    assert store.prepare()
    targets = tuple(
        ScanTarget(file=ChangedFile(path=p, kind=ChangeKind.WHOLE), language="python")
        for p in ("a.py", "late.py")
    )
    keys = {}
    for target in targets:
        digest = content_hash(tmp_path / target.path)
        assert digest is not None
        key = entry_key(
            scanner="semgrep",
            version="1",
            rules_digest="r",
            config={},
            file=target.file,
            content=digest,
            gate_version="0",
        )
        keys[target.path] = (key, digest)
    outcome = ScanOutcome(
        scanner="semgrep",
        version="1",
        files=("a.py",),
        unanalysed=(("late.py", f"{UNFINISHED} of 300s"),),
    )
    _store(store, outcome, targets, keys, tmp_path)
    assert store.get(keys["a.py"][0]) == FileResult(findings=(), analysed=True, unanalysed="")
    assert store.get(keys["late.py"][0]) is None


def _request(root: Path, names: list[str], timeout: float) -> ScanRequest:
    (root / "work").mkdir(exist_ok=True)
    targets = tuple(
        ScanTarget(file=ChangedFile(path=n, kind=ChangeKind.WHOLE), language="python")
        for n in names
    )
    catalog = load_catalog([str(MINI_PACK)])
    return ScanRequest(
        root=root, targets=targets, catalog=catalog, timeout=timeout, work_dir=root / "work"
    )


@needs_engine
def test_many_batches_find_what_one_engine_run_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = [f"m{i}.py" for i in range(10)]
    for i, name in enumerate(names):
        (tmp_path / name).write_text(f"def f{i}(data):\n    return eval(data)\n" * (i + 1))
    one = SemgrepScanner("direct").scan(_request(tmp_path, names, 300))
    monkeypatch.setattr(batches_module, "BATCH_BYTES", 100)
    many = SemgrepScanner("direct").scan(_request(tmp_path, names, 300))
    assert one.ok and many.ok, (one.error, many.error)
    key = sorted((f.path, f.start_line, f.rule_id) for f in one.findings)
    assert len(key) == 55
    assert sorted((f.path, f.start_line, f.rule_id) for f in many.findings) == key
    assert sorted(many.files) == sorted(names)


@needs_engine
def test_a_timed_out_batch_is_reported_not_analysed_and_the_rest_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = find_engine(semgrep_executable())
    assert real is not None
    wrapper = tmp_path / "semgrep-core"
    # The real engine, except that a batch holding slow.py never finishes.
    wrapper.write_text(
        "#!/bin/sh\nprev=''\nfor a in \"$@\"; do\n"
        '  if [ "$prev" = "-targets" ]; then t="$a"; fi\n  prev="$a"\ndone\n'
        'if grep -q slow.py "$t"; then sleep 120; fi\n'
        f'exec "{real.core}" "$@"\n'
    )
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    engine = dataclasses.replace(real, core=wrapper)
    monkeypatch.setattr(semgrep_module, "find_engine", lambda _cli: engine)
    monkeypatch.setattr(batches_module, "BATCH_BYTES", 10)
    monkeypatch.setattr(batches_module, "SMALL", 2)
    monkeypatch.setattr(semgrep_direct, "cores", lambda: 2)
    names = ["slow.py", "m0.py", "m1.py", "m2.py"]
    for name in names:
        (tmp_path / name).write_text("def f(data):\n    return eval(data)\n")
    (tmp_path / "slow.py").write_text("def f(data):\n    return eval(data)\n" + "x = 1\n" * 50)
    outcome = SemgrepScanner("direct").scan(_request(tmp_path, names, 25))
    assert outcome.ok, outcome.error
    assert sorted(f.path for f in outcome.findings) == sorted(names[1:])
    assert "slow.py" not in outcome.files
    reason = dict(outcome.unanalysed)["slow.py"]
    assert reason == f"{UNFINISHED} of 25s"
    assert gap_kind(reason) == "timeout"  # judged by on_coverage_gap.timeout, never a pass
