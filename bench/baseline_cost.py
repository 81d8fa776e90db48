"""What the baseline's base side costs (issue 15; a script, not a test: prints a table).

    python bench/baseline_cost.py                 # corpus: the installed `rich` sources
    python bench/baseline_cost.py --sdist /tmp/benchsrc/Django-5.1.4.tar.gz --repeat 5

A repository whose `main` already has a risky function (command injection, weak hash,
eval) in 15 Python files, and three 15-file PRs off it:

- new code: each file gains a new risky function (findings on changed lines, nothing
  removed, so the base is never scanned);
- refactor: in 10 files the old risky function is re-indented into an `if`, in 5 it is
  moved to a new module (findings on changed lines whose code is in the base: the base
  versions of those 15 files are scanned);
- clean: each file gains a harmless function (no candidate at all).

Each PR runs `run_gate(base='main')` in a fresh interpreter with `baseline: off` (today's
added-lines filter, the head-only time) and `baseline: on`, cold (result cache emptied
before the run) and warm (re-run), interleaved, median of `--repeat` runs. All scanners
and the default packs, as `gate run` uses them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

PY = sys.executable
RUN = (
    "import json, sys; from pathlib import Path; from gate.runner import RunOptions, run_gate; "
    "r = run_gate(RunOptions(cwd=Path.cwd(), base='main', overrides={'baseline': sys.argv[1]})); "
    "print(json.dumps({'verdict': r.verdict.value, 'active': len(r.active), "
    "'pre': sum(f.status.value == 'pre-existing' for f in r.findings), "
    "'notes': [n for n in r.notes if n.startswith('baseline')]}))"
)
OLD = (
    "\n\ndef _legacy_{n}(cmd, text, expr):\n"
    "    import hashlib, subprocess\n"
    "    subprocess.call(cmd, shell=True)\n"
    "    digest = hashlib.md5(text.encode()).hexdigest()\n"
    "    return eval(expr), digest\n"
)
NEW = (
    "\n\ndef _added_{n}(cmd, expr):\n"
    "    import subprocess\n"
    "    subprocess.call(cmd + ' --new', shell=True)\n"
    "    return eval(expr + '+1')\n"
)
CLEAN = "\n\ndef _clean_{n}(value):\n    return value * 2\n"


def git(cwd: Path, *args: str) -> None:
    env = {"GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@b", "GIT_COMMITTER_NAME": "b"}
    env |= {"GIT_COMMITTER_EMAIL": "b@b", "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=True, env=env)


def corpus(sdist: Path | None, into: Path) -> None:
    if sdist is not None:
        with tarfile.open(sdist) as archive:
            archive.extractall(into, filter="data")
        return
    import rich

    shutil.copytree(Path(rich.__file__).parent, into / "rich", ignore=_no_pycache)


def _no_pycache(directory: str, names: list[str]) -> list[str]:
    return [n for n in names if n == "__pycache__" or n.endswith(".pyc")]


def build(root: Path, sdist: Path | None) -> tuple[Path, list[Path]]:
    repo = root / "repo"
    repo.mkdir()
    corpus(sdist, repo)
    files = sorted(p for p in repo.rglob("*.py") if 2_000 < p.stat().st_size < 40_000)[:15]
    (repo / ".gate.yml").write_text(f"cache: {{dir: '{root / 'cache'}'}}\n")
    for n, path in enumerate(files):
        path.write_text(path.read_text() + OLD.format(n=n))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "main with 15 legacy risky functions")
    for branch, edit in (("new", _new), ("refactor", _refactor), ("clean", _clean)):
        git(repo, "checkout", "-q", "-b", branch, "main")
        for n, path in enumerate(files):
            edit(repo, n, path)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", branch)
    return repo, files


def _new(repo: Path, n: int, path: Path) -> None:
    path.write_text(path.read_text() + NEW.format(n=n))


def _clean(repo: Path, n: int, path: Path) -> None:
    path.write_text(path.read_text() + CLEAN.format(n=n))


def _refactor(repo: Path, n: int, path: Path) -> None:
    text, old = path.read_text(), OLD.format(n=n)
    if n < 10:  # re-indent into an if
        wrapped = "\n\nif True:\n" + "".join(
            "    " + line if line else line for line in old.lstrip("\n").splitlines(True)
        )
        path.write_text(text.replace(old, wrapped))
    else:  # move to a new module
        path.write_text(text.replace(old, "\n"))
        (repo / f"legacy_{n}.py").write_text(old.lstrip("\n"))


def run(repo: Path, mode: str) -> tuple[float, dict[str, object]]:
    started = time.perf_counter()
    out = subprocess.run([PY, "-c", RUN, mode], cwd=repo, capture_output=True, check=True)
    return time.perf_counter() - started, json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdist", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="gate-bench-baseline-"))
    try:
        repo, _files = build(root, args.sdist)
        rows = []
        for branch in ("new", "refactor", "clean"):
            git(repo, "checkout", "-q", branch)
            times: dict[tuple[str, str], list[float]] = {}
            result: dict[str, dict[str, object]] = {}
            for _ in range(args.repeat):
                for mode in ("off", "on"):
                    shutil.rmtree(root / "cache", ignore_errors=True)
                    cold, result[mode] = run(repo, mode)
                    warm, _ = run(repo, mode)
                    times.setdefault((mode, "cold"), []).append(cold)
                    times.setdefault((mode, "warm"), []).append(warm)
            median = {k: statistics.median(v) for k, v in times.items()}
            rows.append((branch, median, result))
        print(_table(rows, args))
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _table(rows: list[tuple[str, dict[tuple[str, str], float], dict[str, dict[str, object]]]],
           args: argparse.Namespace) -> str:  # fmt: skip
    corpus_name = args.sdist.name if args.sdist else "rich (installed sources)"
    lines = [
        f"Corpus: {corpus_name}; 15-file PRs; median of {args.repeat} run(s) each.",
        "",
        "| PR (15 files) | head only (`baseline: off`) cold / warm | `baseline: on` cold / warm "
        "| ratio cold / warm | verdict off -> on | base side |",
        "|---|---:|---:|---:|---|---|",
    ]
    for branch, median, result in rows:
        off_c, off_w = median[("off", "cold")], median[("off", "warm")]
        on_c, on_w = median[("on", "cold")], median[("on", "warm")]
        notes = result["on"]["notes"]
        side = next((str(n).rsplit("base side: ", 1)[-1] for n in notes if "base side" in n), "")  # type: ignore[attr-defined]
        lines.append(
            f"| {branch} | {off_c:.2f} s / {off_w:.2f} s | {on_c:.2f} s / {on_w:.2f} s "
            f"| {on_c / off_c:.2f}x / {on_w / off_w:.2f}x "
            f"| {result['off']['verdict']} ({result['off']['active']} active) -> "
            f"{result['on']['verdict']} ({result['on']['active']} active, "
            f"{result['on']['pre']} pre-existing) | {side or 'not scanned'} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
