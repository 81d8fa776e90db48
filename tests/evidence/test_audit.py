"""`gate audit` over a branch of 20 merged PRs: each change, its record, or NO RECORD."""

from __future__ import annotations

import re
import subprocess
import sys

from gate.evidence.audit import run_audit
from gate.evidence.store import check_chain, read_records
from tests.evidence.conftest import (
    NO_RECORD,
    SIGNER,
    TAMPERED,
    VERDICTS,
    Branch,
    replace_record,
)


def _by_pr(branch: Branch, **kwargs: object):  # type: ignore[no-untyped-def]
    audit = run_audit(
        branch.repo.path,
        branch="main",
        since="2026-01-01",
        keys=[SIGNER.public],
        require_signature=True,
        **kwargs,
    )  # type: ignore[arg-type]
    return audit, {c.pull_request: c for c in audit.changes}


def test_every_merged_change_is_listed_with_its_record(branch: Branch) -> None:
    audit, changes = _by_pr(branch)
    assert len(audit.changes) == 20
    assert sorted(changes) == list(range(1, 21))
    for number, change in changes.items():
        if number in NO_RECORD:
            assert change.status == "no record"
        elif number in TAMPERED:
            assert change.status == "tampered"
            assert any("signature" in p for p in change.problems)
        else:
            assert change.status == VERDICTS.get(number, "pass"), number
            assert change.signed
        assert change.commit == branch.merges[number]
    assert changes[7].waivers == ("W-7 (approved by bob)",)
    assert changes[5].overridden and changes[5].merged_by == "Test Author"  # merge commit
    assert changes[3].merged_by == "Test Committer"  # squash: whoever committed it
    assert audit.counts() == {
        "pass": 14,
        "warn": 2,
        "fail": 1,
        "error": 1,
        "tampered": 1,
        "no record": 1,
    }


def test_control_coverage_counts_what_the_records_evidence(branch: Branch) -> None:
    audit, _ = _by_pr(branch)
    counts = {k.control: (k.evidenced, k.total) for k in audit.controls}
    assert counts["6.2.3"] == (18, 20)  # valid records (not the tampered, not the missing)
    assert counts["6.2.4"] == (16, 20)  # merged with pass or warn
    assert counts["CC8.1"] == (18, 20)  # signed
    assert counts["CC7.1"] == (19, 20)  # any record at all


def test_period_limits_the_changes(branch: Branch) -> None:
    audit = run_audit(branch.repo.path, branch="main", since="2026-01-05", until="2026-01-09")
    assert [c.pull_request for c in audit.changes] == [9, 8, 7, 6, 5]


def test_removed_record_breaks_the_chain(branch: Branch) -> None:
    branch.repo.git("notes", "--ref", "refs/notes/gate", "remove", branch.heads[10])
    problems = check_chain(read_records(branch.repo.path), "main")
    assert problems[""] == ["record 10 of branch main is missing (removed?)"]
    audit, changes = _by_pr(branch)
    assert changes[10].status == "no record"
    assert audit.chain_problems == ("record 10 of branch main is missing (removed?)",)


def test_replaced_record_is_detected_even_when_validly_signed(branch: Branch) -> None:
    # An insider with the key replaces PR 5's "fail" record by a freshly signed "pass"
    # one with the same place in the chain: record 6 still names the original.
    env = replace_record(branch.repo, branch.heads[5], verdict="pass")
    assert env["signatures"]
    audit, changes = _by_pr(branch)
    assert changes[5].status == "tampered"
    assert any("replaced or edited" in p for p in changes[5].problems)
    assert changes[6].status == "warn"  # its own record is intact


def test_markdown_report_escapes_commit_subjects(branch: Branch) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gate", "audit", "--branch", "main", "--since", "2026-01-01"],
        cwd=branch.repo.path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "| NO RECORD |" in result.stdout
    assert "Record signatures were not checked" in result.stdout
    assert "fail (merged anyway by Test Author)" in result.stdout
    assert "6.2.3.1" in result.stdout and "CC8.1" in result.stdout
    assert "\\<img src=x" in result.stdout
    assert not re.search(r"(?<!\\)<img", result.stdout)
    assert "](http" not in result.stdout
