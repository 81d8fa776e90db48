"""Every rule pack's semgrep rules against the test cases written beside them.

For each `policies/<pack>/rules/`, the rules are copied into a temp dir with the
`{{class:...}}` placeholders expanded (as gate does at run time), the test files are
copied beside them, and `semgrep --test` checks each `ruleid:` / `ok:` annotation.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from gate.policy.class_token import expand_rule as expand_placeholders
from gate.policy.packs import load_catalog

POLICIES = Path(__file__).resolve().parents[2] / "policies"
PACK_DIRS = sorted(p.parent for p in POLICIES.glob("*/rules") if p.is_dir())
RULE_SUFFIXES = (".yml", ".yaml")
MIN_CASES = 2
_ANNOTATION = re.compile(r"(?:#|//|<!--|--)\s*(ruleid|ok):\s*([\w.\-]+(?:\s*,\s*[\w.\-]+)*)")


def _semgrep() -> str:
    local = Path(sys.executable).with_name("semgrep")
    found = str(local) if local.is_file() else shutil.which("semgrep")
    if not found:
        pytest.skip("semgrep is not installed")
    return found


def _rule_files(pack_dir: Path) -> list[Path]:
    return sorted(p for p in (pack_dir / "rules").iterdir() if p.suffix in RULE_SUFFIXES)


def _test_files(rule_file: Path) -> list[Path]:
    return sorted(
        p
        for p in rule_file.parent.iterdir()
        if p.stem == rule_file.stem and p.suffix not in RULE_SUFFIXES and p.is_file()
    )


def _rule_ids(rule_file: Path) -> list[str]:
    document = yaml.safe_load(rule_file.read_text(encoding="utf-8"))
    return [str(rule["id"]) for rule in document["rules"]]


def _stage(pack_dir: Path, target: Path) -> None:
    """Expanded rules plus their test files, laid out the way semgrep --test expects."""
    target.mkdir(parents=True)
    for rule_file in _rule_files(pack_dir):
        document = yaml.safe_load(rule_file.read_text(encoding="utf-8"))
        expanded = expand_placeholders(document)
        (target / rule_file.name).write_text(
            yaml.safe_dump(expanded, sort_keys=False, width=10_000), encoding="utf-8"
        )
        for test_file in _test_files(rule_file):
            shutil.copyfile(test_file, target / test_file.name)


def _failures(report: dict[str, object]) -> list[str]:
    problems: list[str] = []
    for key in ("config_missing_tests", "config_with_errors"):
        if report.get(key):
            problems.append(f"{key}: {report[key]}")
    results = report.get("results")
    assert isinstance(results, dict), report
    for config, outcome in results.items():
        for rule_id, check in outcome["checks"].items():
            if check["passed"]:
                continue
            for path, lines in check["matches"].items():
                expected, reported = set(lines["expected_lines"]), set(lines["reported_lines"])
                if expected != reported:
                    problems.append(
                        f"{config}: {rule_id} in {Path(path).name}: "
                        f"missed lines {sorted(expected - reported)}, "
                        f"unexpected lines {sorted(reported - expected)}"
                    )
            if check.get("errors"):
                problems.append(f"{config}: {rule_id}: {check['errors']}")
    return problems


@pytest.mark.parametrize("pack_dir", PACK_DIRS, ids=[p.name for p in PACK_DIRS])
def test_rules_pass_their_semgrep_test_cases(pack_dir: Path, tmp_path: Path) -> None:
    staged = tmp_path / pack_dir.name
    _stage(pack_dir, staged)
    env = {**os.environ, "SEMGREP_SEND_METRICS": "off", "SEMGREP_ENABLE_VERSION_CHECK": "0"}
    result = subprocess.run(
        [_semgrep(), "--test", "--json", "--metrics=off", "--disable-version-check", str(staged)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"semgrep --test gave no JSON (exit {result.returncode}):\n{result.stderr}")
    problems = _failures(report)
    assert not problems, "\n".join(problems) + "\n\n" + result.stderr[-4000:]
    assert result.returncode == 0, result.stderr[-4000:]


@pytest.mark.parametrize("pack_dir", PACK_DIRS, ids=[p.name for p in PACK_DIRS])
def test_every_rule_has_two_positive_and_two_negative_cases(pack_dir: Path) -> None:
    missing: list[str] = []
    for rule_file in _rule_files(pack_dir):
        counts: Counter[tuple[str, str]] = Counter()
        tests = _test_files(rule_file)
        if not tests:
            missing.append(f"{rule_file.name}: no test file beside it")
        for test_file in tests:
            for kind, ids in _ANNOTATION.findall(test_file.read_text(encoding="utf-8")):
                for rule_id in (i.strip() for i in ids.split(",")):
                    counts[(rule_id, kind)] += 1
        for rule_id in _rule_ids(rule_file):
            for kind in ("ruleid", "ok"):
                if counts[(rule_id, kind)] < MIN_CASES:
                    missing.append(
                        f"{rule_file.name}: {rule_id} has {counts[(rule_id, kind)]} "
                        f"'{kind}:' cases, needs {MIN_CASES}"
                    )
    assert not missing, "\n".join(missing)


def test_compliance_packs_load_with_required_metadata() -> None:
    catalog = load_catalog(["pci-dss", "soc2"])
    assert {p.id for p in catalog.packs} == {"pci-dss", "soc2"}
    assert {p.framework_id for p in catalog.packs} == {"pci-dss-4.0", "soc2"}
    incomplete = [
        rule.id
        for rule in catalog.rules.values()
        if not (rule.cwe and rule.remediation and rule.controls and rule.data_classes is not None)
    ]
    assert not incomplete, f"rules missing cwe, remediation or controls: {incomplete}"
    prefixes = {"pci-dss": "pci-", "soc2": "soc2-"}
    for rule in catalog.rules.values():
        assert rule.id.startswith(prefixes[rule.pack]), rule.id
    for pack in catalog.packs:
        declared = {control for control, _ in pack.controls}
        for rule_id in pack.rule_ids:
            own = [
                c.split(":", 1)[1]
                for c in catalog.rules[rule_id].controls
                if c.startswith(f"{pack.framework_id}:")
            ]
            assert own, f"{rule_id} names no {pack.framework_id} control"
            assert set(own) <= declared, f"{rule_id}: {set(own) - declared} not in pack.yml"


def test_expanded_rules_contain_no_placeholders() -> None:
    catalog = load_catalog(["pci-dss", "soc2"])
    text = catalog.semgrep_config_text()
    assert "{{class:" not in text
    assert len(catalog.semgrep_rules) == len(catalog.rules)
