"""`gate post --from`: with a verification key, only a result its signed record vouches for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gate.evidence.dsse import Signer, envelope, sha256
from gate.evidence.record import PREDICATE_TYPE, STATEMENT_TYPE
from tests.posting.conftest import HEAD_SHA, make_report
from tests.posting.fake_servers import TOKEN
from tests.posting.forge import ForgeGitHub

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
PUBLIC = Signer(KEY).public.hex()


@pytest.fixture
def saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A job's saved result and the base policy of the checked-out posting job."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".gate.yml").write_text("packs: [security]\n")
    result = tmp_path / "out" / "result.json"
    result.parent.mkdir()
    result.write_text(make_report(2).to_json())
    return result


def _sign(result: Path, key: bytes | None, name: str = "gate-evidence.json") -> Path:
    statement = {
        "_type": STATEMENT_TYPE,
        "subject": [{"name": result.name, "digest": {"sha256": sha256(result.read_bytes())}}],
        "predicateType": PREDICATE_TYPE,
        "predicate": {"verdict": "fail", "chain": {"branch": "main", "sequence": 1}},
    }
    target = result.parent / name
    target.write_text(json.dumps(envelope(statement, Signer(key) if key else None)))
    return target


def _post(
    forge: ForgeGitHub, result: Path, *args: str, key: str = PUBLIC
) -> subprocess.CompletedProcess[str]:
    event = result.parent.parent / "workflow_run.json"  # the privileged job's trigger
    run = {"event": "pull_request", "head_sha": HEAD_SHA}
    run["pull_requests"] = [{"number": 2, "head": {"sha": HEAD_SHA}}]  # type: ignore[assignment]
    event.write_text(json.dumps({"workflow_run": run}))
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "GATE_", "CI"))}
    env = {
        **clean,
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "workflow_run",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_API_URL": forge.base_url,
        "GITHUB_TOKEN": TOKEN,
        "GITHUB_REPOSITORY": "Codertocat/Hello-World",
        "GATE_EVIDENCE_PUBLIC_KEY": key,
    }
    return subprocess.run(
        [sys.executable, "-m", "gate", "post", "--from", str(result), *args],
        cwd=result.parent.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _refused(posted: subprocess.CompletedProcess[str], forge: ForgeGitHub, words: str) -> None:
    assert posted.returncode == 2, posted.stderr
    errors = [x for x in posted.stderr.splitlines() if x.startswith("gate: error:")]
    assert len(errors) == 1 and "refusing to post" in errors[0] and words in errors[0]
    assert forge.comments_on(2) == [] and not forge.check_runs


def test_result_its_signed_record_vouches_for_is_posted(forge: ForgeGitHub, saved: Path) -> None:
    forge.add_pull(2, head=HEAD_SHA)
    _sign(saved, KEY)
    posted = _post(forge, saved)
    assert posted.returncode == 1, posted.stderr  # the saved verdict: fail
    assert "matches the signed evidence record" in posted.stderr
    assert len(forge.comments_on(2)) == 1, posted.stderr


def test_record_can_be_named_with_the_evidence_option(forge: ForgeGitHub, saved: Path) -> None:
    forge.add_pull(2, head=HEAD_SHA)
    record = _sign(saved, KEY, name="elsewhere.json")
    assert _post(forge, saved).returncode == 2  # not found beside the result
    posted = _post(forge, saved, "--evidence", str(record))
    assert posted.returncode == 1, posted.stderr
    assert len(forge.comments_on(2)) == 1


def test_result_edited_after_signing_is_refused(forge: ForgeGitHub, saved: Path) -> None:
    forge.add_pull(2, head=HEAD_SHA)
    _sign(saved, KEY)
    data = json.loads(saved.read_text())
    data["labels"] = ["safe-to-test", "approved"]
    saved.write_text(json.dumps(data))
    _refused(_post(forge, saved), forge, "differs from the recorded")


def test_record_signed_with_another_key_is_refused(forge: ForgeGitHub, saved: Path) -> None:
    forge.add_pull(2, head=HEAD_SHA)
    _sign(saved, OTHER_KEY)
    _refused(_post(forge, saved), forge, "signature")


def test_unsigned_record_or_none_is_refused_when_a_key_is_configured(
    forge: ForgeGitHub, saved: Path
) -> None:
    forge.add_pull(2, head=HEAD_SHA)
    _refused(_post(forge, saved), forge, "no evidence record")
    _sign(saved, None)
    _refused(_post(forge, saved), forge, "signature")


def test_without_a_key_the_result_is_posted_with_an_unsigned_note(
    forge: ForgeGitHub, saved: Path
) -> None:
    forge.add_pull(2, head=HEAD_SHA)
    posted = _post(forge, saved, key="")
    assert posted.returncode == 1, posted.stderr
    notes = [x for x in posted.stderr.splitlines() if x.startswith("gate: note:")]
    assert len(notes) == 1 and "unsigned" in notes[0]
    assert len(forge.comments_on(2)) == 1
