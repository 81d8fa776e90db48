"""Report formatting time at 1,000 findings, every format (issue 19): a script, not a test.

    python bench/formats.py [--findings 1000] [--runs 5]

Runs `gate demo`'s scenario once for a real result, repeats its findings at distinct lines
until there are `--findings` of them, and prints the median time of each format's
`render` (in-process; target: under 0.5 s each for 1,000 findings).
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gate-formats-") as tmp:
        report = _demo_report(Path(tmp))
    seeds = report.findings
    findings = tuple(
        dataclasses.replace(
            seeds[i % len(seeds)],
            start_line=seeds[i % len(seeds)].start_line + i,
            end_line=seeds[i % len(seeds)].end_line + i,
            fingerprint=f"{i:032x}",
        )
        for i in range(args.findings)
    )
    big = dataclasses.replace(report, findings=findings)
    print(f"| format | {args.findings} findings, median of {args.runs} |\n|---|---|")
    for name in reporters.FORMATS:
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            reporters.render(name, big)
            times.append(time.perf_counter() - started)
        print(f"| {name} | {statistics.median(times):.3f} s |")


if __name__ == "__main__":
    main()
