"""On-disk result cache: findings per (scanner, file), so an unchanged file is never rescanned.

Layout under the cache directory (`.gate/cache` in the repository by default, `cache.dir`
in .gate.yml, or $XDG_CACHE_HOME/gate when the repository is not writable):

    results/<2 hex>/<sha256 key>.json   one scanner's verdict on one file
    rules/semgrep-<version>-<digest>.json   merged rule files (gate.scanning.semgrep)
    .gitignore                          "*": the cache never shows up as a change

The key of an entry hashes everything its content depends on: the scanner and its exact
version (engine path included), gate's version, the catalog digest (packs, versions,
rule text), the scanner's configuration, the file's path and a SHA-256 of its bytes. For
scanners that look at the diff (heuristics, secrets and anything not known to be
content-only) the file's added and hunk line ranges and its kind are part of the key too;
semgrep and bandit report on the whole file and policy filters by line later, so their
entries survive an edit elsewhere in the diff.

Safety: entries are written to a temporary file and `os.replace`d into place, so readers
see a whole entry or none, and concurrent runs (matrix jobs sharing a cache) race
harmlessly. Each entry repeats its key and carries a checksum of its payload; anything
that fails to parse or verify is treated as a miss and overwritten, never trusted. Only
successful scans are stored. A cache directory inside the checkout that git tracks (or
that is a symlink) is ignored: the change under review could have planted it with forged
"clean" entries. The directory is bounded: after a run, least recently used
entries (mtime, refreshed on every hit) are deleted until it fits `cache.max_mb`.

In GitHub Actions, keep it between runs with actions/cache:

    - uses: actions/cache@v4
      with:
        path: .gate/cache
        key: gate-${{ runner.os }}-${{ github.sha }}
        restore-keys: gate-${{ runner.os }}-
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from gate.change.model import ChangedFile
from gate.findings import Category, Confidence, Finding, Severity, Status

FORMAT = 2  # 2: findings carry trace_lines (entries of format 1 are misses)
CONTENT_ONLY_SCANNERS = frozenset({"semgrep", "bandit"})
_ENUMS: Mapping[str, Any] = {
    "severity": Severity,
    "confidence": Confidence,
    "category": Category,
    "status": Status,
}
_INT_FIELDS = frozenset({"start_line", "end_line", "start_col", "end_col"})
_INT_TUPLES = frozenset({"trace_lines"})


@dataclass(frozen=True, slots=True, kw_only=True)
class FileResult:
    """What one scanner said about one file: its findings, or why it could not analyse it."""

    findings: tuple[Finding, ...] = ()
    analysed: bool = True  # False: skipped (symlink, ...) or not analysed
    unanalysed: str = ""  # non-empty: the file could not be analysed, and why


@runtime_checkable
class UsesCacheDir(Protocol):
    """A scanner that keeps its own derived files (e.g. merged rule files) in the cache."""

    def use_cache_dir(self, directory: Path) -> None: ...


def default_dir(
    repo_root: Path, configured: str = "", env: Mapping[str, str] | None = None
) -> Path:
    """`cache.dir` (relative to the repo), else `.gate/cache`, else $XDG_CACHE_HOME/gate."""
    if configured:
        path = Path(configured).expanduser()
        return path if path.is_absolute() else repo_root / path
    in_repo = repo_root / ".gate" / "cache"
    if os.access(repo_root, os.W_OK):
        return in_repo
    environ = os.environ if env is None else env
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    digest = hashlib.sha256(str(repo_root.resolve()).encode()).hexdigest()[:16]
    return Path(base) / "gate" / digest


def content_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def entry_key(
    *,
    scanner: str,
    version: str,
    rules_digest: str,
    config: Any,
    file: ChangedFile,
    content: str,
    gate_version: str,
) -> str:
    parts: dict[str, Any] = {
        "format": FORMAT,
        "gate": gate_version,
        "scanner": scanner,
        "version": version,
        "rules": rules_digest,
        "config": config,
        "path": file.path,
        "content": content,
    }
    if scanner not in CONTENT_ONLY_SCANNERS:
        parts["diff"] = {
            "kind": file.kind.value,
            "old_path": file.old_path,
            "added": [list(r) for r in file.added],
            "hunks": [list(r) for r in file.hunks],
            "deleted_after": list(file.deleted_after),
        }
    blob = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()


class ResultCache:
    """A directory of JSON entries; every method tolerates a missing or damaged directory."""

    def __init__(self, root: Path, max_bytes: int) -> None:
        self.root = root
        self.max_bytes = max_bytes
        self._results = root / "results"

    def _path(self, key: str) -> Path:
        return self._results / key[:2] / f"{key}.json"

    def get(self, key: str) -> FileResult | None:
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            result = _decode_entry(data, key)
        except (OSError, ValueError, TypeError, KeyError):
            return None  # missing or corrupt: a miss; the next put() rewrites it
        with contextlib.suppress(OSError):
            os.utime(path)  # least recently *used* is what eviction removes
        return result

    def put(self, key: str, result: FileResult) -> None:
        payload = {
            "findings": [_encode_finding(f) for f in result.findings],
            "analysed": result.analysed,
            "unanalysed": result.unanalysed,
        }
        entry = {"format": FORMAT, "key": key, "sum": _checksum(payload), "payload": payload}
        write_atomic(self._path(key), json.dumps(entry, sort_keys=True).encode())

    def prepare(self) -> bool:
        """Create the directory (with a .gitignore); False when it cannot be written."""
        try:
            self._results.mkdir(parents=True, exist_ok=True)
            ignore = self.root / ".gitignore"
            if not ignore.is_file():
                write_atomic(ignore, b"# gate's result cache: never commit\n*\n")
        except OSError:
            return False
        return True

    def evict(self) -> int:
        """Delete least recently used entries until the cache fits; returns how many."""
        entries: list[tuple[float, int, Path]] = []
        total = 0
        for path in _walk(self._results):
            try:
                stat = path.stat()
            except OSError:
                continue
            entries.append((stat.st_mtime, stat.st_size, path))
            total += stat.st_size
        removed = 0
        for _, size, path in sorted(entries, key=lambda e: e[0]):
            if total <= self.max_bytes:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
            total -= size
        return removed


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same directory and rename: all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _walk(directory: Path) -> Iterable[Path]:
    try:
        shards = list(os.scandir(directory))
    except OSError:
        return
    for shard in shards:
        if not shard.is_dir(follow_symlinks=False):
            continue
        try:
            for item in os.scandir(shard.path):
                if item.is_file(follow_symlinks=False):
                    yield Path(item.path)
        except OSError:
            continue


def _checksum(payload: Any) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _decode_entry(data: Any, key: str) -> FileResult:
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
        raise ValueError("not an entry for this key")
    payload = data["payload"]
    if data.get("sum") != _checksum(payload):
        raise ValueError("checksum mismatch")
    unanalysed, analysed = payload["unanalysed"], payload["analysed"]
    if (
        not isinstance(unanalysed, str)
        or not isinstance(analysed, bool)
        or not isinstance(payload["findings"], list)
    ):
        raise ValueError("malformed payload")
    return FileResult(
        findings=tuple(_decode_finding(f) for f in payload["findings"]),
        analysed=analysed,
        unanalysed=unanalysed,
    )


def _encode_finding(finding: Finding) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for item in fields(Finding):
        value = getattr(finding, item.name)
        if item.name in _ENUMS:
            value = value.value
        elif isinstance(value, tuple):
            value = list(value)
        result[item.name] = value
    return result


def _decode_finding(data: Any) -> Finding:
    if not isinstance(data, dict):
        raise ValueError("finding is not an object")
    values: dict[str, Any] = {}
    for item in fields(Finding):
        if item.name not in data and item.name in _INT_TUPLES:
            continue  # written before the field existed: its default
        if item.name not in data:
            raise KeyError(item.name)
        value = data[item.name]
        if item.name in _INT_TUPLES:
            if not isinstance(value, list) or not all(
                isinstance(v, int) and not isinstance(v, bool) for v in value
            ):
                raise ValueError(f"{item.name}: expected integers")
            value = tuple(value)
        elif item.name in _ENUMS:
            value = _ENUMS[item.name](value)
        elif isinstance(value, list):
            if not all(isinstance(v, str) for v in value):
                raise ValueError(f"{item.name}: expected strings")
            value = tuple(value)
        elif item.name in _INT_FIELDS:
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"{item.name}: expected an integer")
        elif not isinstance(value, str):
            raise ValueError(f"{item.name}: expected a string")
        values[item.name] = value
    return Finding(**values)
