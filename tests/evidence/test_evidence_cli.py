"""`gate run` -> `gate evidence record` -> `gate evidence verify`, as CI runs them."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gate.evidence.dsse import Signer
from tests.conftest import GitRepo
from tests.governance.conftest import CONFIG, SECRET_LINE

KEY = bytes(range(32))
PUBLIC = Signer(KEY).public.hex()
OTHER_KEY = bytes(range(1, 33))


def gate(repo: GitRepo, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    return subprocess.run(
        [sys.executable, "-m", "gate", *args],
        cwd=repo.path,
        capture_output=True,
        text=True,
        env={**clean, **env},
        check=False,
        timeout=300,
    )


@pytest.fixture
def ran(repo: GitRepo) -> GitRepo:
    repo.write(".gate.yml", CONFIG)
    repo.write("app.py", "x = 1\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "pr")
    repo.write("app.py", "x = 1\n" + SECRET_LINE)
    repo.commit("pr")
    result = gate(
        repo,
        "run",
        "--base",
        "main",
        "--json",
        "out/result.json",
        "--sarif",
        "out/result.sarif",
        "-q",
    )
    assert result.returncode == 1, result.stderr
    return repo


def _record(repo: GitRepo, key: bytes = KEY, *extra: str) -> subprocess.CompletedProcess[str]:
    return gate(
        repo,
        "evidence",
        "record",
        "--from",
        "out/result.json",
        "--sarif",
        "out/result.sarif",
        "--output",
        "out/evidence.json",
        "--branch",
        "main",
        *extra,
        GATE_EVIDENCE_KEY=key.hex(),
    )


def test_record_is_a_signed_in_toto_statement_and_the_key_is_never_printed(ran: GitRepo) -> None:
    result = _record(ran)
    assert result.returncode == 0, result.stderr
    assert KEY.hex() not in result.stdout + result.stderr
    assert "signed by key" in result.stderr
    envelope = json.loads((ran.path / "out/evidence.json").read_text())
    assert envelope["payloadType"] == "application/vnd.in-toto+json"
    statement = json.loads(base64.b64decode(envelope["payload"]))
    assert statement["_type"] == "https://in-toto.io/Statement/v1"
    head = ran.git("rev-parse", "HEAD").strip()
    digests = {s["name"]: s["digest"] for s in statement["subject"]}
    assert {"gitCommit": head} in digests.values()
    assert set(digests) >= {"result.json", "result.sarif"}
    predicate = statement["predicate"]
    assert predicate["verdict"] == "fail"
    assert predicate["change"]["headCommit"] == head
    assert predicate["policy"]["source"] == ".gate.yml"
    assert predicate["findings"]["items"][0]["rule"] == "secret-aws-secret-key"
    assert predicate["chain"] == {
        "branch": "main",
        "sequence": 1,
        "previous": "",
        "previousHead": "",
    }
    note = ran.git("notes", "--ref", "refs/notes/gate", "show", head)
    assert json.loads(note.splitlines()[0]) == envelope
    verified = gate(
        ran,
        "evidence",
        "verify",
        "out/evidence.json",
        "--result",
        "out/result.json",
        "--result",
        "out/result.sarif",
        "--branch",
        "main",
        "--public-key",
        PUBLIC,
    )
    assert verified.returncode == 0, verified.stdout
    assert "signature verified" in verified.stdout and "chain intact" in verified.stdout


def test_edited_saved_result_no_longer_matches_its_record(ran: GitRepo) -> None:
    assert _record(ran).returncode == 0
    result_file = ran.path / "out/result.json"
    data = json.loads(result_file.read_text())
    data["verdict"] = "pass"
    result_file.write_text(json.dumps(data))
    verified = gate(
        ran,
        "evidence",
        "verify",
        "out/evidence.json",
        "--result",
        "out/result.json",
        "--public-key",
        PUBLIC,
    )
    assert verified.returncode == 1
    assert "differs from the recorded" in verified.stdout


def test_forged_record_signed_with_another_key_fails(ran: GitRepo) -> None:
    assert _record(ran, OTHER_KEY).returncode == 0
    verified = gate(ran, "evidence", "verify", "out/evidence.json", "--public-key", PUBLIC)
    assert verified.returncode == 1
    assert "no signature verifies with the trusted key" in verified.stdout


def test_unsigned_record_fails_when_a_key_is_required(ran: GitRepo) -> None:
    result = gate(
        ran,
        "evidence",
        "record",
        "--from",
        "out/result.json",
        "--output",
        "out/evidence.json",
        "--branch",
        "main",
    )
    assert "UNSIGNED" in result.stderr
    verified = gate(ran, "evidence", "verify", "out/evidence.json", "--public-key", PUBLIC)
    assert verified.returncode == 1 and "unsigned" in verified.stdout


def test_each_record_names_the_previous_one(ran: GitRepo) -> None:
    assert _record(ran).returncode == 0
    first = json.loads((ran.path / "out/evidence.json").read_text())
    assert _record(ran).returncode == 0  # a re-run on the same head appends to its note
    second = json.loads((ran.path / "out/evidence.json").read_text())
    chain = json.loads(base64.b64decode(second["payload"]))["predicate"]["chain"]
    from gate.evidence.record import record_digest

    assert chain["sequence"] == 2 and chain["previous"] == record_digest(first)
    head = ran.git("rev-parse", "HEAD").strip()
    assert len(ran.git("notes", "--ref", "refs/notes/gate", "show", head).splitlines()) == 2


def test_bad_key_is_a_usage_error_that_does_not_echo_it(ran: GitRepo) -> None:
    result = gate(
        ran,
        "evidence",
        "record",
        "--from",
        "out/result.json",
        "--output",
        "out/e.json",
        GATE_EVIDENCE_KEY="not-a-key-SECRETVALUE",
    )
    assert result.returncode == 2
    assert "SECRETVALUE" not in result.stderr
    assert "GATE_EVIDENCE_KEY" in result.stderr


def test_keygen_writes_a_private_file_and_prints_only_the_public_key(
    repo: GitRepo, tmp_path: Path
) -> None:
    target = tmp_path / "key.txt"
    result = gate(repo, "evidence", "keygen", "--output", str(target))
    assert result.returncode == 0, result.stderr
    seed = bytes.fromhex(target.read_text().strip())
    assert seed.hex() not in result.stdout
    assert Signer(seed).public.hex() in result.stdout
    assert target.stat().st_mode & 0o777 == 0o600
