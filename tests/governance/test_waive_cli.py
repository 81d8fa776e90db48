"""`gate waive` writes a valid entry from a saved result; `gate waivers list` shows status."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from gate.policy.waivers import parse_waivers
from tests.governance.conftest import Payments


def gate(payments: Payments, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    return subprocess.run(
        [sys.executable, "-m", "gate", *args],
        cwd=payments.repo.path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )


def _result(payments: Payments) -> str:
    payments.head()
    run = gate(payments, "run", "--base", "main", "--json", "gate-result.json", "-q")
    assert run.returncode == 1, run.stderr
    data = json.loads((payments.repo.path / "gate-result.json").read_text())
    return str(data["findings"][0]["fingerprint"])


def test_waive_writes_an_entry_that_then_waives_the_finding_locally(payments: Payments) -> None:
    fingerprint = _result(payments)
    result = gate(
        payments,
        "waive",
        fingerprint,
        "--reason",
        "test key, rotated in PAY-7 already",
        "--expires",
        "2026-03-20",
        "--ticket",
        "PAY-7",
        "--approved-by",
        "bob",
        "--owner",
        "alice",
        "--today",
        "2026-03-01",
    )
    assert result.returncode == 0, result.stderr
    assert "counts in CI once bob approves the PR" in result.stdout
    text = (payments.repo.path / ".gate/waivers.yml").read_text()
    (waiver,) = parse_waivers(text, "w").waivers
    assert (waiver.id, waiver.fingerprint, waiver.created) == (
        "W-2026-03-01-1",
        fingerprint,
        "2026-03-01",
    )
    assert waiver.paths == ("app.py",) and waiver.rule == "secret-aws-secret-key"
    listed = gate(payments, "waivers", "list", "--today", "2026-03-15")
    assert listed.stdout.startswith("W-2026-03-01-1: expiring on 2026-03-20 (in 5 days)")


def test_waive_refuses_more_than_the_maximum_lifetime(payments: Payments) -> None:
    fingerprint = _result(payments)
    result = gate(
        payments,
        "waive",
        fingerprint,
        "--reason",
        "test key, rotated in PAY-7 already",
        "--expires",
        "2026-06-01",
        "--ticket",
        "PAY-7",
        "--approved-by",
        "bob",
        "--owner",
        "a",
        "--today",
        "2026-03-01",
    )
    assert result.returncode == 2
    assert "critical findings may be waived for at most 30 days" in result.stderr
    assert not (payments.repo.path / ".gate/waivers.yml").exists()


def test_waive_unknown_fingerprint_is_a_usage_error(payments: Payments) -> None:
    _result(payments)
    result = gate(
        payments,
        "waive",
        "deadbeef",
        "--reason",
        "a long enough reason",
        "--expires",
        "2099-01-01",
        "--approved-by",
        "bob",
    )
    assert result.returncode == 2 and "no finding with fingerprint deadbeef" in result.stderr


def test_waivers_list_marks_expired_and_malformed_dates(payments: Payments) -> None:
    from tests.governance.conftest import waiver_yaml

    body = waiver_yaml() + waiver_yaml(id="W-2", expires="someday").split("waivers:\n")[1]
    payments.repo.write(".gate/waivers.yml", body)
    listed = gate(payments, "waivers", "list", "--today", "2026-04-01")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].startswith("W-1: expired on 2026-03-10")
    assert lines[1].startswith("W-2: expired (malformed or missing date)")


def test_broken_waivers_file_is_a_one_line_config_error(payments: Payments) -> None:
    payments.repo.write(".gate/waivers.yml", "waivers:\n  - id: W-1\n    rule: x\n")
    result = gate(payments, "waivers", "list")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("gate: error: .gate/waivers.yml:2: waivers[0].reason: missing")
