"""A pack's digest covers its rule files only, so the same gate version gives the same
digests on every install (the audit record can be reproduced, caches stay warm).

Two real installs (`pip install --target`, each from its own copy of the source, so each
builds its own wheel): pip compiles the rule packs' Python sample files into
`__pycache__/*.pyc` inside the installed packs, which the old digest hashed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gate.policy.packs import BUILTIN_PACKS, _digest_dir, pack_files
from tests.conftest import PROJECT_ROOT

_SOURCE = ("pyproject.toml", "MANIFEST.in", "README.md", "gate", "reporters", "policies")


def _install(tmp_path: Path, name: str) -> Path:
    source = tmp_path / f"src-{name}"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "build", "*.egg-info")
    for item in _SOURCE:
        path = PROJECT_ROOT / item
        if path.is_dir():
            shutil.copytree(path, source / item, ignore=ignore)
        else:
            shutil.copy2(path, source / item)
    target = tmp_path / f"install-{name}"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
         str(source)],  # fmt: skip
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode != 0:
        pytest.skip(f"pip could not build gate here: {result.stderr.strip().splitlines()[-1:]}")
    return target / "gate" / "_policies"


def _digests(root: Path) -> dict[str, str]:
    return {pack: _digest_dir(root / pack) for pack in BUILTIN_PACKS}


@pytest.mark.slow
def test_two_installs_give_the_source_trees_digests(tmp_path: Path) -> None:
    first, second = _install(tmp_path, "a"), _install(tmp_path, "b")
    compiled = list(first.rglob("*.pyc"))
    assert compiled, "pip compiled no sample file: the test no longer shows the problem"
    source = _digests(PROJECT_ROOT / "policies")
    assert _digests(first) == source
    assert _digests(second) == source


def test_digest_ignores_samples_and_caches_but_not_rule_files(tmp_path: Path) -> None:
    pack = tmp_path / "soc2"
    shutil.copytree(PROJECT_ROOT / "policies" / "soc2", pack)
    before = _digest_dir(pack)
    cache = pack / "rules" / "__pycache__"
    cache.mkdir()
    (cache / "privilege.cpython-311.pyc").write_bytes(b"\x00compiled")
    (pack / "rules" / "new-sample.py").write_text("print(1)\n")
    assert _digest_dir(pack) == before
    assert {p.name for p in pack_files(pack)} >= {"pack.yml"}
    rule = next(p for p in pack_files(pack) if p.parent.name == "rules")
    rule.write_text(rule.read_text() + "\n# changed\n")
    assert _digest_dir(pack) != before
