"""Big PRs on every core: the direct engine's files in size-sorted batches, one single-job
`semgrep-core` process per batch, as many at a time as the cores this process may use.

Measured against one engine process with `-j <cores>` on the same files and rules
(bench/README.md, issue 19) and chosen because it is as fast on a big PR and a timeout
loses less: each batch has its own process, so a slow file delays only its batch, and
when the scanner's time budget runs out only the batches still running (or not started)
are lost. Their files are reported as not analysed (a "timed out" coverage gap, which
`on_coverage_gap: {timeout: ...}` judges), never as clean, and are not cached, so the
next run scans them again; the finished batches' results are kept (and cached by
gate.scanning.cached like any other).

Batches: files are assigned largest first to the currently lightest batch (by bytes), so
batches finish at about the same time; there are at least as many batches as cores, and
more when the change is big (about `BATCH_BYTES` each), so one timeout costs a fraction of
the work. Budget: every batch must finish by the scanner's deadline (`timeout` plus
`timeout_per_100_files` per 100 planned files, gate.scanning.plan.time_budget); inside a
batch the engine's own per-file limit (`-timeout 30` per rule and file) still applies.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["UNFINISHED", "Batch", "BatchRun", "cores", "plan_batches", "run_batches"]

UNFINISHED = "semgrep: timed out: its batch did not finish within the time budget"
BATCH_BYTES = 400_000  # ~10,000 lines of Python: a few seconds of engine time per batch
SMALL = 8  # fewer files than this: one process (start-up would cost more than it saves)

Pair = tuple[str, str]  # (path, analyzer)


@dataclass(frozen=True, slots=True)
class Batch:
    pairs: tuple[Pair, ...]
    paths: tuple[str, ...]
    size: int


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchRun:
    outputs: tuple[dict[str, Any], ...]  # each finished batch's engine JSON
    unfinished: tuple[str, ...]  # files of batches that timed out or never started


def cores() -> int:
    """The cores this process may run on (a container's or taskset's share, not the host's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def plan_batches(pairs: Sequence[Pair], root: Path, workers: int) -> list[Batch]:
    """Largest file first into the lightest batch; a file's analyzers stay together."""
    by_path: dict[str, list[Pair]] = {}
    for pair in pairs:
        by_path.setdefault(pair[0], []).append(pair)
    sizes = {path: _size(root / path) for path in by_path}
    total = sum(sizes.values())
    count = max(workers, -(-total // BATCH_BYTES)) if len(by_path) >= SMALL else 1
    count = min(count, len(by_path))
    bins: list[list[str]] = [[] for _ in range(count)]
    loads = [0] * count
    for path in sorted(by_path, key=lambda p: (-sizes[p], p)):
        lightest = loads.index(min(loads))
        bins[lightest].append(path)
        loads[lightest] += sizes[path]
    batches = [
        Batch(tuple(p for path in paths for p in by_path[path]), tuple(paths), load)
        for paths, load in zip(bins, loads, strict=True)
        if paths
    ]
    return sorted(batches, key=lambda b: -b.size)


def run_batches(
    batches: Sequence[Batch],
    run_one: Callable[[Batch, float], dict[str, Any]],
    *,
    workers: int,
    timeout: float,
) -> BatchRun:
    """Run `run_one(batch, seconds_left)` on `workers` threads until `timeout` seconds have
    passed. A batch that times out (`subprocess.TimeoutExpired`) or never starts is
    unfinished; any other exception stops the run and propagates (the engine failed)."""
    deadline = time.monotonic() + timeout
    pending = list(batches)
    outputs: list[dict[str, Any]] = []
    unfinished: list[str] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def worker() -> None:
        while True:
            with lock:
                if not pending or failures:
                    return
                batch = pending.pop(0)
                left = deadline - time.monotonic()
                if left <= 0:
                    unfinished.extend(batch.paths)
                    continue
            try:
                output = run_one(batch, left)
            except subprocess.TimeoutExpired:
                with lock:
                    unfinished.extend(batch.paths)
                continue
            except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
                with lock:
                    failures.append(exc)
                return
            with lock:
                outputs.append(output)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(max(1, workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return BatchRun(outputs=tuple(outputs), unfinished=tuple(sorted(unfinished)))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
