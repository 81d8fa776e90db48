"""Only the semgrep rules the engine would run on the files at hand (gate.scanning.rule_subset)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.change.model import ChangedFile, ChangeKind
from gate.policy.config import BUILTIN_PACKS
from gate.policy.packs import Catalog, load_catalog
from gate.scanning.base import ScanTarget
from gate.scanning.rule_subset import rules_for_targets
from gate.scanning.rule_words import rule_formula
from gate.scanning.semgrep import semgrep_executable
from gate.scanning.semgrep_core import find_engine

pytestmark = pytest.mark.skipif(
    find_engine(semgrep_executable()) is None, reason="no direct semgrep engine installed"
)


def _targets(root: Path, files: dict[str, str]) -> list[ScanTarget]:
    from gate.scanning.languages import detect_language

    targets = []
    for name, text in files.items():
        (root / name).write_text(text)
        targets.append(
            ScanTarget(
                file=ChangedFile(path=name, kind=ChangeKind.MODIFIED),
                language=detect_language(name, text.encode()[:256]),
            )
        )
    return targets


def _languages(catalog: Catalog) -> set[str]:
    return {str(lang) for rule in catalog.semgrep_rules for lang in rule["languages"]}


def test_a_python_file_gets_the_python_and_multi_language_rules_only(tmp_path: Path) -> None:
    catalog = load_catalog(BUILTIN_PACKS)
    subset = rules_for_targets(catalog, _targets(tmp_path, {"app.py": "x = 1\n"}), tmp_path)
    assert subset.digest == catalog.digest  # same results, same cache keys
    assert 0 < len(subset.semgrep_rules) < len(catalog.semgrep_rules)
    assert all(
        {"python", "generic", "regex"} & {str(x) for x in rule["languages"]}
        for rule in subset.semgrep_rules
    )
    python_rules = [r for r in catalog.semgrep_rules if "python" in r["languages"]]
    wordless = [r for r in python_rules if rule_formula(r) == ()]
    assert wordless and all(rule in subset.semgrep_rules for rule in wordless)


def test_rules_whose_words_the_file_lacks_are_left_out_and_kept_once_it_has_them(
    tmp_path: Path,
) -> None:
    catalog = load_catalog(BUILTIN_PACKS)
    plain = rules_for_targets(catalog, _targets(tmp_path, {"app.py": "x = 1\n"}), tmp_path)
    call = "import subprocess\n\ndef f(cmd):\n    subprocess.run(cmd, shell=True)\n"
    with_call = rules_for_targets(catalog, _targets(tmp_path, {"app.py": call}), tmp_path)

    def ids(catalog: Catalog) -> set[str]:
        return {str(r["id"]) for r in catalog.semgrep_rules}

    # The command-injection rule needs a subprocess call: absent from `x = 1`.
    assert "sec-command-injection" in ids(with_call) - ids(plain)
    assert ids(plain) < ids(with_call)


def test_files_of_two_languages_keep_both_languages_rules(tmp_path: Path) -> None:
    catalog = load_catalog(BUILTIN_PACKS)
    targets = _targets(tmp_path, {"app.py": "x = 1\n", "web.ts": "export const x = 1;\n"})
    subset = rules_for_targets(catalog, targets, tmp_path)
    assert {"python", "typescript"} <= _languages(subset)
    wanted = {"python", "typescript", "generic", "regex"}
    assert all(wanted & {str(x) for x in rule["languages"]} for rule in subset.semgrep_rules)
    java_only = [r for r in catalog.semgrep_rules if list(r["languages"]) == ["java"]]
    assert java_only and not any(rule in subset.semgrep_rules for rule in java_only)


def test_a_script_known_by_its_shebang_keeps_its_languages_rules(tmp_path: Path) -> None:
    catalog = load_catalog(BUILTIN_PACKS)
    targets = _targets(tmp_path, {"deploy": "#!/usr/bin/env python3\nimport os\n"})
    (tmp_path / "deploy").chmod(0o755)
    subset = rules_for_targets(catalog, targets, tmp_path)
    assert "python" in _languages(subset)


def test_a_markdown_file_keeps_only_the_multi_language_rules(tmp_path: Path) -> None:
    catalog = load_catalog(BUILTIN_PACKS)
    subset = rules_for_targets(catalog, _targets(tmp_path, {"README.md": "# hi\n"}), tmp_path)
    assert _languages(subset) <= {"generic", "regex"}
