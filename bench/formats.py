"""Report formatting time at 1,000 findings, every format (issue 19): a script, not a test.

    python bench/formats.py [--findings 1000] [--runs 5] [--files 50]

Runs `gate demo`'s scenario once for a real result, repeats its findings at distinct lines
over `--files` paths until there are `--findings` of them, and prints the median CPU time
(`time.process_time`, this process only: the machine's load does not inflate it) of each
format's `render` in-process, at `--findings` and at four times as many. Target: under
0.5 s each for 1,000 findings; the last column is the 4x / 1x ratio, about 4 when the
format is linear.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import gate.reporters as reporters

from gate.commands.demo import create_demo_repo
from gate.report import Report


def _demo_report(work: Path) -> Report:
    root = create_demo_repo(work / "demo")
    out = work / "result.json"
    gate = [sys.executable, "-m", "gate", "run", "--base", "HEAD~1", "--json", str(out)]
    subprocess.run([*gate, "--quiet"], cwd=root, capture_output=True, check=False)
    return Report.from_dict(json.loads(out.read_text(encoding="utf-8")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--files", type=int, default=50, help="paths the findings spread over")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gate-formats-") as tmp:
        report = _demo_report(Path(tmp))
    seeds = report.findings
    small = _grown(report, args.findings, args.files)
    large = _grown(report, 4 * args.findings, args.files)
    print(f"{len(seeds)} seed findings over {args.files} files; CPU seconds, median of {args.runs}")
    n = args.findings
    print(f"| format | {n} findings | {4 * n} findings | ratio |\n|---|---:|---:|---:|")
    for name in reporters.FORMATS:
        one, four = _cpu(name, small, args.runs), _cpu(name, large, args.runs)
        print(f"| {name} | {one:.3f} s | {four:.3f} s | {four / max(one, 1e-9):.1f} |")


def _grown(report: Report, count: int, files: int) -> Report:
    seeds = report.findings
    findings = tuple(
        dataclasses.replace(
            seeds[i % len(seeds)],
            path=f"src/module_{i % files}/{seeds[i % len(seeds)].path}",
            start_line=seeds[i % len(seeds)].start_line + i,
            end_line=seeds[i % len(seeds)].end_line + i,
            fingerprint=f"{i:032x}",
        )
        for i in range(count)
    )
    return dataclasses.replace(report, findings=findings)


def _cpu(name: str, report: Report, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.process_time()
        reporters.render(name, report)
        times.append(time.process_time() - started)
    return statistics.median(times)


if __name__ == "__main__":
    main()
