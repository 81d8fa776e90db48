"""Severity from measured confidence: a rule measured under 80% precision warns instead of
failing, through the real semgrep on a real repository; `gate explain` says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gate.commands.cli import cli
from gate.decision.confidence import below_precision, precision_line
from gate.errors import ConfigError
from gate.findings import Status
from gate.policy.config import parse_config
from gate.policy.packs import BUILTIN_PACKS, load_catalog
from gate.report import Verdict
from gate.runner import RunOptions, run_gate
from tests.conftest import PROJECT_ROOT, GitRepo

MINI_PACK = PROJECT_ROOT / "tests" / "data" / "packs" / "mini"
ONLY_SEMGREP = (
    "scanners:\n"
    "  bandit: {enabled: false}\n"
    "  heuristics: {enabled: false}\n"
    "  secrets: {enabled: false}\n"
    "cache: {enabled: false}\n"
)
CHANGE = (
    "import logging\nlog = logging.getLogger()\n\n"
    "def f(card_number):\n    log.info('%s', card_number)\n"
)


def _pack_with_precision(tmp_path: Path, precision: str) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(MINI_PACK, pack)
    rules = pack / "rules" / "mini.yml"
    text = rules.read_text(encoding="utf-8")
    measured = f"      precision: {precision}\n      measured_on: bench/precision tuning half\n"
    text = text.replace("      data_classes: [PAN]\n", "      data_classes: [PAN]\n" + measured, 1)
    rules.write_text(text, encoding="utf-8")
    return pack


def _run(tmp_path: Path, pack: Path, extra: str = "") -> object:
    repo = GitRepo(tmp_path / "repo")
    repo.write(".gate.yml", f"packs: [{pack}]\n" + ONLY_SEMGREP + extra)
    repo.write("app.py", "x = 1\n")
    repo.commit("base")
    repo.write("app.py", CHANGE)
    repo.commit("change")
    return run_gate(RunOptions(cwd=repo.path, base="HEAD~1"))


def test_rule_under_80_percent_precision_warns_instead_of_failing(tmp_path: Path) -> None:
    # the form rule_precision.py writes: a percentage string (semgrep rejects decimals)
    report = _run(tmp_path, _pack_with_precision(tmp_path, '"43%"'))
    [finding] = [f for f in report.findings if f.rule_id == "mini-card-logged"]  # type: ignore[attr-defined]
    assert finding.status is Status.ACTIVE and finding.severity.value == "critical"
    assert report.verdict is Verdict.WARN  # type: ignore[attr-defined]
    assert "measured precision is under 80%" in report.verdict_reason  # type: ignore[attr-defined]
    assert "mini-card-logged" in report.verdict_reason  # type: ignore[attr-defined]


def test_rule_at_or_above_80_percent_still_fails(tmp_path: Path) -> None:
    report = _run(tmp_path, _pack_with_precision(tmp_path, '"80%"'))
    assert report.verdict is Verdict.FAIL  # type: ignore[attr-defined]


def test_policy_can_switch_the_precision_floor_off(tmp_path: Path) -> None:
    pack = _pack_with_precision(tmp_path, "0.62")
    report = _run(tmp_path, pack, "min_precision_to_fail: 0\n")
    assert report.verdict is Verdict.FAIL  # type: ignore[attr-defined]


def test_unmeasured_rule_is_judged_by_its_severity() -> None:
    catalog = load_catalog(BUILTIN_PACKS)
    rule = catalog.rule("pci-pan-logged")
    assert rule is not None
    assert not below_precision(rule, 0.8)
    assert "not measured yet" in precision_line(rule, 0.8)


def test_explain_says_a_low_precision_rule_cannot_fail(tmp_path: Path) -> None:
    pack = _pack_with_precision(tmp_path, "0.62")
    catalog = load_catalog((str(pack),))
    rule = catalog.rule("mini-card-logged")
    assert rule is not None and rule.precision == 0.62
    line = precision_line(rule, 0.8)
    assert "62% on bench/precision tuning half" in line
    assert "cannot fail a PR" in line
    result = CliRunner().invoke(cli, ["explain", "pci-pan-logged"])
    assert result.exit_code == 0 and "measured precision:" in result.output


def test_precision_as_a_percentage_string_is_any_measured_value(tmp_path: Path) -> None:
    for written, value in (('"43%"', 0.43), ('"62.5%"', 0.625), ('"0.57"', 0.57), ("1", 1.0)):
        pack = _pack_with_precision(tmp_path / written.strip('"%.'), written)
        rule = load_catalog((str(pack),)).rule("mini-card-logged")
        assert rule is not None and rule.precision == value


def test_precision_must_be_a_fraction(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"mini\.yml:\d+: 'precision' must be a fraction"):
        load_catalog((str(_pack_with_precision(tmp_path, "62")),))
    with pytest.raises(ConfigError, match=r"mini\.yml:\d+: 'precision' must be a fraction"):
        load_catalog((str(_pack_with_precision(tmp_path / "pct", '"143%"')),))
    with pytest.raises(ConfigError, match=r"\.gate\.yml:1: min_precision_to_fail: expected"):
        parse_config("min_precision_to_fail: 2\n", ".gate.yml")
