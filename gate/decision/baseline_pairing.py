"""Identity and pairing for the baseline (`gate.decision.baseline`): what a finding is
(its rule plus its code, or the head of its block) and which base finding on a removed
line each head finding stands for."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from gate.change.model import ChangedFile
from gate.decision.baseline_code import Code, normalize_code
from gate.findings import Finding

Key = tuple[str, str]  # (rule id, normalized code, or BLOCK + a block's head)
BLOCK = "block:"


@dataclass(frozen=True, slots=True)
class Seen:
    """A base finding on a removed line: where it was and its exact text."""

    path: str
    line: int
    raw: str
    head: str = ""  # the block's first line, for a block identity ("" otherwise)


def is_block(key: Key) -> bool:
    return key[1].startswith(BLOCK)


def first_line(code: Code, finding: Finding) -> str:
    """The block's first line as written, for the origin note (never empty)."""
    lines = code.lines[finding.start_line - 1 : finding.start_line]
    line = lines[0].strip() if lines else ""
    return f"`{line[:80]}`" if line else "block"


def probe(key: Key) -> str:
    """What a base file must contain to hold the identity: the code itself, or the
    longest piece of a block's head (the head drops what is inside brackets)."""
    if not is_block(key):
        return key[1]
    pieces = re.split(r"\(\)|\[\]|\{\}|\n", key[1][len(BLOCK) :])
    return max(pieces, key=len)


def key_of(finding: Finding, code: Code) -> Key:
    head = code.block_head(finding.start_line, finding.end_line)
    if head is not None:
        return finding.rule_id, BLOCK + head
    return finding.rule_id, code.identity(finding.start_line, finding.end_line)


def raw_of(finding: Finding, code: Code) -> str:
    return code.raw(finding.start_line, finding.end_line)


def pair_with_base(
    findings: tuple[Finding, ...],
    candidates: list[int],
    keys: Mapping[int, Key],
    raws: Mapping[int, str],
    seen: Mapping[Key, list[Seen]],
    files: Mapping[str, ChangedFile],
    path_policy: Callable[[str], tuple[int, ...]],
    fresh: set[int],
) -> dict[int, tuple[str, str]]:
    """Candidate index -> (SARIF state, where it came from), for as many candidates of each
    identity as the base lost occurrences: same file and same text first, then same file,
    then any file under the same per-path policy (a block with its whole code unchanged);
    blocks whose head is `fresh` (added) last. The rest stay new."""
    left = {key: list(items) for key, items in seen.items()}
    order = sorted(candidates, key=lambda i: (findings[i].path, i in fresh, findings[i].start_line))
    result: dict[int, tuple[str, str]] = {}
    for rank in range(3):
        for index in order:
            pool = left.get(keys[index], [])
            if index in result or not pool:
                continue
            finding = findings[index]
            base_path = files[finding.path].old_path or finding.path
            for item in pool:
                same_file = item.path == base_path
                if path_policy(item.path) != path_policy(finding.path):
                    continue  # e.g. from tests/ (fail_on: critical) into src/: not accepted there
                if rank == 0 and not (same_file and item.raw == raws[index]):
                    continue
                if rank == 1 and not same_file:
                    continue
                if rank == 2 and item.head and not _same_code(item.raw, raws[index]):
                    continue  # a block moved to another file: by its code, not its head
                pool.remove(item)
                result[index] = _origin(rank, item)
                break
    return result


def _same_code(left: str, right: str) -> bool:
    return normalize_code(left) == normalize_code(right)


def _origin(rank: int, item: Seen) -> tuple[str, str]:
    where = f"{item.path}:{item.line}"
    if item.head and rank < 2:
        return "updated", f"same block {item.head} at {where} in the base; edited inside"
    if item.head:
        return "updated", f"same block {item.head} at {where} in the base, moved here"
    if rank == 0:
        return "unchanged", f"same code at {where} in the base"
    if rank == 1:
        return "updated", f"same code at {where} in the base, re-indented or reformatted"
    return "updated", f"same code at {where} in the base, moved here"
