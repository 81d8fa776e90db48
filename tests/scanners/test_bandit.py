"""BanditScanner: the real bandit subprocess, mapping through policies/bandit.yml, failures."""

from __future__ import annotations

import os
import re
import sys
import textwrap
import time
import warnings
from dataclasses import replace
from pathlib import Path

import pytest

from gate.change.model import ChangedFile, ChangeKind
from gate.policy.packs import Catalog, load_catalog
from gate.scanning.bandit import BanditScanner
from gate.scanning.base import ScanOutcome, ScanRequest, ScanTarget

_CATALOG: list[Catalog] = []


def catalog() -> Catalog:
    if not _CATALOG:
        _CATALOG.append(load_catalog(["security", "pci-dss", "soc2", "secrets"]))
    return _CATALOG[0]


def request(root: Path, files: dict[str, str], *, timeout: float = 120.0) -> ScanRequest:
    targets = []
    for path, text in files.items():
        full = root / path
        full.parent.mkdir(parents=True, exist_ok=True)
        full.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        targets.append(
            ScanTarget(file=ChangedFile(path=path, kind=ChangeKind.WHOLE), language="python")
        )
    return ScanRequest(root=root, targets=tuple(targets), catalog=catalog(), timeout=timeout)


def hits(outcome: ScanOutcome) -> set[tuple[str, str, int]]:
    return {(f.rule_id, f.source_rule_ids[0], f.start_line) for f in outcome.findings}


def fake_bandit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """A fake `bandit` first on PATH, and no bandit beside the interpreter."""
    bin_dir = tmp_path / "fakebin"
    bin_dir.mkdir()
    executable = bin_dir / "bandit"
    executable.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    executable.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-venv" / "python"))
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")


def test_hardcoded_password_maps_to_gate_rule_and_is_redacted(tmp_path: Path) -> None:
    outcome = BanditScanner().scan(
        request(tmp_path, {"app/settings.py": 'DEBUG = False\npassword = "hunter2hunter2"\n'})
    )
    assert outcome.ok, outcome.error
    finding = next(f for f in outcome.findings if f.source_rule_ids == ("B105",))
    assert (finding.rule_id, finding.start_line, finding.path) == (
        "sec-hardcoded-password",
        2,
        "app/settings.py",
    )
    assert finding.sources == ("bandit",)
    assert "CWE-259" in finding.cwe
    assert "pci-dss-4.0:8.6.2" in finding.controls and "soc2:CC6.1" in finding.controls
    assert finding.remediation and finding.title == "Hard-coded password"
    assert "hunter2hunter2" not in finding.snippet + finding.message
    assert finding.snippet.startswith("password = ")
    assert outcome.files == ("app/settings.py",)


def test_nosec_comment_is_not_honoured(tmp_path: Path) -> None:
    outcome = BanditScanner().scan(
        request(
            tmp_path,
            {
                "app/cache.py": """
                import pickle


                def load(blob):
                    return pickle.loads(blob)  # nosec
                """
            },
        )
    )
    assert outcome.ok, outcome.error
    assert ("sec-unsafe-deserialization", "B301", 5) in hits(outcome)


def test_b608_reuses_the_semgrep_rule_id_and_cwe(tmp_path: Path) -> None:
    outcome = BanditScanner().scan(
        request(
            tmp_path,
            {
                "app/db.py": """
                def find(cur, name):
                    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)
                """
            },
        )
    )
    finding = next(f for f in outcome.findings if f.source_rule_ids == ("B608",))
    semgrep_rule = catalog().rule("sec-sql-injection")
    assert semgrep_rule is not None
    assert finding.rule_id == semgrep_rule.id and finding.start_line == 2
    assert set(semgrep_rule.cwe) <= set(finding.cwe)
    assert finding.category.value == "security" and finding.pack == "security"


def test_repository_bandit_config_is_not_read(tmp_path: Path) -> None:
    (tmp_path / ".bandit").write_text("[bandit]\nskips: B105,B301\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.bandit]\nskips = ["B105", "B301"]\n', encoding="utf-8"
    )
    outcome = BanditScanner().scan(request(tmp_path, {"app/x.py": 'password = "s3cr3t-value"\n'}))
    assert ("sec-hardcoded-password", "B105", 1) in hits(outcome)


def test_unparsable_file_is_listed_as_not_analysed(tmp_path: Path) -> None:
    outcome = BanditScanner().scan(
        request(
            tmp_path,
            {"app/broken.py": "def f(:\n    pass\n", "app/fine.py": "import pickle\n"},
        )
    )
    assert outcome.ok, outcome.error
    assert outcome.files == ("app/fine.py",)
    reasons = dict(outcome.unanalysed)
    assert "syntax error" in reasons["app/broken.py"]
    assert ("sec-unsafe-deserialization-import", "B403", 1) in hits(outcome)


def test_unmapped_test_id_keeps_bandit_metadata_but_redacts_text(tmp_path: Path) -> None:
    scanner = BanditScanner()
    req = request(tmp_path, {"app/x.py": 'password = "hunter2hunter2"\n'})
    outcome = scanner.scan(replace(req, catalog=replace(catalog(), bandit_map={})))
    finding = next(f for f in outcome.findings if f.source_rule_ids == ("B105",))
    assert finding.rule_id == "bandit-B105" and finding.start_line == 1
    assert finding.cwe == ("CWE-259",)
    assert "hunter2hunter2" not in finding.message + finding.snippet


def test_version_is_bandits_own() -> None:
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?", BanditScanner().version())


def test_crashing_bandit_on_path_is_an_error_not_a_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_bandit(tmp_path, monkeypatch, "echo 'Traceback: boom' >&2\nexit 2\n")
    outcome = BanditScanner().scan(request(tmp_path, {"app/x.py": "x = 1\n"}))
    assert not outcome.ok
    assert "exit 2" in outcome.error and "boom" in outcome.error
    assert "\n" not in outcome.error
    assert outcome.findings == () and outcome.files == ()


def test_unreadable_json_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_bandit(tmp_path, monkeypatch, "echo 'not json'\nexit 0\n")
    outcome = BanditScanner().scan(request(tmp_path, {"app/x.py": "x = 1\n"}))
    assert "no readable JSON" in outcome.error


def test_hanging_bandit_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = 'case "$1" in --version) echo "bandit 9.9";; *) sleep 30;; esac\n'
    fake_bandit(tmp_path, monkeypatch, script)
    started = time.monotonic()
    outcome = BanditScanner().scan(request(tmp_path, {"app/x.py": "x = 1\n"}, timeout=1))
    assert "timed out after 1s" in outcome.error
    assert time.monotonic() - started < 10


def test_missing_bandit_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-venv" / "python"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    outcome = BanditScanner().scan(request(tmp_path, {"app/x.py": "x = 1\n"}))
    assert "not installed" in outcome.error
    assert BanditScanner().version() == "missing"


def test_bandit_beside_the_interpreter_wins_over_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_python = sys.executable
    fake_bandit(tmp_path, monkeypatch, "exit 2\n")
    monkeypatch.setattr(sys, "executable", real_python)
    outcome = BanditScanner().scan(request(tmp_path, {"app/x.py": 'password = "s3cr3t-value"\n'}))
    assert outcome.ok, outcome.error
    assert ("sec-hardcoded-password", "B105", 1) in hits(outcome)


def test_every_bandit_check_is_mapped() -> None:
    with warnings.catch_warnings():  # stevedore deprecation noise on import
        warnings.simplefilter("ignore")
        from bandit.core import extension_loader  # type: ignore[import-untyped]

        manager = extension_loader.MANAGER
    ids = set(manager.plugins_by_id) | set(manager.blacklist_by_id)
    assert ids - set(catalog().bandit_map) == set()
    for test_id, entry in catalog().bandit_map.items():
        for key in ("rule_id", "title", "message", "severity", "confidence", "cwe", "remediation"):
            assert entry.get(key), f"{test_id} lacks {key}"


def test_scanner_subprocesses_get_no_ci_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    from gate.scanning.base import scanner_env
    from gate.scanning.semgrep import offline_env

    monkeypatch.setenv("GITHUB_TOKEN", "ghs_" + "x" * 36)
    monkeypatch.setenv("GATE_GITLAB_TOKEN", "glpat-" + "y" * 20)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "z" * 40)
    for env in (scanner_env(), offline_env()):
        assert not {"GITHUB_TOKEN", "GATE_GITLAB_TOKEN", "AWS_SECRET_ACCESS_KEY"} & set(env)
        assert env["PATH"] == os.environ["PATH"]
