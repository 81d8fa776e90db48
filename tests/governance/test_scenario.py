"""The issue's scenario end to end: a real repository, a fake GitHub on 127.0.0.1.

A self-granted waiver does not pass; an approved one does; it expires and the finding
comes back; a stale one is reported; every run leaves a verifiable, chained, signed
record; `gate audit` lists the merged change with its approver.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from gate.evidence.audit import run_audit
from gate.evidence.dsse import Signer
from gate.findings import Status
from gate.report import Report, Verdict
from tests.governance.conftest import SECRET_LINE, Payments, ReviewingGitHub, waiver_yaml

KEY = bytes(range(7, 39))


def _record(payments: Payments, report: Report, env: dict[str, str], tmp: Path) -> str:
    result = tmp / "gate-result.json"
    result.write_text(report.to_json(), encoding="utf-8")
    clean = {k: v for k, v in os.environ.items() if k not in ("CI",)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "gate",
            "evidence",
            "record",
            "--from",
            str(result),
            "--output",
            str(tmp / "gate-evidence.json"),
        ],
        cwd=payments.repo.path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**clean, **env, "GATE_EVIDENCE_KEY": KEY.hex()},
    )
    assert done.returncode == 0, done.stderr
    assert KEY.hex() not in done.stderr + done.stdout
    return done.stderr


def _verify(payments: Payments, tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "gate",
            "evidence",
            "verify",
            str(tmp / "gate-evidence.json"),
            "--result",
            str(tmp / "gate-result.json"),
            "--branch",
            "main",
            "--public-key",
            Signer(KEY).public.hex(),
        ],
        cwd=payments.repo.path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_waiver_lifecycle_with_signed_chained_evidence_and_audit(
    payments: Payments, forge: ReviewingGitHub, tmp_path: Path
) -> None:
    stale = waiver_yaml(id="W-OLD", paths=["other.py"]).split("waivers:\n")[1]
    payments.on_base("version: 1\nwaivers:\n" + stale)
    payments.repo.write("other.py", "y = 3\n")  # scanned: W-OLD matches nothing there
    payments.repo.write(".gate/waivers.yml", waiver_yaml() + stale)
    head = payments.head()
    env = payments.ci_env(forge, head, tmp_path)

    # 1. alice adds the waiver in her own PR: it does not pass.
    first = payments.run_ci(env)
    assert first.verdict is Verdict.FAIL
    assert (
        "pending approval by bob"
        in next(f for f in first.findings if f.rule_id.startswith("secret")).status_reason
    )
    assert any(w.id == "W-OLD" and w.status == "stale" for w in first.waivers)
    assert "#1 " in _record(payments, first, env, tmp_path)

    # 2. bob approves the head commit: it passes, and the record says who approved.
    forge.pr_reviews = [("bob", "APPROVED", head)]
    second = payments.run_ci(env)
    assert second.verdict is Verdict.PASS
    assert "#2 " in _record(payments, second, env, tmp_path)
    statement = json.loads((tmp_path / "gate-evidence.json").read_text())
    verified = _verify(payments, tmp_path)
    assert verified.returncode == 0, verified.stdout
    assert "chain intact, every signature verified" in verified.stdout
    assert statement["signatures"][0]["keyid"] == Signer(KEY).keyid

    # 3. The PR is merged; the audit finds its record and the approver.
    payments.repo.git("checkout", "-q", "main")
    payments.repo.git("merge", "-q", "--no-ff", "pr", "-m", "Merge pull request #7 from o/pr")
    audit = run_audit(
        payments.repo.path,
        branch="main",
        since="2025-01-01",
        keys=[Signer(KEY).public],
        require_signature=True,
    )
    merged = audit.changes[0]
    assert (merged.status, merged.pull_request) == ("pass", 7)
    assert merged.waivers == ("W-1 (approved by bob)",)

    # 4. After the expiry the finding comes back on the next change to that code.
    payments.repo.git("checkout", "-q", "-b", "pr2")
    payments.repo.write("app.py", "x = 1\n" + SECRET_LINE.replace("\n", "  # sandbox\n"))
    payments.repo.commit("touch the waived line")
    later = payments.run_ci(env, today=dt.date(2026, 3, 11))
    secret = next(f for f in later.findings if f.rule_id.startswith("secret"))
    assert secret.status is Status.ACTIVE
    assert secret.status_reason == "waiver W-1 expired on 2026-03-10"
    assert later.verdict is Verdict.FAIL
    assert "#3 " in _record(payments, later, env, tmp_path)
    assert _verify(payments, tmp_path).returncode == 0
