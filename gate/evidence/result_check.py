"""`gate post --from`: the result is posted only if a trusted evidence record vouches for it.

With a verification key configured (``GATE_EVIDENCE_PUBLIC_KEY``, as for `gate evidence
verify`), the poster requires the run's signed evidence record: its signature must
verify with that key and the sha256 it records for the JSON result must equal the file's.
Anything else refuses the post with one line (exit 2). Without a key the result is posted
as before, with a note that it is unsigned.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from gate.errors import UsageError
from gate.evidence.dsse import decode_key
from gate.evidence.verify import verify_file

DEFAULT_RECORD = "gate-evidence.json"
PUBLIC_ENV = "GATE_EVIDENCE_PUBLIC_KEY"


def trusted_keys(environ: Mapping[str, str] | None = None) -> list[bytes]:
    """The verification keys `gate evidence verify` also trusts (comma-separated)."""
    env = os.environ if environ is None else environ
    values = [k for k in env.get(PUBLIC_ENV, "").split(",") if k.strip()]
    return [decode_key(v.strip(), what=f"public key in {PUBLIC_ENV}") for v in values]


def find_record(result: Path, given: Path | None) -> Path | None:
    """`--evidence`, else `gate-evidence.json` beside the result, else in the cwd."""
    if given is not None:
        return given
    for candidate in (result.parent / DEFAULT_RECORD, Path(DEFAULT_RECORD)):
        if candidate.is_file():
            return candidate
    return None


def check_result(result: Path, record: Path | None, keys: list[bytes]) -> str:
    """The note to print when the post may go ahead; `UsageError` (exit 2) when it may not."""
    if not keys:
        return (
            f"gate: note: {result} is unsigned: no GATE_EVIDENCE_PUBLIC_KEY is configured, "
            "so it is posted without checking a signed evidence record"
        )
    if record is None or not record.is_file():
        where = record or f"{DEFAULT_RECORD} beside the result"
        raise UsageError(
            f"refusing to post {result}: a verification key is configured but there is no "
            f"evidence record ({where}); pass the run's record with --evidence FILE"
        )
    _, problems = verify_file(record, [result], keys)
    if problems:
        raise UsageError(f"refusing to post {result}: {problems[0]}")
    return f"gate: {result} matches the signed evidence record {record}"
