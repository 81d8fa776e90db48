"""Mixed diffs and hook latency (issue 19): a script, not a test; prints a Markdown table.

    python bench/mixed_diff.py [--gate PATH] [--runs 5]

Builds two repositories in a temp dir, each a `main` commit plus a PR commit touching 8
Python files; in the second the PR also adds a Markdown file, a `package.json` and a
YAML file. Each row is the median of `--runs` cold runs of `gate run --base main` (fresh
cache directory every run). Then the hook case: a one-line change staged in a 12 KB
Python file, `gate run --staged`, warm (second and later runs). Compare the ratios: the
absolute seconds depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gate", default=shutil.which("gate") or "gate")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gate-mixed-") as tmp:
        base = Path(tmp)
        rows = []
        medians = {}
        for mixed in (False, True):
            root = _repo(base / ("mixed" if mixed else "code"), mixed)
            runs = [
                _time(args.gate, root, ["--base", "main"], base / "cache") for _ in range(args.runs)
            ]
            medians[mixed] = statistics.median(runs)
            label = "8 .py + .md + .json + .yml" if mixed else "8 .py files (code only)"
            rows.append(f"| PR, cold cache: {label} | {medians[mixed]:.2f} s |")
        rows.append(f"| mixed / code-only | {medians[True] / medians[False]:.2f}x |")
        hook = base / "hook"
        _repo(hook, mixed=False)
        with (hook / "mod0.py").open("a") as handle:
            handle.write("y = 1\n")
        _git(hook, "add", "mod0.py")
        _time(args.gate, hook, ["--staged"], None)  # warm-up: caches filled
        warm = [_time(args.gate, hook, ["--staged"], None) for _ in range(args.runs)]
        rows.append(
            f"| pre-commit hook, one-line change to a 12 KB .py, warm p50 | "
            f"{statistics.median(warm):.2f} s |"
        )
    print("| measurement | result |\n|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
