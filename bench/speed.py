"""Speed and scale benchmarks (issues 8 and 19; a script, not a test: it prints Markdown tables).

    pip download --no-deps --no-binary :all: django==5.1.4 -d /tmp/benchsrc
    python bench/speed.py --sdist /tmp/benchsrc/Django-5.1.4.tar.gz \\
        [--points 1,10,100,1000] [--repeat 3] [--big-repeat 1]

1. gate (semgrep only, cold cache) vs the bare engine on the same files and merged rules,
   both cores: two single-job `semgrep-core` processes on byte-balanced halves, and one
   process with `-j 2`; at each changed-file count, runs interleaved, min and median.
2. A 15-file PR: gate vs `semgrep scan --baseline-commit` (offline, local rules) and gate
   with bandit vs "semgrep --baseline-commit + bandit" as two CI steps; warm re-run.

All rows come from one run on one machine, so compare ratios; absolute seconds depend on
the box and its load. Peak memory is `/usr/bin/time -v`'s maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

PY = sys.executable
# `gate run --base main --format json` minus click: the runner entry point the CLI calls.
GATE_RUN = [
    PY,
    "-c",
    "from pathlib import Path; from gate.runner import RunOptions, run_gate; "
    "print(run_gate(RunOptions(cwd=Path.cwd(), base='main')).to_json())",
]
SEMGREP = str(Path(PY).parent / "semgrep")
TIME = "/usr/bin/time"
PACKS = ["pci-dss", "security", "soc2", "error-handling"]
CONFIG = (
    "packs: [{packs}]\n"
    "scanners:\n  bandit: {{enabled: false}}\n  secrets: {{enabled: false}}\n"
    "cache: {{dir: '{cache}'}}\n"
)
RISKY = (
    "\n\ndef _bench_added_{n}(request, card_number, cmd):\n"
    "    import logging, subprocess\n"
    "    logging.getLogger(__name__).info('card %s', card_number)\n"
    "    subprocess.call(cmd, shell=True)\n"
    "    return eval(request.GET['expr'])\n"
)
_WRAP = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "r = subprocess.run(sys.argv[2:], cwd=sys.argv[1], capture_output=True)\n"
    "w = time.perf_counter() - t\n"
    "m = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "sys.stdout.buffer.write(b'%f %d %d\\n' % (w, m, r.returncode) + r.stdout)\n"
)


def measure(cwd: Path, command: list[str]) -> tuple[float, int, bytes]:
    """(wall seconds, peak RSS MiB of the command's process tree, its stdout)."""
    out = subprocess.run([PY, "-c", _WRAP, str(cwd), *command], capture_output=True, check=True)
    head, _, stdout = out.stdout.partition(b"\n")
    wall, rss_kib, _code = head.split()
    return float(wall), int(rss_kib) // 1024, stdout


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "b",
        "GIT_AUTHOR_EMAIL": "b@b",
        "GIT_COMMITTER_NAME": "b",
    }
    env["GIT_COMMITTER_EMAIL"] = "b@b"
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, env=env
    ).stdout


def make_repo(root: Path, sdist: Path | None, extra_files: int) -> Path:
    repo = root / "repo"
    repo.mkdir()
    if sdist is not None:
        with tarfile.open(sdist) as archive:
            archive.extractall(repo, filter="data")
        (inner,) = list(repo.iterdir())
        for item in inner.iterdir():
            item.rename(repo / item.name)
        inner.rmdir()
    for i in range(extra_files):
        path = repo / "gen" / f"d{i // 500}" / f"m{i}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"def f{i}(x):\n    return x + {i}\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    return repo


def change(repo: Path, count: int, branch: str) -> list[str]:
    """A realistic PR: `count` Python files each get a new risky function appended."""
    git(repo, "checkout", "-q", "-B", branch, "main")
    files = sorted(p for p in git(repo, "ls-files", "*.py").split() if "/tests/" not in p)
    step = max(1, len(files) // count)
    chosen = files[::step][:count]
    for n, name in enumerate(chosen):
        with (repo / name).open("a", encoding="utf-8") as handle:
            handle.write(RISKY.format(n=n))
    git(repo, "commit", "-qam", f"change {count}")
    return chosen


def gate_run(repo: Path, cache: Path, cold: bool) -> tuple[float, int, dict[str, object]]:
    if cold:
        shutil.rmtree(cache, ignore_errors=True)
    wall, rss, out = measure(repo, GATE_RUN)
    return wall, rss, json.loads(out)


def semgrep_findings(report: dict[str, object]) -> set[tuple[str, str, int]]:
    return {
        (str(f["rule_id"]), str(f["path"]), int(f["start_line"]))
        for f in report["findings"]  # type: ignore[attr-defined]
        if "semgrep" in f["sources"] and f["status"] == "active"
    }


def timed(cwd: Path, command: list[str]) -> tuple[float, int, bytes]:
    """(wall seconds, peak RSS MiB from `/usr/bin/time -v`, stdout): the largest single
    process of the command's tree (two engine processes at once hold about twice that)."""
    if not Path(TIME).is_file():
        return measure(cwd, command)
    started = time.perf_counter()
    out = subprocess.run([TIME, "-v", *command], cwd=cwd, capture_output=True, check=False)
    wall = time.perf_counter() - started
    peak = re.search(rb"Maximum resident set size \(kbytes\): (\d+)", out.stderr)
    return wall, int(peak.group(1)) // 1024 if peak else 0, out.stdout


def bare_engine(repo: Path, root: Path, rules: Path, files: list[str], mode: str) -> float:
    """semgrep-core alone on `files`, both cores: `j2` one process with `-j 2`, `split`
    two single-job processes on byte-balanced halves (what gate does), run at once."""
    core = _core()
    halves: list[list[str]] = [[], []]
    loads = [0, 0]
    for name in sorted(files, key=lambda f: -(repo / f).stat().st_size):
        i = loads.index(min(loads))
        halves[i].append(name)
        loads[i] += (repo / name).stat().st_size
    groups = [files] if mode == "j2" or len(files) < 2 else [h for h in halves if h]
    commands = []
    for n, group in enumerate(groups):
        targets = root / f"targets-{mode}-{n}.json"
        targets.write_text(
            json.dumps(["Targets", [["CodeTarget", {"path": {"fpath": p, "ppath": "/" + p},
                        "analyzer": "python", "products": ["sast"]}] for p in group]])
        )  # fmt: skip
        jobs = "2" if mode == "j2" else "1"
        commands.append([core, "-json_nodots", "-rules", str(rules), "-targets", str(targets),
                         "-timeout", "30", "-timeout_threshold", "3", "-max_memory", "0",
                         "-fast", "-j", jobs])  # fmt: skip
    started = time.perf_counter()
    running = [subprocess.Popen(c, cwd=repo, stdout=subprocess.DEVNULL) for c in commands]
    for process in running:
        process.wait()
    return time.perf_counter() - started


def stats(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdist", type=Path, required=True, help="a big project's sdist")
    parser.add_argument("--points", default="1,10,100,1000", help="changed-file counts")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs per point")
    parser.add_argument("--big-repeat", type=int, default=1, help="runs at >= 300 files")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="gate-bench-"))
    cache = root / "cache"
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from gate.policy.packs import load_catalog

    rules = root / "rules.json"
    rules.write_text(load_catalog(PACKS).semgrep_config_text())
    repo = make_repo(root, args.sdist, 0)
    (repo / ".git" / "info" / "exclude").write_text(".gate.yml\n")

    def configure(bandit: bool) -> None:
        text = CONFIG.format(packs=", ".join(PACKS), cache=cache)
        if bandit:
            text = text.replace("bandit: {enabled: false}", "bandit: {enabled: true}")
        (repo / ".gate.yml").write_text(text)

    files_in_repo = len(git(repo, "ls-files").split())
    print(f"repo: Django 5.1.4 sdist, {files_in_repo} files; load average at start "
          f"{os.getloadavg()[0]:.1f}\n", flush=True)  # fmt: skip

    # 1. gate vs the bare engine (both cores) at each point, cold, interleaved.
    points = [int(p) for p in args.points.split(",")]
    branches = {count: change(repo, count, f"pr{count}") for count in points}
    rows: dict[int, dict[str, list[float]]] = {c: {} for c in points}
    rss: dict[int, int] = {}
    configure(bandit=False)
    for rep in range(args.repeat):
        for count in points:
            if count >= 300 and rep >= args.big_repeat:
                continue
            git(repo, "checkout", "-q", f"pr{count}")
            shutil.rmtree(cache, ignore_errors=True)
            wall, peak, _ = timed(repo, GATE_RUN)
            rows[count].setdefault("gate", []).append(wall)
            rss[count] = max(rss.get(count, 0), peak)
            for mode in ("split", "j2") if count <= 10 else ("split",):
                took = bare_engine(repo, root, rules, branches[count], mode)
                rows[count].setdefault(mode, []).append(took)
            done = ", ".join(f"{k} {v[-1]:.1f}s" for k, v in rows[count].items())
            print(f"  run {rep + 1}, {count} files: {done}", flush=True)
    print(
        "\n| changed files | gate cold, min / median | bare engine, 2 single-job processes "
        "| bare engine, one process -j 2 | gate / best bare (median) | runs | gate peak RSS |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for count in points:
        r = rows[count]
        if not r:
            continue
        best = min(statistics.median(r["split"]), statistics.median(r.get("j2", r["split"])))
        j2 = f"{stats(r['j2'])} s" if "j2" in r else "not run"
        print(f"| {count} | {stats(r['gate'])} s | {stats(r['split'])} s | {j2} | "
              f"**{statistics.median(r['gate']) / best:.2f}x** | {len(r['gate'])} | "
              f"{rss[count]} MiB |")  # fmt: skip

    # 2. A 15-file PR: gate vs semgrep --baseline-commit vs semgrep + bandit as two steps.
    changed = change(repo, 15, "pr")
    base = git(repo, "rev-parse", "main").strip()
    semgrep_cmd = [SEMGREP, "scan", "--config", str(rules), "--baseline-commit", base,
                   "--json", "--quiet", "--metrics=off", "--disable-version-check",
                   "--disable-nosem", "--oss-only", "--no-rewrite-rule-ids",
                   "--x-ignore-semgrepignore-files"]  # fmt: skip
    bandit_cmd = [str(Path(PY).parent / "bandit"), "-q", "-f", "json", *changed]
    pr: dict[str, list[float]] = {}
    peaks: dict[str, int] = {}
    same = True
    for _ in range(args.repeat):
        for name, bandit in (("gate semgrep only", False), ("gate semgrep + bandit", True)):
            configure(bandit)
            shutil.rmtree(cache, ignore_errors=True)
            wall, peak, out = timed(repo, GATE_RUN)
            pr.setdefault(name, []).append(wall)
            peaks[name] = max(peaks.get(name, 0), peak)
            if not bandit:
                ours = semgrep_findings(json.loads(out))
            else:
                wall, peak, _ = timed(repo, GATE_RUN)
                pr.setdefault("gate warm re-run (semgrep + bandit)", []).append(wall)
                peaks["gate warm re-run (semgrep + bandit)"] = peak
        wall, peak, out = timed(repo, semgrep_cmd)
        pr.setdefault("semgrep scan --baseline-commit", []).append(wall)
        peaks["semgrep scan --baseline-commit"] = max(
            peaks.get("semgrep scan --baseline-commit", 0), peak
        )
        theirs = {
            (str(r["check_id"]), str(r["path"]), int(r["start"]["line"]))
            for r in json.loads(out)["results"]
        }
        same = same and ours == theirs
        b_wall, b_peak, _ = timed(repo, bandit_cmd)
        pr.setdefault("semgrep --baseline-commit + bandit, two CI steps", []).append(wall + b_wall)
        peaks["semgrep --baseline-commit + bandit, two CI steps"] = max(peak, b_peak)
    print(
        f"\n15-file PR ({files_in_repo}-file repository); semgrep findings on the PR "
        f"identical between gate and semgrep --baseline-commit: {same}\n"
    )
    print("| run | wall min / median | vs gate (same scanners, medians) | peak RSS |")
    print("|---|---:|---:|---:|")
    gate_only = statistics.median(pr["gate semgrep only"])
    gate_both = statistics.median(pr["gate semgrep + bandit"])
    for name, values in pr.items():
        ref = gate_both if "bandit" in name else gate_only
        print(f"| {name} | {stats(values)} s | {statistics.median(values) / ref:.2f}x | "
              f"{peaks[name]} MiB |")  # fmt: skip
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}")
    shutil.rmtree(root, ignore_errors=True)


def _core() -> str:
    import importlib.util

    spec = importlib.util.find_spec("semgrep")
    assert spec is not None and spec.submodule_search_locations
    return str(Path(next(iter(spec.submodule_search_locations))) / "bin" / "semgrep-core")


if __name__ == "__main__":
    main()
