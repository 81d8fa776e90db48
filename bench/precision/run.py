"""Real-code precision benchmark (issue 12): run gate on real commits, score against labels.

For each commit in commits.yaml: check it out in one reused clone per repository and run
gate as a user would (`gate run --base SHA^`, defaults, cold cache). Raw results go under
--out so scoring can be redone (--score-only) without rescanning. Scoring matches active
medium+ findings to the labels (labels.yaml and every labels_holdout*.yaml) by
fingerprint (else rule+path+line) and prints per split (tuning, holdout, holdout2, and
holdout3 ... holdout8: the fresh holdout).

    python bench/precision/run.py --gate .venv/bin/gate --out /tmp/precision-results
    python bench/precision/run.py --out /tmp/precision-results --score-only --markdown
    python bench/precision/run.py --gate .venv/bin/gate --split holdout2 --out /tmp/holdout2
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
RANKS = {"critical": 4, "high": 3, "medium": 2, "low": 1, "info": 0}
CI_VARS = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "GITHUB_TOKEN", "GATE_GITHUB_TOKEN")
SPLITS = (
    "tuning",
    "holdout",
    "holdout2",
    "holdout3",
    "holdout4",
    "holdout5",
    "holdout6",
    "holdout7",
    "holdout8",
    "holdout9",
)


def load_yaml(path: Path, key: str) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text()) or {}
    return list(data.get(key) or [])


def raw_dir(out: Path, repo: str, sha: str) -> Path:
    return out / "raw" / repo.replace("/", "+") / sha


# --- scanning -------------------------------------------------------------------------


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _clone(repo: str, mirror_root: Path, work: Path) -> Path:
    """One reused clone per repository and worker thread."""
    dest = work / f"{repo.replace('/', '+')}.{threading.get_ident()}"
    if not dest.exists():
        mirror = mirror_root / repo.replace("/", "+") / "repo"
        source = str(mirror) if mirror.exists() else f"https://github.com/{repo}.git"
        subprocess.run(["git", "clone", "-q", "--no-checkout", source, str(dest)], check=True)
    return dest


def _missing_paths(clone: Path, sha: str) -> list[str]:
    """Paths in `sha`'s tree whose blobs the stored history lacks (its largest files)."""
    tree = subprocess.run(
        ["git", "ls-tree", "-r", "-z", sha], cwd=clone, check=True, capture_output=True, text=True
    ).stdout
    blobs = []
    for entry in filter(None, tree.split("\0")):
        meta, path = entry.split("\t", 1)
        kind, obj = meta.split()[1:3]
        if kind == "blob":
            blobs.append((obj, path))
    check = subprocess.run(
        ["git", "cat-file", "--batch-check"],
        cwd=clone,
        input="".join(f"{obj}\n" for obj, _ in blobs),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [path for (_, path), row in zip(blobs, check, strict=True) if row.endswith("missing")]


def _checkout(clone: Path, sha: str) -> None:
    """`git checkout -f SHA`; when some unchanged large file's blob is absent from the stored
    history, check out everything else (sparse checkout without those paths). The commit's
    own changed files are always present (select_commits.py checks that)."""
    try:
        _git(clone, "checkout", "-q", "-f", sha)
        return
    except subprocess.CalledProcessError:
        missing = _missing_paths(clone, sha)
        if not missing:
            raise
    patterns = ["/*"] + [
        "!/" + "".join("\\" + ch if ch in "*?[]!#\\" else ch for ch in m) for m in missing
    ]
    info = clone / ".git" / "info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "sparse-checkout").write_text("\n".join(patterns) + "\n")
    _git(clone, "config", "core.sparseCheckoutCone", "false")
    _git(clone, "config", "core.sparseCheckout", "true")
    _git(clone, "checkout", "-q", "-f", sha)
    _git(clone, "read-tree", "-mu", "HEAD")  # re-apply the patterns to the whole index


def scan_commit(gate: str, clone: Path, repo: str, sha: str, out: Path) -> None:
    target = raw_dir(out, repo, sha)
    if (target / "run.json").exists():
        return
    target.mkdir(parents=True, exist_ok=True)
    _checkout(clone, sha)
    _git(clone, "clean", "-q", "-fdx")
    with tempfile.TemporaryDirectory(prefix="gate-cache-") as cache:
        env = {k: v for k, v in os.environ.items() if k not in CI_VARS}
        env["XDG_CACHE_HOME"] = cache
        cmd = [gate, "run", "--base", f"{sha}^", "--json", str(target / "report.json")]
        cmd += ["--sarif", str(target / "report.sarif"), "--format", "markdown"]
        cmd += ["--output", str(target / "comment.md")]
        start = time.monotonic()
        proc = subprocess.run(cmd, cwd=clone, env=env, capture_output=True, text=True)
    run = {
        "repo": repo,
        "sha": sha,
        "exit_code": proc.returncode,
        "seconds": round(time.monotonic() - start, 2),
        "stderr": proc.stderr[-2000:],
    }
    (target / "run.json").write_text(json.dumps(run, indent=1))


def _added_lines(mirror_root: Path, repo: str, sha: str) -> int:
    git_dir = mirror_root / repo.replace("/", "+") / "repo"
    numstat = subprocess.run(
        ["git", "--git-dir", str(git_dir), "diff", "--numstat", f"{sha}^", sha],
        capture_output=True,
        text=True,
    ).stdout
    return sum(int(n) for n, *_ in (row.split("\t") for row in numstat.splitlines()) if n.isdigit())


def scan(args: argparse.Namespace, commits: list[dict[str, Any]]) -> None:
    """Smallest commits first (a cut-short run still covers most commits and both splits);
    one clone per repository and worker."""
    work = Path(tempfile.mkdtemp(prefix="precision-clones-"))

    def one(c: dict[str, Any]) -> None:
        try:
            clone = _clone(c["repo"], args.mirror_root, work)
            scan_commit(args.gate, clone, c["repo"], c["sha"], args.out)
        except subprocess.CalledProcessError as exc:
            print(f"{c['repo']}@{c['sha'][:12]}: {exc}", file=sys.stderr)
        print(f"scanned {c['repo']}@{c['sha'][:12]}", file=sys.stderr, flush=True)

    try:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            size = {c["sha"]: _added_lines(args.mirror_root, c["repo"], c["sha"]) for c in commits}
            list(pool.map(one, sorted(commits, key=lambda c: size[c["sha"]])))
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- scoring --------------------------------------------------------------------------


@dataclass
class Tally:
    commits: int = 0
    missing: int = 0
    lines_added: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    tiers: Counter[int] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    rules: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    fails_justified: int = 0
    md_chars: list[int] = field(default_factory=list)
    md_lines: list[int] = field(default_factory=list)
    sarif_results: list[int] = field(default_factory=list)
    sarif_bytes: list[int] = field(default_factory=list)
    unlabeled: list[dict[str, Any]] = field(default_factory=list)
    clean: list[tuple[int, int, int]] = field(default_factory=list)  # files, chars, lines


def label_index(labels: Iterable[dict[str, Any]]) -> dict[tuple[str, ...], str]:
    index: dict[tuple[str, ...], str] = {}
    for lab in labels:
        label = str(lab["label"]).lower()  # an unquoted YAML `false` loads as a bool
        index[(lab["repo"], lab["sha"], "fp", lab["fingerprint"])] = label
        index[(lab["repo"], lab["sha"], lab["rule"], lab["path"], str(lab["line"]))] = label
    return index


def label_of(index: dict[tuple[str, ...], str], repo: str, sha: str, f: dict[str, Any]) -> str:
    by_fp = index.get((repo, sha, "fp", f["fingerprint"]))
    by_place = index.get((repo, sha, f["rule_id"], f["path"], str(f["start_line"])))
    return str(by_fp or by_place or "unlabeled")


def score_commit(t: Tally, c: dict[str, Any], out: Path, index: dict[tuple[str, ...], str]) -> None:
    target = raw_dir(out, c["repo"], c["sha"])
    report_path = target / "report.json"
    if not report_path.exists():
        t.missing += 1
        return
    t.commits += 1
    report = json.loads(report_path.read_text())
    t.lines_added += int(report["change"]["lines_added"])
    t.verdicts[report["verdict"]] += 1
    t.tiers[int(report["risk"]["tier"])] += 1
    fail_rank = RANKS.get(report["fail_on"], 99)
    justified = False
    for f in report["findings"]:
        if f["status"] != "active" or RANKS[f["severity"]] < RANKS["medium"]:
            continue
        label = label_of(index, c["repo"], c["sha"], f)
        t.labels[label] += 1
        t.rules[f["rule_id"]][label] += 1
        justified |= label == "true" and RANKS[f["severity"]] >= fail_rank
        if label == "unlabeled":
            t.unlabeled.append({"repo": c["repo"], "sha": c["sha"], **f})
    if report["verdict"] == "fail" and justified:
        t.fails_justified += 1
    md = (target / "comment.md").read_text() if (target / "comment.md").exists() else ""
    t.md_chars.append(len(md))
    t.md_lines.append(md.count("\n"))
    if report["verdict"] == "pass":
        t.clean.append((int(report["change"]["files_changed"]), len(md), md.count("\n")))
    sarif = target / "report.sarif"
    if sarif.exists():
        runs = json.loads(sarif.read_text()).get("runs", [])
        t.sarif_results.append(sum(len(r.get("results", [])) for r in runs))
        t.sarif_bytes.append(sarif.stat().st_size)


def _pct(num: float, den: float) -> str:
    return f"{100 * num / den:.1f}%" if den else "n/a"


def _per(num: float, den: float, scale: int) -> str:
    return f"{scale * num / den:.2f}" if den else "n/a"


def _spread(values: list[int]) -> str:
    if not values:
        return "n/a"
    s = sorted(values)
    return f"median {s[len(s) // 2]}, p90 {s[int(len(s) * 0.9)]}, max {s[-1]}"


def _largest(clean: list[tuple[int, int, int]]) -> str:
    if not clean:
        return "n/a"
    files, chars, lines = max(clean)
    return f"{files} files: {chars} chars, {lines} lines"


def summary_rows(t: Tally) -> list[tuple[str, str]]:
    tp, fp, deb = t.labels["true"], t.labels["false"], t.labels["debatable"]
    fails = t.verdicts["fail"]
    unjustified = fails - t.fails_justified
    return [
        ("commits scanned", f"{t.commits} (+{t.lines_added} added lines; {t.missing} not scanned)"),
        ("verdicts", ", ".join(f"{k} {v}" for k, v in sorted(t.verdicts.items()))),
        ("tiers 0/1/2/3", "/".join(str(t.tiers[i]) for i in range(4))),
        (
            "active medium+ findings",
            f"{sum(t.labels.values())}: true {tp}, false {fp}, "
            f"debatable {deb}, unlabeled {t.labels['unlabeled']}",
        ),
        ("medium+ precision true/(true+false)", _pct(tp, tp + fp)),
        ("fail verdicts per 100 commits", _per(fails, t.commits, 100)),
        ("fails justified", f"{t.fails_justified}/{fails} ({_pct(t.fails_justified, fails)})"),
        ("unjustified fails per 100 commits", _per(unjustified, t.commits, 100)),
        ("medium+ FPs per 1,000 added lines", _per(fp, t.lines_added, 1000)),
        ("Markdown comment chars", _spread(t.md_chars)),
        ("Markdown comment lines", _spread(t.md_lines)),
        ("comment of the largest pass (files: chars, lines)", _largest(t.clean)),
        ("SARIF results", _spread(t.sarif_results)),
        ("SARIF bytes", _spread(t.sarif_bytes)),
        ("unlabeled medium+ findings", str(t.labels["unlabeled"])),
    ]


def rule_rows(t: Tally) -> list[tuple[str, str]]:
    rows = []
    for rule, c in sorted(t.rules.items(), key=lambda kv: -sum(kv[1].values())):
        tp, fp = c["true"], c["false"]
        rows.append(
            (
                rule,
                f"{sum(c.values())} findings: true {tp}, false {fp}, debatable "
                f"{c['debatable']}, unlabeled {c['unlabeled']}; precision {_pct(tp, tp + fp)}",
            )
        )
    return rows


def report(tallies: dict[str, Tally], markdown: bool) -> None:
    names = list(tallies)
    if markdown:
        print("| measurement | " + " | ".join(names) + " |")
        print("|---|" + "---|" * len(names))
        rows = [summary_rows(tallies[n]) for n in names]
        for i, (label, _) in enumerate(rows[0]):
            print(f"| {label} | " + " | ".join(r[i][1] for r in rows) + " |")
        return
    for name, t in tallies.items():
        print(f"== {name} ==")
        for label, value in summary_rows(t):
            print(f"  {label}: {value}")
        print("  per rule (active, medium+):")
        for rule, value in rule_rows(t):
            print(f"    {rule}: {value}")


def write_todo(path: Path, tallies: dict[str, Tally]) -> None:
    seen: set[tuple[str, str, str]] = set()
    items = []
    for t in tallies.values():
        for f in t.unlabeled:
            key = (f["repo"], f["sha"], f["fingerprint"])
            if key not in seen:
                seen.add(key)
                item = {k: f[k] for k in ("repo", "sha", "rule_id", "severity", "path")}
                item |= {"line": f["start_line"], "fingerprint": f["fingerprint"]}
                item |= {k: f[k] for k in ("source_rule_ids", "message", "snippet")}
                items.append(item)
    path.write_text(yaml.safe_dump({"todo": items}, sort_keys=False, width=120))
    print(f"wrote {len(items)} unlabeled medium+ findings to {path}", file=sys.stderr)


def interleave(commits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Round-robin over repositories, so --limit N samples every project evenly."""
    position: Counter[str] = Counter()
    keyed = []
    for c in commits:
        keyed.append((position[c["repo"]], c["repo"], c))
        position[c["repo"]] += 1
    return [c for *_, c in sorted(keyed, key=lambda k: (k[0], k[1]))]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gate", default="gate", help="gate executable (default: gate on PATH)")
    p.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    p.add_argument("--jobs", type=int, default=2, help="gate processes at once")
    p.add_argument("--out", type=Path, default=Path("/tmp/precision-results"))
    p.add_argument("--limit", type=int, default=0, help="N commits per split, round-robin (0: all)")
    p.add_argument("--mirror-root", type=Path, default=Path("/work/.mirror"))
    p.add_argument("--commits", type=Path, default=HERE / "commits.yaml")
    p.add_argument(
        "--labels",
        type=Path,
        action="append",
        help="labels file (repeatable; default: labels.yaml and every labels_holdout*.yaml)",
    )
    p.add_argument("--score-only", action="store_true", help="do not scan, score --out")
    p.add_argument("--markdown", action="store_true", help="print the README table")
    p.add_argument("--todo", type=Path, help="write unlabeled medium+ findings here (YAML)")
    args = p.parse_args()
    if os.sep in args.gate:
        args.gate = str(Path(args.gate).resolve())
    splits = SPLITS if args.split == "all" else (args.split,)
    commits = load_yaml(args.commits, "commits")
    chosen = []
    for split in splits:
        in_split = interleave([c for c in commits if c["split"] == split])
        chosen += in_split[: args.limit] if args.limit else in_split
    if not args.score_only:
        scan(args, chosen)
    label_files = args.labels or [HERE / "labels.yaml", *sorted(HERE.glob("labels_holdout*.yaml"))]
    index = label_index(lab for path in label_files for lab in load_yaml(path, "labels"))
    tallies = {split: Tally() for split in splits}
    for c in chosen:
        score_commit(tallies[c["split"]], c, args.out, index)
    report(tallies, args.markdown)
    if args.todo:
        write_todo(args.todo, tallies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
