"""Where evidence records live: git notes under ``refs/notes/gate``, and the chain.

Each note holds one JSON envelope per line (a re-run on the same head commit appends),
on the commit the run judged. CI fetches the ref before recording
(``git fetch origin refs/notes/gate:refs/notes/gate``) and the posting job pushes it.
`check_chain` walks one branch's records by sequence: each must name the digest of its
predecessor, so a removed record leaves a gap and a replaced one breaks the link.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gate.change.git import git
from gate.evidence.dsse import payload_of, verify_signatures
from gate.evidence.record import ChainLink, record_digest

NOTES_REF = "refs/notes/gate"


@dataclass(frozen=True, slots=True, kw_only=True)
class Stored:
    """One envelope found in the notes, with what could be read from it."""

    commit: str  # the commit the note is attached to
    envelope: Mapping[str, Any]
    statement: Mapping[str, Any] = field(default_factory=dict)
    error: str = ""  # why the payload could not be read

    @property
    def digest(self) -> str:
        return record_digest(self.envelope)

    @property
    def predicate(self) -> Mapping[str, Any]:
        value = self.statement.get("predicate")
        return value if isinstance(value, Mapping) else {}

    @property
    def chain(self) -> Mapping[str, Any]:
        value = self.predicate.get("chain")
        return value if isinstance(value, Mapping) else {}

    @property
    def sequence(self) -> int:
        value = self.chain.get("sequence")
        return value if isinstance(value, int) else 0


def read_records(root: Path, ref: str = NOTES_REF) -> list[Stored]:
    listing = git(root, "notes", "--ref", ref, "list", check=False)
    if listing.returncode != 0:
        return []
    records: list[Stored] = []
    for line in listing.stdout.decode().splitlines():
        parts = line.split()
        if len(parts) != 2:
            continue
        blob, commit = parts
        text = git(root, "cat-file", "blob", blob).stdout.decode("utf-8", "replace")
        records.extend(parse_lines(text, commit))
    return records


def parse_lines(text: str, commit: str) -> list[Stored]:
    found: list[Stored] = []
    for raw in text.splitlines():
        if not raw.strip():
            continue
        try:
            env = json.loads(raw)
        except ValueError:
            found.append(Stored(commit=commit, envelope={"raw": raw}, error="not JSON"))
            continue
        if not isinstance(env, dict):
            found.append(Stored(commit=commit, envelope={"raw": raw}, error="not an envelope"))
            continue
        try:
            found.append(Stored(commit=commit, envelope=env, statement=payload_of(env)))
        except ValueError as exc:
            found.append(Stored(commit=commit, envelope=env, error=str(exc)))
    return found


def write_note(root: Path, commit: str, envelope: Mapping[str, Any], ref: str = NOTES_REF) -> None:
    existing = git(root, "notes", "--ref", ref, "show", commit, check=False)
    text = existing.stdout.decode("utf-8", "replace") if existing.returncode == 0 else ""
    line = json.dumps(envelope, sort_keys=True, separators=(",", ":"))
    content = (text.rstrip("\n") + "\n" if text.strip() else "") + line + "\n"
    git(root, "notes", "--ref", ref, "add", "-f", "-F", "-", commit, stdin=content.encode())


def next_link(records: Iterable[Stored], branch: str) -> ChainLink:
    """The link for a new record on `branch`: after the highest sequence seen there."""
    mine = [r for r in records if not r.error and r.chain.get("branch") == branch]
    if not mine:
        return ChainLink()
    last = max(mine, key=lambda r: r.sequence)
    head = last.predicate.get("change", {})
    return ChainLink(
        sequence=last.sequence + 1,
        previous=last.digest,
        previous_head=str(head.get("headCommit", "")) if isinstance(head, Mapping) else "",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordCheck:
    record: Stored
    problems: tuple[str, ...] = ()
    signed_by: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


def check_record(record: Stored, keys: Iterable[bytes], *, require_signature: bool) -> RecordCheck:
    problems: list[str] = []
    if record.error:
        return RecordCheck(record=record, problems=(f"unreadable record: {record.error}",))
    keys = list(keys)
    ok, detail = verify_signatures(record.envelope, keys)
    if not keys and not require_signature:
        ok, detail = False, ""  # nothing to check signatures against: the caller says so
    elif not ok and (require_signature or detail != "unsigned"):
        problems.append(f"signature: {detail}")
    subject = record.statement.get("subject") or []
    heads = [
        s.get("digest", {}).get("gitCommit")
        for s in subject
        if isinstance(s, Mapping) and isinstance(s.get("digest"), Mapping)
    ]
    if record.commit and record.commit not in heads:
        problems.append(f"attached to {record.commit[:12]} but its subject is another commit")
    return RecordCheck(record=record, problems=tuple(problems), signed_by=detail if ok else "")


def check_chain(records: Iterable[Stored], branch: str) -> dict[str, list[str]]:
    """Chain problems by record digest (plus "" for gaps): removed or replaced records."""
    mine = sorted(
        (r for r in records if not r.error and r.chain.get("branch") == branch),
        key=lambda r: r.sequence,
    )
    by_sequence: dict[int, list[Stored]] = {}
    for record in mine:
        by_sequence.setdefault(record.sequence, []).append(record)
    problems: dict[str, list[str]] = {}
    for sequence, group in sorted(by_sequence.items()):
        for record in group:
            previous = str(record.chain.get("previous") or "")
            if sequence <= 1:
                if previous:
                    problems.setdefault(record.digest, []).append("first record names a previous")
                continue
            before = by_sequence.get(sequence - 1, [])
            if not before:
                problems.setdefault("", []).append(
                    f"record {sequence - 1} of branch {branch} is missing (removed?)"
                )
            elif previous not in {b.digest for b in before}:
                # The successor fixed its predecessor's digest when it was made: the
                # predecessor that is there now is not that record.
                for suspect in before:
                    problems.setdefault(suspect.digest, []).append(
                        f"chain: record {sequence} names {previous[:12]} as record "
                        f"{sequence - 1}, but this one is {suspect.digest[:12]} "
                        "(replaced or edited after it was made)"
                    )
    return problems
