"""Run gate on the public SecurityEval and LLMSecEval Python samples (issue 14, item 4).

Each sample becomes a new file `app.py` in a fresh two-commit git repo (a README on
main, the sample added on a branch), scanned with `gate run --base main --json`.

* SecurityEval (s2e-lab/SecurityEval, `dataset.jsonl`: `ID` such as `CWE-089_author_1.py`
  and `Insecure_code`): % of insecure samples with any active finding, with an active
  medium+ finding, and with an active finding whose `cwe` list holds the labelled CWE or
  one of its descendants in MITRE's Research View (CWE-1000 `ChildOf`, `MITRE_PARENTS`
  below: a finding of CWE-95 eval injection is the labelled CWE-94 code injection, stated
  more precisely); the exact-CWE figure is printed beside it.
* LLMSecEval (tuhh-softsec/LLMSecEval, `Dataset/Secure Code Samples/**/*.py`: the
  authors' secure reference programs): % with an active medium+ finding (false positives).

Point it at unpacked copies (`git archive HEAD | tar -x -C DIR`); nothing is committed:

    python bench/generalization/public_sets.py --gate .venv/bin/gate \
        --securityeval /tmp/SecurityEval --llmseceval /tmp/LLMSecEval --markdown
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from gaterun import brief, build_repo, resolve_gate, run_gate, sev_rank

SAMPLE = "app.py"
CWE_RE = re.compile(r"CWE-0*(\d+)", re.IGNORECASE)


# CWE-1000 (Research View) ChildOf edges between CWEs gate's rules report and CWEs the
# sets label, child -> parents, from https://cwe.mitre.org/data/definitions/<id>.html.
# A finding counts for a label when its CWE is the label or a descendant of it; never the
# other way (a general finding does not prove the specific weakness).
MITRE_PARENTS: dict[int, tuple[int, ...]] = {
    95: (94,),  # Eval Injection -> Code Injection
    1336: (94,),  # Template Engine Special Elements -> Code Injection
    1333: (407,),  # Inefficient Regular Expression Complexity -> Algorithmic Complexity
    407: (405,),  # Inefficient Algorithmic Complexity -> Asymmetric Resource Consumption
    405: (400,),  # Asymmetric Resource Consumption -> Uncontrolled Resource Consumption
    89: (943,),  # SQL Injection -> Data Query Logic
    90: (943,),  # LDAP Injection -> Data Query Logic
    643: (943,),  # XPath Injection -> Data Query Logic
    78: (77,),  # OS Command Injection -> Command Injection
    259: (798,),  # Hard-coded Password -> Hard-coded Credentials
    321: (798,),  # Hard-coded Cryptographic Key -> Hard-coded Credentials
    338: (330,),  # Weak PRNG -> Insufficiently Random Values
    759: (916,),  # One-Way Hash without a Salt -> Password Hash, Insufficient Effort
    760: (916,),  # One-Way Hash with a Predictable Salt -> Password Hash, Insufficient Effort
    80: (79,),  # Basic XSS -> XSS
    117: (116,),  # Log Neutralization -> Output Encoding or Escaping
}


def ancestors(cwe: int) -> set[int]:
    seen: set[int] = set()
    todo = list(MITRE_PARENTS.get(cwe, ()))
    while todo:
        parent = todo.pop()
        if parent not in seen:
            seen.add(parent)
            todo.extend(MITRE_PARENTS.get(parent, ()))
    return seen


def reports(label: int, cwes: set[int]) -> bool:
    """A finding CWE is the labelled weakness or a more specific form of it."""
    return any(c == label or label in ancestors(c) for c in cwes)


@dataclass
class Sample:
    dataset: str
    id: str
    cwe: int
    code: str


@dataclass
class Result:
    dataset: str
    id: str
    cwe: int
    any_finding: bool = False
    medium: bool = False
    cwe_match: bool = False  # the labelled CWE or a MITRE descendant (MITRE_PARENTS)
    exact_cwe_match: bool = False
    medium_cwe_match: bool = False  # a medium+ finding with the sample's CWE
    medium_categories: list[str] = field(default_factory=list)
    error: str = ""
    findings: list[str] = field(default_factory=list)


def cwe_of(name: str) -> int:
    m = CWE_RE.search(name)
    return int(m.group(1)) if m else 0


def securityeval(root: Path) -> list[Sample]:
    lines = (root / "dataset.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return [Sample("SecurityEval", r["ID"], cwe_of(r["ID"]), r["Insecure_code"]) for r in rows]


def llmseceval(root: Path) -> list[Sample]:
    base = root / "Dataset" / "Secure Code Samples"
    return [
        Sample("LLMSecEval", p.stem, cwe_of(p.stem), p.read_text(encoding="utf-8"))
        for p in sorted(base.rglob("*.py"))
    ]


def scan(sample: Sample, gate: str) -> Result:
    with tempfile.TemporaryDirectory(prefix="gen-public-") as tmp:
        work = Path(tmp)
        readme = {"README.md": b"# samples\n"}
        after = {**readme, SAMPLE: sample.code.encode("utf-8")}
        build_repo(work / "repo", readme, after)
        res = run_gate(gate, work / "repo", work)
    own = [f for f in res.active if f.get("path") == SAMPLE]
    medium = [f for f in own if sev_rank(str(f.get("severity"))) >= sev_rank("medium")]
    cwes = {cwe_of(str(c)) for f in own for c in f.get("cwe") or []}
    medium_cwes = {cwe_of(str(c)) for f in medium for c in f.get("cwe") or []}
    return Result(
        sample.dataset,
        sample.id,
        sample.cwe,
        any_finding=bool(own),
        medium=bool(medium),
        cwe_match=reports(sample.cwe, cwes),
        exact_cwe_match=sample.cwe in cwes,
        medium_cwe_match=reports(sample.cwe, medium_cwes),
        medium_categories=sorted({str(f.get("category")) for f in medium}),
        error=res.error,
        findings=[brief(f) for f in own],
    )


def pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.0f}%)" if d else "-"


def report(results: list[Result]) -> str:
    se = [r for r in results if r.dataset == "SecurityEval"]
    ll = [r for r in results if r.dataset == "LLMSecEval"]
    out = [
        "| set | samples | any active finding | medium+ finding | labelled CWE found"
        " | labelled CWE, exact |"
    ]
    out.append("|---|---|---|---|---|---|")
    if se:
        out.append(
            f"| SecurityEval insecure | {len(se)} | {pct(sum(r.any_finding for r in se), len(se))}"
            f" | {pct(sum(r.medium for r in se), len(se))}"
            f" | {pct(sum(r.cwe_match for r in se), len(se))}"
            f" | {pct(sum(r.exact_cwe_match for r in se), len(se))} |"
        )
    if ll:
        out.append(
            f"| LLMSecEval secure (FP) | {len(ll)} | {pct(sum(r.any_finding for r in ll), len(ll))}"
            f" | {pct(sum(r.medium for r in ll), len(ll))} | - | - |"
        )
    if ll:
        cats = sorted({c for r in ll for c in r.medium_categories})
        out.append("\nLLMSecEval secure, medium+ by finding category:")
        out += [f"- {c}: {pct(sum(c in r.medium_categories for r in ll), len(ll))}" for c in cats]
        own_cwe = sum(r.medium_cwe_match for r in ll)
        out.append(f"- with the sample's own CWE (the one it avoids): {pct(own_cwe, len(ll))}")
    if se:
        missed = sorted(r.id for r in se if not r.any_finding)
        out.append(f"\nSecurityEval samples with no finding ({len(missed)}): {', '.join(missed)}")
        wrong = sorted(r.id for r in se if r.any_finding and not r.cwe_match)
        out.append(f"\nSecurityEval found, not the labelled CWE ({len(wrong)}): {', '.join(wrong)}")
    if ll:
        rules = Counter(
            f.split("@")[0]
            for r in ll
            for f in r.findings
            if sev_rank(f.rsplit("(", 1)[-1].rstrip(")")) >= sev_rank("medium")
        )
        flagged = sorted(r.id for r in ll if r.medium)
        out.append(f"\nLLMSecEval secure flagged medium+ ({len(flagged)}): {', '.join(flagged)}")
        out.append("Rules behind them: " + ", ".join(f"{k} x{v}" for k, v in rules.most_common()))
    errors = [r for r in results if r.error]
    if errors:
        listed = "; ".join(f"{r.id}: {r.error}" for r in errors)
        out.append(f"\nGate errors ({len(errors)}): {listed}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gate", default="gate", help="gate executable (default: gate on PATH)")
    ap.add_argument("--securityeval", type=Path, help="unpacked s2e-lab/SecurityEval")
    ap.add_argument("--llmseceval", type=Path, help="unpacked tuhh-softsec/LLMSecEval")
    ap.add_argument("--jobs", type=int, default=2, help="gate processes at once (default 2)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N samples of each set")
    ap.add_argument("--json", dest="json_out", type=Path, help="write per-sample results here")
    ap.add_argument("--markdown", action="store_true", help="print the Markdown summary")
    args = ap.parse_args(argv)
    if not (args.securityeval or args.llmseceval):
        ap.error("give --securityeval and/or --llmseceval")
    gate = resolve_gate(args.gate)
    samples: list[Sample] = []
    for root, loader in ((args.securityeval, securityeval), (args.llmseceval, llmseceval)):
        if root:
            found = loader(root)
            samples += found[: args.limit] if args.limit else found
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda s: scan(s, gate), samples))
    if args.json_out:
        args.json_out.write_text(json.dumps([asdict(r) for r in results], indent=1) + "\n")
    if args.markdown:
        print(report(results))
    else:
        for r in results:
            mark = ("CWE" if r.cwe_match else "found") if r.any_finding else "none"
            print(f"{r.dataset:12} {mark:5} {r.id:28} {' '.join(r.findings)}")
        print(report(results).split("\n\n")[0])
    return 3 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
