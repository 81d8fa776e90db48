"""A branch of 20 merged pull requests with evidence records in refs/notes/gate."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field

import pytest

from gate.evidence.dsse import Signer, envelope
from gate.evidence.record import RunContext, build_statement
from gate.evidence.store import next_link, read_records, write_note
from gate.report import ChangeInfo, Report, Verdict, WaiverUse
from tests.conftest import GitRepo

KEY = bytes(range(32))
PAYLOAD = "<img src=x onerror=alert(1)> *bold* [link](http://evil.example)"
SIGNER = Signer(KEY)
VERDICTS = {5: "fail", 6: "warn", 8: "error", 11: "warn"}
WAIVED = {7}
NO_RECORD = {13}
TAMPERED = {17}
SQUASHED = {3, 9, 15}  # "Title (#N)" squash merges; the others are merge commits


@dataclass
class Branch:
    repo: GitRepo
    heads: dict[int, str] = field(default_factory=dict)
    merges: dict[int, str] = field(default_factory=dict)


def record(
    repo: GitRepo, number: int, head: str, verdict: str, waivers: tuple[WaiverUse, ...] = ()
) -> None:
    report = Report(
        gate_version="0.1.0",
        verdict=Verdict(verdict),
        verdict_reason="test",
        change=ChangeInfo(mode="base", description="", base_ref="main", head_sha=head),
        repository="o/r",
        pull_request=number,
        waivers=waivers,
    )
    run = RunContext(timestamp=f"2026-01-{number:02d}T10:00:00Z", branch="main", run_id=str(number))
    link = next_link(read_records(repo.path), "main")
    statement = build_statement(report, run, artifacts={"result.json": b"{}"}, link=link)
    write_note(repo.path, head, envelope(statement, SIGNER))


def tamper(repo: GitRepo, head: str, verdict: str) -> None:
    """Edit the recorded verdict in the note, keeping the old signature (an edited record)."""
    env = json.loads(repo.git("notes", "--ref", "refs/notes/gate", "show", head).splitlines()[-1])
    statement = json.loads(base64.b64decode(env["payload"]))
    statement["predicate"]["verdict"] = verdict
    env["payload"] = base64.b64encode(json.dumps(statement).encode()).decode()
    repo.git("notes", "--ref", "refs/notes/gate", "add", "-f", "-m", json.dumps(env), head)


@pytest.fixture
def branch(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> Branch:
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-12-01T12:00:00Z")
    repo.write("README.md", "service\n")
    repo.commit("initial")
    result = Branch(repo)
    for number in range(1, 21):
        monkeypatch.setenv("GIT_COMMITTER_DATE", f"2026-01-{number:02d}T12:00:00Z")
        monkeypatch.setenv("GIT_AUTHOR_DATE", f"2026-01-{number:02d}T12:00:00Z")
        repo.git("checkout", "-q", "-b", f"pr-{number}", "main")
        repo.write(f"feature_{number}.py", f"value = {number}\n")
        head = repo.commit(f"feature {number} <b>bold</b>")
        result.heads[number] = head
        if number not in NO_RECORD:
            waivers = (
                (WaiverUse(id="W-7", status="applied", approved_by=("bob",)),)
                if number in WAIVED
                else ()
            )
            record(repo, number, head, VERDICTS.get(number, "pass"), waivers)
        repo.git("checkout", "-q", "main")
        if number in SQUASHED:
            repo.git("merge", "-q", "--squash", f"pr-{number}")
            repo.git("commit", "-q", "-m", f"Feature {number} {PAYLOAD} (#{number})")
        else:
            repo.git(
                "merge",
                "-q",
                "--no-ff",
                f"pr-{number}",
                "-m",
                f"Merge pull request #{number} from o/pr-{number}",
            )
        result.merges[number] = repo.git("rev-parse", "HEAD").strip()
    for number in TAMPERED:
        tamper(repo, result.heads[number], "pass")
    return result


def replace_record(repo: GitRepo, head: str, verdict: str) -> dict[str, object]:
    """Re-sign the record on `head` with the real key after changing its verdict."""
    env = json.loads(repo.git("notes", "--ref", "refs/notes/gate", "show", head).splitlines()[-1])
    statement = json.loads(base64.b64decode(env["payload"]))
    statement["predicate"]["verdict"] = verdict
    forged = envelope(statement, SIGNER)
    repo.git("notes", "--ref", "refs/notes/gate", "add", "-f", "-m", json.dumps(forged), head)
    return forged
