"""Structural check of the generalization corpus (cases/<family>/<id>/).

For every case directory: case.yaml parses and has the required keys; before/ and after/
exist; the id is unique and equals the directory name; family equals the parent directory and
is one of run.py's FAMILIES; language is one of LANGUAGES; `set` (absent means first) is one of
SETS; positives list at least one expected {file, lines: [lo, hi]} whose file exists in after/
and whose range lies within that file; clean look-alikes expect nothing.

    python3 bench/generalization/check_cases.py [--cases DIR]

Prints one line per problem and exits 1 if there is any, else prints a summary and exits 0.
It reads run.py's lists with ast rather than importing it, so it needs only PyYAML.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REQUIRED = ("id", "language", "family", "weakness", "description")


def run_lists(run_py: Path) -> dict[str, list[str]]:
    """FAMILIES, LANGUAGES and SETS as literally assigned in run.py."""
    wanted = {"FAMILIES", "LANGUAGES", "SETS"}
    found: dict[str, list[str]] = {}
    for node in ast.parse(run_py.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in wanted:
                found[target.id] = [str(x) for x in ast.literal_eval(node.value)]
    missing = wanted - found.keys()
    if missing:
        raise SystemExit(f"{run_py}: cannot find {', '.join(sorted(missing))}")
    return found


def check_expected(case_dir: Path, family: str, expected: Any) -> list[str]:
    problems: list[str] = []
    if expected is None:
        expected = []
    if not isinstance(expected, list):
        return [f"expected must be a list, got {type(expected).__name__}"]
    if family == "clean":
        if expected:
            problems.append("clean case must not list expected findings")
        return problems
    if not expected:
        return ["positive case lists no expected file/lines"]
    for n, exp in enumerate(expected, 1):
        where = f"expected[{n}]"
        if not isinstance(exp, dict) or "file" not in exp or "lines" not in exp:
            problems.append(f"{where}: needs keys file and lines")
            continue
        lines = exp["lines"]
        if (
            not isinstance(lines, list)
            or len(lines) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in lines)
        ):
            problems.append(f"{where}: lines must be [start, end] integers, got {lines!r}")
            continue
        target = case_dir / "after" / str(exp["file"])
        if not target.is_file():
            problems.append(f"{where}: {exp['file']} does not exist in after/")
            continue
        count = len(target.read_text(encoding="utf-8", errors="replace").splitlines())
        lo, hi = lines
        if not 1 <= lo <= hi <= count:
            problems.append(
                f"{where}: lines [{lo}, {hi}] outside {exp['file']} (1..{count}) or reversed"
            )
    return problems


def check_case(case_dir: Path, lists: dict[str, list[str]]) -> tuple[str | None, list[str]]:
    """The case id (if readable) and the problems found in one case directory."""
    meta_path = case_dir / "case.yaml"
    problems: list[str] = []
    for side in ("before", "after"):
        if not (case_dir / side).is_dir():
            problems.append(f"missing {side}/ directory")
    if not meta_path.is_file():
        return None, [*problems, "missing case.yaml"]
    try:
        raw = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return None, [*problems, f"case.yaml does not parse: {exc}"]
    if not isinstance(raw, dict):
        return None, [*problems, "case.yaml is not a mapping"]
    for key in REQUIRED:
        if raw.get(key) in (None, ""):
            problems.append(f"case.yaml lacks required key {key!r}")
    case_id = str(raw["id"]) if raw.get("id") is not None else None
    if case_id is not None and case_id != case_dir.name:
        problems.append(f"id {case_id!r} differs from the directory name")
    family = str(raw.get("family", ""))
    if family and family != case_dir.parent.name:
        problems.append(f"family {family!r} differs from the parent directory")
    if family and family not in lists["FAMILIES"]:
        problems.append(f"family {family!r} not in run.py FAMILIES {lists['FAMILIES']}")
    language = str(raw.get("language", ""))
    if language and language not in lists["LANGUAGES"]:
        problems.append(f"language {language!r} not in run.py LANGUAGES {lists['LANGUAGES']}")
    case_set = str(raw.get("set") or "first")
    if case_set not in lists["SETS"]:
        problems.append(f"set {case_set!r} not in run.py SETS {lists['SETS']}")
    problems += check_expected(case_dir, family or case_dir.parent.name, raw.get("expected"))
    return case_id, problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=Path, default=HERE / "cases", help="corpus root")
    ap.add_argument("--run-py", type=Path, default=HERE / "run.py", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    lists = run_lists(args.run_py)
    if not args.cases.is_dir():
        print(f"{args.cases}: not a directory", file=sys.stderr)
        return 2
    problems: list[str] = []
    seen: dict[str, Path] = {}
    per_set: Counter[str] = Counter()
    total = 0
    for family_dir in sorted(p for p in args.cases.iterdir() if not p.name.startswith(".")):
        if not family_dir.is_dir():
            problems.append(f"{family_dir.name}: stray file at the corpus root")
            continue
        if family_dir.name not in lists["FAMILIES"]:
            problems.append(f"{family_dir.name}/: family directory not in run.py FAMILIES")
        for case_dir in sorted(p for p in family_dir.iterdir() if not p.name.startswith(".")):
            rel = case_dir.relative_to(args.cases)
            if not case_dir.is_dir():
                problems.append(f"{rel}: stray file in a family directory")
                continue
            total += 1
            case_id, found = check_case(case_dir, lists)
            problems += [f"{rel}: {p}" for p in found]
            if case_id is not None:
                if case_id in seen:
                    problems.append(f"{rel}: id {case_id!r} also used by {seen[case_id]}")
                else:
                    seen[case_id] = rel
            meta = case_dir / "case.yaml"
            if meta.is_file() and not found:
                raw = yaml.safe_load(meta.read_text(encoding="utf-8"))
                per_set[str(raw.get("set") or "first")] += 1
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} problem(s) in {total} case directories", file=sys.stderr)
        return 1
    sets = ", ".join(f"{s} {per_set[s]}" for s in lists["SETS"] if per_set[s])
    print(f"ok: {total} cases ({sets})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
