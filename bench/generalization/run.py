"""Generalization corpus (issue 14, item 4): does gate catch weaknesses in unanticipated shapes?

Each case under cases/<family>/<id>/ has before/ and after/ trees and a case.yaml. For each
case this builds a git repo (before/ on main, after/ on a branch), runs
`gate run --base main --json` with default settings and a fresh cache, and scores:

* positives: caught at the line = an active finding (medium+, and separately any severity)
  on an expected file whose lines overlap an expected range widened by 2 lines;
  caught anywhere = any active medium+ finding in the change;
* clean look-alikes: flagged = any active medium+ finding.

`set:` in case.yaml names the author set (`first` when absent; `second`, `third`, `fourth`,
`fifth` and `sixth` for the cases written later from the weakness descriptions alone);
`--set` selects one.

    python bench/generalization/run.py --gate .venv/bin/gate --markdown --json out.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from gaterun import brief, build_repo, read_tree, resolve_gate, run_gate, sev_rank

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
FAMILIES = ["security", "compliance", "error-handling", "clean"]
LANGUAGES = ["python", "javascript", "typescript", "go", "java"]
SETS = ["first", "second", "third", "fourth", "fifth", "sixth"]
JS_TS = ("javascript", "typescript")
SLACK = 2
MEDIUM = sev_rank("medium")


@dataclass
class Case:
    id: str
    family: str
    language: str
    weakness: str
    description: str
    expected: list[dict[str, Any]]
    root: Path
    set: str = "first"


@dataclass
class Outcome:
    id: str
    family: str
    language: str
    weakness: str
    verdict: str
    error: str
    seconds: float
    at_line: bool = False  # medium+ on an expected line
    at_line_any: bool = False  # any severity on an expected line
    anywhere: bool = False  # any medium+ finding
    hits: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    # findings on an expected line that do not count (outside-diff, suppressed, ...)
    inactive_hits: list[str] = field(default_factory=list)
    set: str = "first"


def load_cases(root: Path, family: str | None, case_set: str = "all") -> list[Case]:
    cases = []
    for meta in sorted(root.glob("*/*/case.yaml")):
        raw = yaml.safe_load(meta.read_text(encoding="utf-8"))
        case = Case(
            id=str(raw["id"]),
            family=str(raw["family"]),
            language=str(raw["language"]),
            weakness=str(raw.get("weakness", "")),
            description=str(raw.get("description", "")),
            expected=list(raw.get("expected") or []),
            root=meta.parent,
            set=str(raw.get("set") or "first"),
        )
        if case_set not in ("all", case.set):
            continue
        if family is None or case.family == family:
            cases.append(case)
    return cases


def on_expected_line(finding: dict[str, Any], expected: list[dict[str, Any]]) -> bool:
    start = int(finding.get("start_line") or 0)
    end = int(finding.get("end_line") or start)
    for exp in expected:
        lo, hi = (int(x) for x in exp["lines"])
        if finding.get("path") == exp["file"] and start <= hi + SLACK and end >= lo - SLACK:
            return True
    return False


def score(case: Case, gate: str) -> Outcome:
    with tempfile.TemporaryDirectory(prefix=f"gen-{case.id}-") as tmp:
        work = Path(tmp)
        repo = work / "repo"
        build_repo(repo, read_tree(case.root / "before"), read_tree(case.root / "after"))
        res = run_gate(gate, repo, work)
    out = Outcome(
        case.id, case.family, case.language, case.weakness, res.verdict, res.error, res.seconds
    )
    out.set = case.set
    out.findings = [brief(f) for f in res.active]
    medium = [f for f in res.active if sev_rank(str(f.get("severity"))) >= MEDIUM]
    out.anywhere = bool(medium)
    line_hits = [f for f in res.active if on_expected_line(f, case.expected)]
    out.hits = [brief(f) for f in line_hits]
    out.at_line_any = bool(line_hits)
    out.inactive_hits = [brief(f) for f in res.inactive if on_expected_line(f, case.expected)]
    out.at_line = any(sev_rank(str(f.get("severity"))) >= MEDIUM for f in line_hits)
    return out


def pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.0f}%)" if d else "-"


def row(label: str, sel: list[Outcome]) -> list[str]:
    pos = [o for o in sel if o.family != "clean"]
    neg = [o for o in sel if o.family == "clean"]
    return [
        label,
        str(len(pos)),
        pct(sum(o.at_line for o in pos), len(pos)),
        pct(sum(o.at_line_any for o in pos), len(pos)),
        pct(sum(o.anywhere for o in pos), len(pos)),
        str(len(neg)),
        pct(sum(o.anywhere for o in neg), len(neg)),
    ]


HEADER = [
    "group",
    "positives",
    "caught at line (medium+)",
    "caught at line (any sev.)",
    "caught anywhere (medium+)",
    "clean",
    "clean flagged (medium+)",
]


def markdown(outcomes: list[Outcome]) -> str:
    lines: list[str] = []
    for key, groups in (("family", FAMILIES), ("language", LANGUAGES), ("set", SETS)):
        rows = [
            row(g, [o for o in outcomes if getattr(o, key) == g])
            for g in groups
            if any(getattr(o, key) == g for o in outcomes)
        ]
        if key == "language":
            rows.append(row("js+ts", [o for o in outcomes if o.language in JS_TS]))
        rows.append(row("all", outcomes))
        lines.append("| " + " | ".join([f"by {key}", *HEADER[1:]]) + " |")
        lines.append("|" + "---|" * len(HEADER))
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        lines.append("")
    missed = [o for o in outcomes if o.family != "clean" and not o.at_line]
    flagged = [o for o in outcomes if o.family == "clean" and o.anywhere]
    errors = [o for o in outcomes if o.error]
    lines.append(f"Missed at the line (medium+): {len(missed)}")
    lines += [
        f"- {o.id} ({o.language}, {o.weakness}): {', '.join(o.findings + o.inactive_hits) or '-'}"
        for o in missed
    ]
    lines.append(f"\nClean cases flagged: {len(flagged)}")
    lines += [f"- {o.id} ({o.language}): {', '.join(o.findings)}" for o in flagged]
    if errors:
        lines.append(f"\nGate errors: {len(errors)}")
        lines += [f"- {o.id}: exit/verdict {o.verdict}: {o.error}" for o in errors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gate", default="gate", help="gate executable (default: gate on PATH)")
    ap.add_argument("--family", choices=FAMILIES, help="only this family")
    ap.add_argument(
        "--set",
        dest="case_set",
        choices=[*SETS, "all"],
        default="all",
        help="only cases of this author set (cases without `set:` are first; default all)",
    )
    ap.add_argument("--case", action="append", help="only these case ids (repeatable)")
    ap.add_argument("--jobs", type=int, default=2, help="gate processes at once (default 2)")
    ap.add_argument("--json", dest="json_out", type=Path, help="write per-case results here")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    ap.add_argument("--cases", type=Path, default=CASES, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    gate = resolve_gate(args.gate)
    cases = load_cases(args.cases, args.family, args.case_set)
    if args.case:
        cases = [c for c in cases if c.id in set(args.case)]
    if not cases:
        print("no cases", file=sys.stderr)
        return 2
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        outcomes = list(pool.map(lambda c: score(c, gate), cases))
    if args.json_out:
        args.json_out.write_text(json.dumps([asdict(o) for o in outcomes], indent=1) + "\n")
    if args.markdown:
        print(markdown(outcomes))
    else:
        for o in outcomes:
            mark = "flagged" if o.anywhere else "ok"
            if o.family != "clean":
                mark = "LINE" if o.at_line else ("line-low" if o.at_line_any else "MISS")
            shown = " ".join(o.findings + o.inactive_hits)
            print(f"{mark:8} {o.family:14} {o.language:10} {o.id}  {shown}")
        pos = [o for o in outcomes if o.family != "clean"]
        neg = [o for o in outcomes if o.family == "clean"]
        print(
            f"caught at line (medium+): {pct(sum(o.at_line for o in pos), len(pos))}; "
            f"clean flagged: {pct(sum(o.anywhere for o in neg), len(neg))}"
        )
    return 3 if any(o.error for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
