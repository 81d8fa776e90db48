"""Mixed diffs and hook latency (issue 19): a script, not a test; prints Markdown tables.

    python bench/mixed_diff.py [--gate PATH] [--runs 5]            # both parts
    python bench/mixed_diff.py --hooks-only --runs 9 [--python PY]  # the hook table only
    python bench/mixed_diff.py --hooks-only --python PY --before DIR  # and another version

Part 1 builds two repositories in a temp dir, each a `main` commit plus a PR commit
touching 8 Python files; in the second the PR also adds a Markdown file, a `package.json`
and a YAML file. Each row is the median of `--runs` cold runs of `gate run --base main`
(fresh cache directory every run).

Part 2, hook latency: one repository with an 8 KB `.py`, a 70 KB `.py` (600 functions), a
`.ts`, a `.yaml` and a `.md` file. Each run stages a *new* one-line change (so the changed
file is never a cache hit, as in a real commit) and times the pre-commit hook's entry
(`gate run --pre-commit FILE` with `GIT_INDEX_FILE` set, as git runs it) beside ruff's
hook on the same file (`ruff check --force-exclude FILE`, the floor). Cases and tools are
interleaved run by run, after one warm-up each (rule file and pack caches filled). The
machine is shared: compare ratios, read the min as the least-disturbed run, and the CPU
column (user + system seconds of gate and every process it started) as the work done,
which the load does not inflate as much as the wall time.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
}
MODULE = "import json\n\n\n" + "".join(
    f"def f{i}(x):\n    return json.dumps({{'v': x + {i}}})\n\n\n" for i in range(200)
)
RISKY = "\n\ndef added(cmd):\n    import os\n    os.system(cmd)\n    return eval(cmd)\n"
EXTRA = {
    "CHANGES.md": "# Changes\n\n- faster checkout\n",
    "package.json": '{"name": "shop", "version": "1.2.0"}\n',
    "deploy/values.yml": "replicas: 3\nimage: shop:1.2.0\n",
}


def _git(root: Path, *args: str) -> None:
    env = {**os.environ, **GIT_ENV}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _repo(root: Path, mixed: bool) -> Path:
    root.mkdir(parents=True)
    _git(root, "init", "-q", "-b", "main")
    for i in range(8):
        (root / f"mod{i}.py").write_text(MODULE)
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    _git(root, "checkout", "-qb", "pr")
    for i in range(8):
        with (root / f"mod{i}.py").open("a") as handle:
            handle.write(RISKY)
    if mixed:
        for name, text in EXTRA.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "pr")
    return root


def _time(gate: str, root: Path, args: list[str], cache: Path | None) -> float:
    env = dict(os.environ)
    if cache is not None:
        shutil.rmtree(cache, ignore_errors=True)
        (root / ".gate.yml").write_text(f"cache: {{dir: '{cache}'}}\n")
    started = time.perf_counter()
    subprocess.run([gate, "run", *args, "--quiet"], cwd=root, env=env, capture_output=True)
    return time.perf_counter() - started


HOOK_FILES = {
    "small.py": MODULE[:8192].rsplit("\n\n\n", 1)[0] + "\n",
    "large.py": "import json\nimport os\n\nPREFIX = 'v'\n\n\n"
    + "".join(
        f"def handler{i}(request, x):\n"
        f"    value = request.args.get(PREFIX + '{i}')\n"
        f"    data = json.dumps({{'v': x + {i}, 'w': value}})\n"
        "    return data\n\n\n"
        for i in range(600)
    ),
    "app.ts": "".join(
        f"export function f{i}(x: number): number {{\n  return x + {i};\n}}\n\n" for i in range(150)
    ),
    "deploy.yaml": "".join(f"key{i}: value{i}\n" for i in range(100)),
    "docs/guide.md": "# Guide\n\n" + "".join(f"Step {i}.\n\n" for i in range(100)),
}
# case label -> (file, the added line; {n} makes every run's change new)
HOOK_CASES = {
    ".py (8 KB), module-level line": ("small.py", "LIMIT_{n} = {n}\n"),
    ".py (8 KB), line in one function": ("small.py", None),
    ".ts": ("app.ts", "export const limit{n} = {n};\n"),
    ".yaml": ("deploy.yaml", "limit{n}: {n}\n"),
    "docs only (.md)": ("docs/guide.md", "Step {n}.\n"),
    ".py (70 KB), line in one function": ("large.py", None),
}


def _hook_repo(root: Path) -> Path:
    root.mkdir(parents=True)
    _git(root, "init", "-q", "-b", "main")
    for name, text in HOOK_FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    return root


def _stage_change(root: Path, case: str, n: int) -> str:
    """Reset to HEAD, add one new line for `case`, stage it; the file's name."""
    _git(root, "checkout", "-q", "--", ".")
    _git(root, "reset", "-q")
    name, line = HOOK_CASES[case]
    path = root / name
    if line is None:  # one line inside a function in the middle of the file
        marker = "def handler300(request, x):\n" if name == "large.py" else "def f50(x):\n"
        path.write_text(HOOK_FILES[name].replace(marker, f"{marker}    x = x + {n}\n"))
    else:
        path.write_text(HOOK_FILES[name] + line.format(n=n))
    _git(root, "add", name)
    return name


def _hook_time(command: list[str], root: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, check=False)
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # 2/3: usage or scanner error, not a measurement
        raise SystemExit(f"{' '.join(command)}: exit {done.returncode}: {done.stderr[-300:]!r}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return took, cpu


def hook_table(
    gate: list[str],
    runs: int,
    env: dict[str, str],
    cases: tuple[str, ...] = tuple(HOOK_CASES),
    before: Path | None = None,
) -> list[str]:
    """p50 / p90 / min of the hook for each case, beside ruff's hook on the same change;
    with `before` (a `git archive` of another commit) that version too, run by run on the
    same staged change, with `PYTHONPATH=before`."""
    ruff = shutil.which("ruff") or str(Path(gate[0]).parent / "ruff")
    env = {**env, "GIT_INDEX_FILE": ".git/index"}  # git sets it for its pre-commit hook
    times: dict[tuple[str, str], list[float]] = {}
    cpu: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="gate-hook-") as tmp:
        root = _hook_repo(Path(tmp) / "repo")
        counter = 0
        for run in range(runs + 1):  # run 0 is the warm-up, not counted
            for case in cases:
                counter += 1
                name = _stage_change(root, case, counter)
                hook = [*gate, "run", "--pre-commit", "--quiet", name]
                tools = {"gate": (hook, env)}
                if before is not None:
                    tools["before"] = (hook, {**env, "PYTHONPATH": str(before)})
                tools["ruff"] = ([ruff, "check", "--force-exclude", "--no-cache", name], env)
                for tool, (command, tool_env) in tools.items():
                    # the other version's results for this change are no cache hit
                    shutil.rmtree(root / ".gate" / "cache" / "results", ignore_errors=True)
                    took, used = _hook_time(command, root, tool_env)
                    if run:
                        times.setdefault((case, tool), []).append(took)
                        cpu.setdefault(f"{case}/{tool}", []).append(used)
    extra = " | before p50 | before CPU p50 | CPU after / before" if before else ""
    rows = [
        "| one-line change, staged | gate p50 | gate p90 | gate min | gate CPU p50 "
        f"| ruff p50 | gate / ruff{extra} |",
        "|---|---:|---:|---:|---:|---:|---:" + "|---:" * (3 if before else 0) + "|",
    ]
    for case in cases:
        ours, floor = sorted(times[(case, "gate")]), sorted(times[(case, "ruff")])
        p50, p90 = statistics.median(ours), ours[min(len(ours) - 1, int(0.9 * len(ours)))]
        used = statistics.median(cpu[f"{case}/gate"])
        row = (
            f"| {case} | {p50:.2f} s | {p90:.2f} s | {ours[0]:.2f} s | {used:.2f} s | "
            f"{statistics.median(floor):.2f} s | {p50 / statistics.median(floor):.1f}x |"
        )
        if before is not None:
            then = statistics.median(cpu[f"{case}/before"])
            row += (
                f" {statistics.median(times[(case, 'before')]):.2f} s | {then:.2f} s | "
                f"{used / then:.2f}x |"
            )
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gate", default=shutil.which("gate") or "gate")
    parser.add_argument(
        "--python", help="run `PYTHON -m gate` instead of --gate (e.g. another checkout)"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--hooks-only", action="store_true", help="only the hook table")
    parser.add_argument("--case", action="append", help="only these hook cases (repeatable)")
    parser.add_argument(
        "--before",
        type=Path,
        help="also run the hook from this `git archive` of another commit, interleaved",
    )
    args = parser.parse_args()
    gate = [args.python, "-m", "gate"] if args.python else [args.gate]
    # An installed gate has its bytecode compiled (pip does it); an editable checkout run
    # under PYTHONDONTWRITEBYTECODE would recompile ~100 modules on every start.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if not args.hooks_only:
        print("\n".join(mixed_table(args.gate, args.runs)) + "\n")
    cases = tuple(args.case or HOOK_CASES)
    print("\n".join(hook_table(gate, args.runs, env, cases, args.before)))


def mixed_table(gate: str, runs: int) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="gate-mixed-") as tmp:
        base = Path(tmp)
        rows = ["| measurement | result |", "|---|---|"]
        medians = {}
        for mixed in (False, True):
            root = _repo(base / ("mixed" if mixed else "code"), mixed)
            times = [_time(gate, root, ["--base", "main"], base / "cache") for _ in range(runs)]
            medians[mixed] = statistics.median(times)
            label = "8 .py + .md + .json + .yml" if mixed else "8 .py files (code only)"
            rows.append(f"| PR, cold cache: {label} | {medians[mixed]:.2f} s |")
        rows.append(f"| mixed / code-only | {medians[True] / medians[False]:.2f}x |")
    return rows


if __name__ == "__main__":
    main()
