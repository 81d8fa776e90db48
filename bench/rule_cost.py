"""What each semgrep rule costs the engine on one file (issue 19, the hook): a script, not a test.

    python bench/rule_cost.py RULES.json FILE [--language python] [--runs 3] [--rule ID ...]

RULES.json is a merged rule file as gate writes it (`.gate/cache/rules/semgrep-rules-*.json`
after one `gate run --pre-commit` in the repository; it holds only the rules for the
languages of the staged files). The engine (`semgrep-core` bundled with the installed
semgrep) runs on FILE the way gate's direct path runs it, once with every rule and once
without each rule given by --rule (default: the five slowest in the engine's own
`-profile` output). Prints the median CPU seconds (user + system of the engine process),
which the load on a shared machine inflates less than the wall time; the difference is
what leaving that rule out saves on this file.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import resource
import statistics
import subprocess
import tempfile
from pathlib import Path
from typing import Any

_PROFILED = re.compile(r"^real_rule:(\S+)\s*:\s*([\d.]+) s")


def _core() -> str:
    spec = importlib.util.find_spec("semgrep")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("semgrep is not installed in this interpreter's environment")
    return str(Path(next(iter(spec.submodule_search_locations))) / "bin" / "semgrep-core")


def _command(core: str, rules: Path, targets: Path) -> list[str]:
    return [
        core,
        "-json_nodots",
        "-rules",
        str(rules),
        "-targets",
        str(targets),
        "-timeout",
        "30",
        "-timeout_threshold",
        "3",
        "-max_memory",
        "0",
        "-fast",
        "-j",
        "1",
    ]


def _cpu(command: list[str], cwd: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=cwd, capture_output=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _slowest(core: str, rules: Path, targets: Path, cwd: Path, count: int) -> list[str]:
    command = [*_command(core, rules, targets), "-profile"]
    done = subprocess.run(command, cwd=cwd, capture_output=True, check=True, text=True)
    found = [m.groups() for m in map(_PROFILED.match, done.stderr.splitlines()) if m]
    return [rule for rule, _ in sorted(found, key=lambda x: -float(x[1]))[:count]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rules", type=Path)
    parser.add_argument("file", type=Path)
    parser.add_argument("--language", default="python", help="the engine's analyzer id")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rule", action="append", help="rule ids to leave out, one by one")
    args = parser.parse_args()
    core = _core()
    document: dict[str, Any] = json.loads(args.rules.read_text(encoding="utf-8"))
    cwd = args.file.resolve().parent
    with tempfile.TemporaryDirectory(prefix="gate-rule-cost-") as tmp:
        work = Path(tmp)
        targets = work / "targets.json"
        target = {
            "path": {"fpath": args.file.name, "ppath": "/" + args.file.name},
            "analyzer": args.language,
            "products": ["sast"],
        }
        targets.write_text(json.dumps(["Targets", [["CodeTarget", target]]]), encoding="utf-8")
        variants: dict[str, Path] = {"(all rules)": args.rules}
        for rule_id in args.rule or _slowest(core, args.rules, targets, cwd, 5):
            kept = [r for r in document["rules"] if r.get("id") != rule_id]
            path = work / f"without-{len(variants)}.json"
            path.write_text(json.dumps({**document, "rules": kept}), encoding="utf-8")
            variants[f"without {rule_id}"] = path
        cpu: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(args.runs):  # interleaved, so a load spike hits every variant
            for name, path in variants.items():
                cpu[name].append(_cpu(_command(core, path, targets), cwd))
    whole = statistics.median(cpu["(all rules)"])
    print(f"| rules on {args.file.name} | engine CPU p50 | saved |")
    print("|---|---:|---:|")
    for name, seconds in cpu.items():
        median = statistics.median(seconds)
        print(f"| {name} | {median:.2f} s | {whole - median:+.2f} s |")


if __name__ == "__main__":
    main()
