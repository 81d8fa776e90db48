"""Scan the base version of a few files, as the head was scanned, for the baseline.

The blobs are read with git (`ls-tree` for the mode, `cat-file --batch` for the bytes)
into a private temp dir; nothing from them is executed. Then the ordinary plan and
scanners run on that dir with the run's catalog and settings, through the same result
cache (keys hash the path and the bytes, so a base file scanned once is never scanned
again while it is unchanged). Regular files only: symlinks and submodules are not read.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from gate.change.git import git
from gate.change.model import Change, ChangedFile, ChangeKind
from gate.findings import Finding
from gate.policy.config import Config
from gate.policy.packs import Catalog
from gate.scanning.base import Scanner
from gate.scanning.plan import plan_scan, run_scanners

_REGULAR = ("100644", "100755")


@dataclass(frozen=True, slots=True, kw_only=True)
class BaseScan:
    findings: tuple[Finding, ...] = ()  # paths are base paths
    scanned: tuple[str, ...] = ()  # base paths every chosen scanner analysed
    problems: tuple[str, ...] = ()  # one sentence each: what could not be read or scanned
    contents: Mapping[str, list[str]] | None = None  # base path -> its lines


def narrow_catalog(catalog: Catalog, rule_ids: frozenset[str]) -> Catalog:
    """The catalog with only the semgrep rules of `rule_ids`: the base side looks for the
    head's candidates only, and the engine's time grows with the number of rules. Its own
    digest keeps its cache entries apart from full scans."""
    kept = tuple(
        body
        for body in catalog.semgrep_rules
        if str((body.get("metadata") or {}).get("gate", {}).get("rule_id", body.get("id")))
        in rule_ids
    )
    material = catalog.digest + "\n" + "\n".join(sorted(rule_ids))
    digest = hashlib.sha256(material.encode()).hexdigest()
    return replace(catalog, semgrep_rules=kept, digest=digest)


def read_base_blobs(root: Path, base_sha: str, paths: tuple[str, ...]) -> dict[str, bytes]:
    """`base_sha:path` for each path that is a regular file there (others are absent).
    Remembered for the process: the tier's formatting check, the authorization signals
    and the baseline ask for the same base files, and a commit's blobs never change."""
    safe = [p for p in dict.fromkeys(paths) if _safe(p)]
    known = {p: _READ[(str(root), base_sha, p)] for p in safe if (str(root), base_sha, p) in _READ}
    todo = [p for p in safe if p not in known]
    if todo:
        fresh = _read_blobs(root, base_sha, todo)
        if len(_READ) + len(todo) > _READ_ENTRIES:
            _READ.clear()
        for path in todo:
            blob = known[path] = fresh.get(path)
            if blob is None or len(blob) <= _READ_BYTES:
                _READ[(str(root), base_sha, path)] = blob
    return {p: blob for p, blob in known.items() if blob is not None}


# (repository, commit, path) -> its blob, or None when it is not a regular file there
_READ: dict[tuple[str, str, str], bytes | None] = {}
_READ_ENTRIES = 256
_READ_BYTES = 512_000  # larger blobs are returned, not remembered


def _read_blobs(root: Path, base_sha: str, safe: list[str]) -> dict[str, bytes]:
    listing = git(
        root, "--literal-pathspecs", "ls-tree", "-z", "--full-tree", base_sha, "--", *safe
    ).stdout
    wanted: dict[str, str] = {}  # blob sha -> path (first path wins for identical blobs)
    paths_of: dict[str, list[str]] = {}
    for entry in listing.split(b"\x00"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, sha = meta.decode("ascii", "replace").split()
        path = os.fsdecode(raw_path)
        if kind != "blob" or mode not in _REGULAR or path not in safe:
            continue
        wanted.setdefault(sha, path)
        paths_of.setdefault(sha, []).append(path)
    if not wanted:
        return {}
    batch = git(root, "cat-file", "--batch", stdin="".join(f"{s}\n" for s in wanted).encode())
    result: dict[str, bytes] = {}
    data, position = batch.stdout, 0
    for sha in wanted:
        newline = data.index(b"\n", position)
        header = data[position:newline].decode("ascii", "replace").split()
        position = newline + 1
        if len(header) != 3 or header[1] != "blob":
            continue  # "<sha> missing": e.g. a partial clone without the blob
        size = int(header[2])
        blob = data[position : position + size]
        position += size + 1
        for path in paths_of[sha]:
            result[path] = blob
    return result


def _safe(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return bool(parts) and not path.startswith("/") and ".." not in parts


def scan_base(
    change: Change,
    blobs: Mapping[str, bytes],
    scanners: Mapping[str, Scanner],
    config: Config,
    catalog: Catalog,
) -> BaseScan:
    """Run `scanners` over the base versions in `blobs` (base path -> bytes)."""
    if not blobs or not scanners:
        return BaseScan()
    temp = Path(tempfile.mkdtemp(prefix="gate-base-"))
    try:
        for path, blob in blobs.items():
            destination = temp / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(blob)
        base_change = Change(
            mode=change.mode,
            description=f"base {change.base_sha[:12]}",
            repo_root=change.repo_root,
            content_root=temp,
            files=tuple(ChangedFile(path=p, kind=ChangeKind.WHOLE) for p in sorted(blobs)),
            base_sha=change.base_sha,
        )
        plan = plan_scan(base_change, config, catalog, scanners)
        outcomes = run_scanners(plan, scanners, base_change, config, catalog)
        findings: list[Finding] = []
        problems: list[str] = []
        analysed: dict[str, set[str]] = {}
        for name, outcome in sorted(outcomes.items()):
            targeted = {t.path for t in plan.targets[name]}
            findings.extend(f for f in outcome.findings if f.path in targeted)
            if not outcome.ok:
                problems.append(f"{name} failed on the base side: {outcome.error}")
                continue
            unanalysed = dict(outcome.unanalysed)
            for path in outcome.files:
                if path not in unanalysed:
                    analysed.setdefault(path, set()).add(name)
        for path, why in sorted(plan.coverage_skips.items()):
            problems.append(f"base version of {path} not scanned: {why}")
        scanned = tuple(
            p for p in sorted(blobs) if analysed.get(p, set()) >= _accepting(plan.targets, p)
        )
        contents = {p: b.decode("utf-8", "replace").splitlines() for p, b in blobs.items()}
        return BaseScan(
            findings=tuple(findings), scanned=scanned, problems=tuple(problems), contents=contents
        )
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _accepting(targets: Mapping[str, tuple[object, ...]], path: str) -> set[str]:
    return {name for name, items in targets.items() if any(_path(t) == path for t in items)}


def _path(target: object) -> str:
    return str(getattr(target, "path", ""))
