"""`gate policies list`, `gate explain`, pack validation, and what the wheel ships."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from gate.commands.cli import cli
from gate.errors import ConfigError
from gate.findings import Category
from gate.policy.packs import BUILTIN_PACKS, load_catalog
from tests.conftest import PROJECT_ROOT


def test_policies_list_shows_every_pack_in_four_languages(tmp_path: Path) -> None:
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=tmp_path):
        result = runner.invoke(cli, ["policies", "list"])
    assert result.exit_code == 0, result.output
    for pack in BUILTIN_PACKS:
        assert f"\n{pack} " in "\n" + result.output
    for language in ("python", "javascript", "typescript", "java", "go"):
        assert language in result.output
    assert "pci-pan-logged" in result.output


def test_explain_names_controls_cwe_and_fix() -> None:
    result = CliRunner().invoke(cli, ["explain", "pci-pan-logged"])
    assert result.exit_code == 0
    assert "pci-dss-4.0:3.5.1" in result.output
    assert "CWE-532" in result.output
    assert "Fix:" in result.output


def test_explain_unknown_rule_suggests_the_closest() -> None:
    from gate.errors import UsageError

    result = CliRunner().invoke(cli, ["explain", "pci-pan-loged"])
    assert isinstance(result.exception, UsageError)
    assert "did you mean 'pci-pan-logged'" in str(result.exception)


def test_every_builtin_rule_says_what_why_and_how_to_fix() -> None:
    catalog = load_catalog(BUILTIN_PACKS)
    assert len(catalog.rules) > 100
    for rule in catalog.rules.values():
        assert rule.message and rule.remediation, rule.id
        if rule.category is not Category.GATE:  # gate's notes about its own coverage
            assert rule.cwe, rule.id


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        (
            "id: x\ntitle: t\nversion: 1\ndescription: d\nframwork: PCI\n",
            "pack.yml:5: unknown key 'framwork' (did you mean 'framework'?)",
        ),
        ("id: x\ntitle: t\nversion: 1\n", "pack.yml:1: missing required key 'description'"),
    ],
)
def test_malformed_pack_is_one_line_naming_the_file(
    tmp_path: Path, manifest: str, expected: str
) -> None:
    (tmp_path / "pack.yml").write_text(manifest)
    with pytest.raises(ConfigError) as caught:
        load_catalog([str(tmp_path)])
    assert str(caught.value).endswith(expected)
    assert str(tmp_path) in str(caught.value) and "\n" not in str(caught.value)


def test_rule_without_remediation_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "pack.yml").write_text("id: x\ntitle: t\nversion: 1\ndescription: d\n")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "r.yml").write_text(
        "rules:\n  - id: r1\n    languages: [python]\n    message: m\n    pattern: f()\n"
        "    metadata:\n      severity: high\n      confidence: high\n      cwe: [CWE-1]\n"
    )
    with pytest.raises(ConfigError, match=r"r\.yml:7: rule 'r1' metadata is missing 'remediation'"):
        load_catalog([str(tmp_path)])


@pytest.mark.slow
def test_wheel_ships_policies_templates_and_schema(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), "."],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next(tmp_path.glob("prereview_gate-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for pack in BUILTIN_PACKS:
        assert f"gate/_policies/{pack}/pack.yml" in names
    assert "gate/_policies/bandit.yml" in names
    assert any(n.startswith("gate/reporters/templates/") for n in names)
    assert "gate/reporters/schema/report.schema.json" in names
    assert "gate/reporters/sarif.py" in names
    # Nothing outside the gate namespace: no generic top-level `reporters` (or tests) module.
    top_level = {n.split("/", 1)[0] for n in names if not n.startswith("prereview_gate-")}
    assert top_level == {"gate"}, top_level
