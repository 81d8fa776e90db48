"""Speed and scale benchmarks for issue 8 (a script, not a test: it prints a Markdown table).

    pip download --no-deps --no-binary :all: django==5.1.4 -d /tmp/benchsrc
    python bench/speed.py --sdist /tmp/benchsrc/Django-5.1.4.tar.gz [--quick]

Everything is measured side by side in one run on one machine, so the ratios are what to
compare across machines; absolute seconds depend on the box. Each command runs in a fresh
child process; its peak memory is `resource.getrusage(RUSAGE_CHILDREN).ru_maxrss` read by
a wrapper process around that one command (so it covers the command and its children).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdist", type=Path, required=True, help="a big project's sdist")
    parser.add_argument("--quick", action="store_true", help="smaller scaling points")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="gate-bench-"))
    cache = root / "cache"
    rows: list[tuple[str, str]] = []

    def row(name: str, value: str) -> None:
        rows.append((name, value))
        print(f"| {name} | {value} |", flush=True)

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from gate.policy.packs import load_catalog

    rules = root / "rules.json"
    rules.write_text(load_catalog(PACKS).semgrep_config_text())
    repo = make_repo(root, args.sdist, 0)
    (repo / ".git" / "info" / "exclude").write_text(".gate.yml\n")
    (repo / ".gate.yml").write_text(CONFIG.format(packs=", ".join(PACKS), cache=cache))
    files_in_repo = len(git(repo, "ls-files").split())
    changed = change(repo, 15, "pr")
    base = git(repo, "rev-parse", "main").strip()
    print(f"repo: {files_in_repo} files; PR: {len(changed)} changed files\n")
    print("| measurement | result |\n|---|---|")

    # 1. gate vs semgrep --baseline-commit, same rules, same PR.
    g_wall, g_rss, report = gate_run(repo, cache, cold=True)
    s_wall, s_rss, out = measure(
        repo,
        [SEMGREP, "scan", "--config", str(rules), "--baseline-commit", base, "--json",
         "--quiet", "--metrics=off", "--disable-version-check", "--disable-nosem", "--oss-only",
         "--no-rewrite-rule-ids", "--x-ignore-semgrepignore-files"],
    )  # fmt: skip
    baseline = {
        (str(r["check_id"]), str(r["path"]), int(r["start"]["line"]))
        for r in json.loads(out)["results"]
    }
    ours = semgrep_findings(report)
    row(
        f"PR of 15 files, {files_in_repo}-file repo: gate (cold) vs semgrep --baseline-commit",
        f"gate {g_wall:.1f} s, semgrep {s_wall:.1f} s: **{s_wall / g_wall:.1f}x faster**; "
        f"new semgrep findings: gate {len(ours)}, semgrep {len(baseline)}, "
        f"identical: {ours == baseline}",
    )
    row("peak RSS, gate vs semgrep --baseline-commit", f"{g_rss} MiB vs {s_rss} MiB")

    # 2. cold vs warm cache.
    w_wall, w_rss, warm = gate_run(repo, cache, cold=False)
    cached = [s["cached"] for s in warm["scanners"] if s["status"] == "ok"]  # type: ignore[attr-defined]
    row(
        "same PR, warm cache (re-run, nothing changed)",
        f"{w_wall:.2f} s wall vs cold {g_wall:.2f} s ({g_wall / w_wall:.1f}x); "
        f"every scanner cached: {all(cached)}; peak RSS {w_rss} MiB",
    )

    # 3. gate's semgrep stage (direct and CLI paths) vs the bare engine, same files and rules.
    stage = root / "stage.py"
    stage.write_text(_STAGE)
    for engine in ("direct", "cli"):
        wall, _, out = measure(repo, [PY, str(stage), str(rules), engine, *changed])
        row(
            f"gate semgrep stage, {engine} path, 15 files (in-process seconds)",
            out.decode().strip(),
        )
    targets = root / "targets.json"
    targets.write_text(
        json.dumps(["Targets", [["CodeTarget", {"path": {"fpath": p, "ppath": "/" + p},
                    "analyzer": "python", "products": ["sast"]}] for p in changed]])
    )  # fmt: skip
    core = _core()
    b_wall, b_rss, _ = measure(
        repo, [core, "-json_nodots", "-rules", str(rules), "-targets", str(targets), "-fast"]
    )
    row("bare semgrep-core on the same 15 files and rules", f"{b_wall:.2f} s, peak RSS {b_rss} MiB")

    # 4. time vs number of changed files.
    counts = (1, 10, 100) if args.quick else (1, 10, 100, 1000)
    for count in counts:
        change(repo, count, f"pr{count}")
        wall, rss, _ = gate_run(repo, cache, cold=True)
        row(f"gate, cold cache, {count} changed file(s)", f"{wall:.2f} s, peak RSS {rss} MiB")
    git(repo, "checkout", "-q", "pr")

    # 5. time vs repository size at a fixed 10-file diff.
    sizes = (1_000, 10_000) if args.quick else (1_000, 10_000, 50_000)
    for size in sizes:
        sub = root / f"size{size}"
        sub.mkdir()
        small = make_repo(sub, None, size)
        (small / ".git" / "info" / "exclude").write_text(".gate.yml\n")
        (small / ".gate.yml").write_text(CONFIG.format(packs=", ".join(PACKS), cache=cache))
        change(small, 10, "pr")
        wall, rss, _ = gate_run(small, cache, cold=True)
        row(f"gate, cold cache, 10 changed files, repo of {size:,} files", f"{wall:.2f} s")
    shutil.rmtree(root, ignore_errors=True)


def _core() -> str:
    import importlib.util

    spec = importlib.util.find_spec("semgrep")
    assert spec is not None and spec.submodule_search_locations
    return str(Path(next(iter(spec.submodule_search_locations))) / "bin" / "semgrep-core")


_STAGE = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from gate.change.model import ChangedFile, ChangeKind\n"
    "from gate.policy.packs import load_catalog\n"
    "from gate.scanning.base import ScanRequest, ScanTarget\n"
    "from gate.scanning.semgrep import SemgrepScanner\n"
    f"catalog = load_catalog({PACKS!r})\n"
    "targets = tuple(ScanTarget(file=ChangedFile(path=p, kind=ChangeKind.WHOLE),\n"
    "                           language='python') for p in sys.argv[3:])\n"
    "request = ScanRequest(root=Path.cwd(), targets=targets, catalog=catalog, timeout=600)\n"
    "t = time.perf_counter()\n"
    "outcome = SemgrepScanner(sys.argv[2]).scan(request)\n"
    "took = time.perf_counter() - t\n"
    "print(f'{took:.2f} s ({outcome.version}, {len(outcome.findings)} findings)')\n"
)


if __name__ == "__main__":
    main()
