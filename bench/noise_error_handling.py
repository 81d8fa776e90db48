"""Noise self-check for the error-handling heuristics on well-maintained code.

Runs gate's Python analyzer over installed packages (default: requests, click, rich,
jinja2) treating every line as added, and prints findings per 1,000 lines and the
top rules. With --show, prints every hit so false positives can be inspected.

    python bench/noise_error_handling.py [--site-packages DIR] [--show] [PACKAGE ...]
"""

from __future__ import annotations

import argparse
import collections
import sys
import sysconfig
from pathlib import Path

from gate.change.model import ChangedFile, ChangeKind
from gate.policy.packs import load_catalog
from gate.scanning.base import ScanRequest, ScanTarget
from gate.scanning.heuristics import HeuristicsScanner

DEFAULT_PACKAGES = ("requests", "click", "rich", "jinja2")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="*", default=list(DEFAULT_PACKAGES))
    parser.add_argument(
        "--site-packages", type=Path, default=Path(sysconfig.get_paths()["purelib"])
    )
    parser.add_argument("--show", action="store_true", help="print every finding")
    parser.add_argument("--rule", help="with --show, only this rule id")
    args = parser.parse_args(argv)

    catalog = load_catalog(["error-handling"])
    scanner = HeuristicsScanner()
    root: Path = args.site_packages
    total_lines = 0
    per_rule: collections.Counter[str] = collections.Counter()
    per_package: dict[str, tuple[int, int]] = {}
    for package in args.packages:
        files = sorted((root / package).rglob("*.py"))
        if not files:
            print(f"{package}: not installed under {root}", file=sys.stderr)
            return 2
        targets = tuple(
            ScanTarget(
                file=ChangedFile(path=f.relative_to(root).as_posix(), kind=ChangeKind.WHOLE),
                language="python",
            )
            for f in files
        )
        lines = sum(len(f.read_bytes().splitlines()) for f in files)
        outcome = scanner.scan(
            ScanRequest(root=root, targets=targets, catalog=catalog, timeout=600.0)
        )
        if outcome.error:
            print(f"{package}: {outcome.error}", file=sys.stderr)
            return 3
        total_lines += lines
        per_package[package] = (lines, len(outcome.findings))
        for finding in outcome.findings:
            per_rule[finding.rule_id] += 1
            if args.show and (not args.rule or finding.rule_id == args.rule):
                print(f"{finding.path}:{finding.start_line}: {finding.rule_id}: {finding.snippet}")

    total = sum(per_rule.values())
    for package, (lines, count) in per_package.items():
        print(
            f"{package:>10}: {lines:7d} lines {count:4d} findings {1000 * count / lines:6.2f}/kloc"
        )
    print(
        f"{'total':>10}: {total_lines:7d} lines {total:4d} findings "
        f"{1000 * total / max(total_lines, 1):6.2f}/kloc"
    )
    for rule, count in per_rule.most_common(10):
        print(f"  {count:4d}  {rule}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
