"""`gate evidence verify`: signature, statement shape, result digests and the chain."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from gate.evidence.dsse import payload_of, sha256, verify_signatures
from gate.evidence.record import PREDICATE_TYPE, STATEMENT_TYPE, record_digest
from gate.evidence.store import check_chain, check_record, read_records


def verify_file(
    path: Path, results: Iterable[Path], keys: list[bytes]
) -> tuple[list[str], list[str]]:
    lines: list[str] = []
    problems: list[str] = []
    try:
        env = json.loads(path.read_text(encoding="utf-8"))
        statement = payload_of(env)
    except (OSError, ValueError) as exc:
        return lines, [f"{path}: not a gate evidence envelope ({exc})"]
    ok, detail = verify_signatures(env, keys)
    if ok:
        lines.append(f"{path}: signature verified (key {detail})")
    elif detail == "unsigned" and not keys:
        lines.append(f"{path}: UNSIGNED record (no key was configured when it was made)")
    elif not keys:
        lines.append(f"{path}: signed; signature not checked (give --public-key)")
    else:
        problems.append(f"{path}: signature: {detail}")
    if statement.get("_type") != STATEMENT_TYPE:
        problems.append(f"{path}: _type is not {STATEMENT_TYPE}")
    if statement.get("predicateType") != PREDICATE_TYPE:
        problems.append(f"{path}: predicateType is not {PREDICATE_TYPE}")
    named = {
        str(s.get("name")): str((s.get("digest") or {}).get("sha256", ""))
        for s in statement.get("subject") or []
        if isinstance(s, dict)
    }
    for result in results:
        recorded = named.get(result.name)
        actual = sha256(result.read_bytes())
        if recorded is None:
            problems.append(f"{result}: the record names no result called {result.name}")
        elif recorded != actual:
            problems.append(
                f"{result}: sha256 {actual[:16]} differs from the recorded {recorded[:16]} "
                "(the result was changed after the run)"
            )
        else:
            lines.append(f"{result}: digest matches the record")
    predicate = statement.get("predicate") or {}
    chain = predicate.get("chain") or {} if isinstance(predicate, dict) else {}
    lines.append(
        f"{path}: record {record_digest(env)[:16]}, verdict {predicate.get('verdict')}, "
        f"branch {chain.get('branch') or '-'} #{chain.get('sequence')}"
    )
    return lines, problems


def verify_branch(root: Path, branch: str, keys: list[bytes]) -> tuple[list[str], list[str]]:
    records = [r for r in read_records(root) if r.chain.get("branch") == branch or r.error]
    problems: list[str] = []
    for record in records:
        check = check_record(record, keys, require_signature=bool(keys))
        for problem in check.problems:
            problems.append(f"record on {record.commit[:12]}: {problem}")
    for digest, found in check_chain(records, branch).items():
        where = f"record {digest[:12]}" if digest else f"branch {branch}"
        problems.extend(f"{where}: {p}" for p in found)
    lines = [f"{len(records)} record(s) of branch {branch} in refs/notes/gate"]
    if not problems:
        lines.append("chain intact" + (", every signature verified" if keys else ""))
    return lines, problems
