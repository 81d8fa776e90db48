"""Each rule's recorded `precision:` is the number bench/precision/rule_precision.yaml holds
for it (generated from a re-run of the benchmark and the hand labels), so the numbers in
the rules cannot drift from the evidence; a rule with no findings there has no number."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from gate.commands.catalog import list_policies
from gate.policy.packs import BUILTIN_PACKS, load_catalog, policies_root
from tests.conftest import PROJECT_ROOT

DATA = PROJECT_ROOT / "bench" / "precision" / "rule_precision.yaml"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "rule_precision", PROJECT_ROOT / "bench" / "precision" / "rule_precision.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _measured() -> tuple[dict[str, dict[str, object]], str]:
    document = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return {e["rule"]: e for e in document["rules"]}, str(document["date"])


def test_every_rule_precision_matches_the_measurement_file() -> None:
    measured, date = _measured()
    catalog = load_catalog(BUILTIN_PACKS)
    for rule in catalog.rules.values():
        entry = measured.get(rule.id)
        expected = None if entry is None else entry["precision"]
        assert rule.precision == expected, rule.id
        if entry is not None and expected is not None:
            assert rule.measured_on == _script().measured_on(entry, date)


def test_measurement_file_names_only_rules_that_exist() -> None:
    measured, _ = _measured()
    catalog = load_catalog(BUILTIN_PACKS)
    assert measured, "rule_precision.yaml holds no rules"
    assert set(measured) <= set(catalog.rules)
    for entry in measured.values():
        tp, fp = int(entry["true"]), int(entry["false"])  # type: ignore[call-overload]
        if tp + fp:
            assert entry["precision"] == round(tp / (tp + fp), 2)


def test_policies_list_shows_the_number_and_warns_only_under_the_floor() -> None:
    measured, _ = _measured()
    text = list_policies(Path("/"))
    low = [r for r, e in measured.items() if e["precision"] is not None and e["precision"] < 0.8]  # type: ignore[operator]
    for rule in low:
        [line] = [row for row in text.splitlines() if row.split()[:1] == [rule]]
        assert "warns only" in line and "%" in line


def test_writing_numbers_sets_measured_rules_and_clears_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _script()
    copy = tmp_path / "policies"
    shutil.copytree(policies_root(), copy)
    monkeypatch.setattr(script, "POLICIES", copy)
    monkeypatch.setattr(script, "ROOT", tmp_path)
    numbers = {
        "eh-go-error-discarded": (0.5, "2 findings on 1 real commits, 2026-12-01"),
        "pci-pan-literal": (0.0, "3 findings on 2 real commits, 2026-12-01"),
    }
    script.write_rules(numbers)
    catalog = load_catalog([str(copy / p) for p in BUILTIN_PACKS])
    for rule in catalog.rules.values():
        if rule.id in numbers:
            assert (rule.precision, rule.measured_on) == numbers[rule.id]
        else:
            assert rule.precision is None, rule.id
    script.write_rules({})
    cleared = load_catalog([str(copy / p) for p in BUILTIN_PACKS])
    assert all(r.precision is None for r in cleared.rules.values())
