"""Per-rule measured precision (issue 12, item 7): from a re-run of gate plus the hand labels.

Re-run gate (run.py) on the seen commits where a rule had labelled medium+ findings, label
any new medium+ finding by hand in labels.yaml, then:

    python bench/precision/rule_precision.py --results /tmp/precision-rerun
        [--results /tmp/holdout2-run] [--commits /tmp/rerun-commits.yaml] [--write-rules]

It counts, per rule, the active medium+ findings of the re-run (true / false / debatable,
matched to labels.yaml and every labels_holdout*.yaml like run.py does) and the commits
they are on, and writes bench/precision/rule_precision.yaml. With --write-rules it also writes
`precision: "43%"` and `measured_on: "3 true of 7 labelled ..."` into each rule that has
true or false findings (semgrep rules: in `metadata`, as a string because semgrep rejects
decimal numbers there; native rules: beside `title`), and removes them from a rule that has
none: no findings, no number ("not measured yet"). tests/test_rule_precision_data.py
checks that the rules and this file agree.
An unlabeled medium+ finding stops the script: label it first (run.py --todo).
"""

from __future__ import annotations

import argparse
import datetime
import functools
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
POLICIES = ROOT / "policies"
OUTPUT = HERE / "rule_precision.yaml"
sys.path.insert(0, str(HERE))

from run import RANKS, label_index, label_of, load_yaml, raw_dir  # noqa: E402

from gate.policy.config import Config, parse_config  # noqa: E402
from gate.policy.profiles import threshold_for  # noqa: E402


def _report_path(results: list[Path], repo: str, sha: str) -> Path:
    for directory in results:
        path = raw_dir(directory, repo, sha) / "report.json"
        if path.exists():
            return path
    raise SystemExit(f"{repo}@{sha[:12]}: not in {', '.join(map(str, results))} (run run.py)")


def measure(
    results: list[Path], commits: list[dict[str, Any]], labels: list[Path]
) -> dict[str, Any]:
    index = label_index([lab for path in labels for lab in load_yaml(path, "labels")])
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    on_commits: dict[str, set[str]] = defaultdict(set)
    unlabeled: list[str] = []
    skipped: list[str] = []
    scanned = 0
    for c in commits:
        report = json.loads(_report_path(results, c["repo"], c["sha"]).read_text())
        if report["verdict"] == "error":  # a scanner failed (timeout): its findings are missing
            skipped.append(f"{c['repo']}@{c['sha'][:12]}")
            continue
        scanned += 1
        for f in report["findings"]:
            if f["status"] != "active" or RANKS[f["severity"]] < RANKS["medium"]:
                continue
            if not _can_fail(f["path"], f["severity"]):
                continue  # e.g. example code, a high finding in a test: nothing to decide
            label = label_of(index, c["repo"], c["sha"], f)
            if label == "unlabeled":
                unlabeled.append(
                    f"{c['repo']}@{c['sha'][:12]} {f['rule_id']} {f['path']}:{f['start_line']}"
                )
            counts[f["rule_id"]][label] += 1
            on_commits[f["rule_id"]].add(c["sha"])
    if unlabeled:
        raise SystemExit(
            "unlabeled medium+ findings (label them in labels.yaml):\n  " + "\n  ".join(unlabeled)
        )
    rules = []
    for rule in sorted(counts):
        c = counts[rule]
        tp, fp = c["true"], c["false"]
        rules.append(
            {
                "rule": rule,
                "true": tp,
                "false": fp,
                "debatable": c["debatable"],
                "commits": len(on_commits[rule]),
                "precision": round(tp / (tp + fp), 2) if tp + fp else None,
            }
        )
    return {"commits_rerun": scanned, "commits_with_scanner_error": skipped, "rules": rules}


@functools.cache
def _can_fail(path: str, severity: str) -> bool:
    """Whether a finding counts towards its rule's measured precision: everywhere the
    global `fail_on` applies (application code), and in a profile with its own threshold
    (tests: critical only; examples: never) only when it could fail the change there. A
    high finding in a test or any finding in example code decides nothing, so it does not
    demote the rule for application code (its path was the problem, not the rule)."""
    defaults = _defaults()
    threshold = threshold_for(defaults.raw, path, "fail_on", str(defaults["fail_on"]))
    if threshold == defaults["fail_on"]:
        return True
    return threshold != "never" and RANKS[severity] >= RANKS[threshold]


@functools.cache
def _defaults() -> Config:
    return parse_config("", "defaults")


def gate_commit() -> str:
    out = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return out.stdout.strip() or "unknown"


def measured_on(entry: dict[str, Any], date: str) -> str:
    """What the percentage rests on: `1 true of 4 (+1 debatable) medium+ findings on 3 real
    commits, 2026-12-02`."""
    debatable = f" (+{entry['debatable']} debatable)" if entry["debatable"] else ""
    labelled = entry["true"] + entry["false"]
    return (
        f"{entry['true']} true of {labelled}{debatable} medium+ findings on "
        f"{entry['commits']} real commits, {date}"
    )


def percent(precision: float) -> str:
    """`"43%"`: a string, so semgrep's rule parser (which rejects decimals) takes it."""
    return f"{precision * 100:.0f}%"


# --- writing the numbers into the rules -----------------------------------------------

_ID = re.compile(r"^(\s*)- id:\s*['\"]?([\w.\-]+)['\"]?\s*$")
_KEY = re.compile(r"^(\s*)(precision|measured_on):")
_TITLE = re.compile(r"^(\s*)title:")


def rule_files() -> list[Path]:
    return sorted(p for p in POLICIES.rglob("*.yml") if p.name != "pack.yml")


def _blocks(lines: list[str]) -> dict[str, tuple[int, int]]:
    """rule id -> (first, end) line indexes of its `- id:` entry."""
    starts = [
        (i, m.group(2), len(m.group(1))) for i, line in enumerate(lines) if (m := _ID.match(line))
    ]
    blocks = {}
    for n, (i, rule, indent) in enumerate(starts):
        end = len(lines)
        for j, _, other in starts[n + 1 :]:
            if other <= indent:
                end = j
                break
        blocks[rule] = (i, end)
    return blocks


_ALIAS = re.compile(r"^(\s*)metadata: \*([\w-]+)\s*$")


def _unshare(lines: list[str], measured: set[str]) -> list[str]:
    """Give each rule of an anchored metadata group its own copy when one of the group is
    measured (a shared `metadata: &x` would hand one rule's precision to the others)."""
    blocks = _blocks(lines)
    owner = {i: rule for rule, (first, end) in blocks.items() for i in range(first, end)}
    groups: dict[str, set[str]] = defaultdict(set)
    for i, line in enumerate(lines):
        if m := re.match(r"^\s*metadata: [&*]([\w-]+)\s*$", line):
            groups[m.group(1)].add(owner.get(i, ""))
    shared = {name for name, rules in groups.items() if rules & measured}
    out: list[str] = []
    for line in lines:
        alias = _ALIAS.match(line)
        source = re.match(r"^(\s*)metadata: &([\w-]+)\s*$", line)
        if source and source.group(2) in shared:
            out.append(f"{source.group(1)}metadata:\n")
        elif alias and alias.group(2) in shared:
            start = next(
                k
                for k, text in enumerate(lines)
                if text.rstrip() == f"{alias.group(1)}metadata: &{alias.group(2)}"
            )
            indent = len(alias.group(1))
            out.append(f"{alias.group(1)}metadata:\n")
            for text in lines[start + 1 :]:
                if text.strip() and len(text) - len(text.lstrip()) <= indent:
                    break
                out.append(re.sub(r": &[\w-]+(\s*)$", r":\1", text))
        else:
            out.append(line)
    return out


def write_rules(numbers: dict[str, tuple[float, str]]) -> list[str]:
    """Set precision/measured_on on the rules in `numbers`, drop them from every other rule."""
    changed = []
    for path in rule_files():
        original = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines = _unshare(original, set(numbers))
        blocks = _blocks(lines)
        if not blocks:
            continue
        edits: list[tuple[int, int, list[str]]] = []
        for rule, (first, end) in blocks.items():
            body = lines[first:end]
            kept = [line for line in body if not _KEY.match(line)]
            if rule in numbers:
                title = next((k for k, line in enumerate(kept) if _TITLE.match(line)), None)
                if title is None:
                    raise SystemExit(
                        f"{path}: rule '{rule}' has no title line to put precision beside"
                    )
                if any(line.strip().startswith("metadata: *") for line in kept):
                    raise SystemExit(
                        f"{path}: rule '{rule}' shares anchored metadata; give it its own"
                    )
                indent = _TITLE.match(kept[title]).group(1)  # type: ignore[union-attr]
                precision, where = numbers[rule]
                kept[title + 1 : title + 1] = [
                    # semgrep's rule parser rejects YAML floats in metadata: a percentage
                    f'{indent}precision: "{percent(precision)}"\n',
                    f'{indent}measured_on: "{where}"\n',
                ]
            if kept != body:
                edits.append((first, end, kept))
        for first, end, kept in sorted(edits, reverse=True):
            lines[first:end] = kept
        if edits or lines != original:
            path.write_text("".join(lines), encoding="utf-8")
            changed.append(str(path.relative_to(ROOT)))
    return changed


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--results",
        type=Path,
        action="append",
        required=True,
        help="run.py --out of the re-run (repeatable: the first that holds a commit is used)",
    )
    p.add_argument(
        "--commits",
        type=Path,
        help="the re-run's commits file (default: the commits of labels.yaml)",
    )
    p.add_argument(
        "--labels",
        type=Path,
        action="append",
        help="labels file (repeatable; default: labels.yaml and every labels_holdout*.yaml)",
    )
    p.add_argument("--output", type=Path, default=OUTPUT)
    p.add_argument("--date", default=datetime.date.today().isoformat())
    p.add_argument("--gate-commit", help="the gate commit the re-run used (default: HEAD)")
    p.add_argument("--write-rules", action="store_true", help="write precision into the rule files")
    args = p.parse_args()
    labels = args.labels or [HERE / "labels.yaml", *sorted(HERE.glob("labels_holdout*.yaml"))]
    if args.commits:
        commits = load_yaml(args.commits, "commits")
    else:
        labelled = {
            (lab["repo"], lab["sha"]) for path in labels for lab in load_yaml(path, "labels")
        }
        commits = [
            c
            for c in load_yaml(HERE / "commits.yaml", "commits")
            if (c["repo"], c["sha"]) in labelled
        ]
    result = measure(args.results, commits, labels)
    document = {
        "source": "bench/precision/rule_precision.py: a re-run of run.py on the seen commits "
        "where a rule had labelled medium+ findings, scored by "
        + " and ".join(path.name for path in labels),
        "date": args.date,
        "gate_commit": args.gate_commit or gate_commit(),
        **result,
    }
    args.output.write_text(yaml.safe_dump(document, sort_keys=False, width=100), encoding="utf-8")
    for entry in result["rules"]:
        shown = "n/a" if entry["precision"] is None else f"{entry['precision']:.0%}"
        print(
            f"{entry['rule']}: true {entry['true']}, false {entry['false']}, "
            f"debatable {entry['debatable']} on {entry['commits']} commits; precision {shown}"
        )
    if args.write_rules:
        numbers = {
            e["rule"]: (e["precision"], measured_on(e, args.date))
            for e in result["rules"]
            if e["precision"] is not None
        }
        for changed in write_rules(numbers):
            print(f"wrote {changed}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
