"""The result cache wrapped around each scanner: serve unchanged files from `gate.scanning.cache`,
scan only the rest, and never trust a cache the change itself could have planted."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from gate import __version__
from gate.change.git import git
from gate.change.model import Change
from gate.errors import ConfigError
from gate.findings import Finding
from gate.policy.config import Config
from gate.scanning.base import Scanner, ScanOutcome, ScanRequest, ScanTarget
from gate.scanning.batches import UNFINISHED
from gate.scanning.cache import (
    FileResult,
    ResultCache,
    content_hash,
    default_dir,
    entry_key,
)


def open_cache(change: Change, config: Config) -> ResultCache | None:
    settings = config["cache"]
    if not settings["enabled"]:
        return None
    directory = default_dir(change.repo_root, str(settings["dir"]))
    if _planted_by_the_change(change.repo_root, directory):
        return None
    store = ResultCache(directory, int(settings["max_mb"]) * 1024 * 1024)
    return store if store.prepare() else None


def _planted_by_the_change(repo_root: Path, directory: Path) -> bool:
    """A cache inside the checkout that git tracks (or that is a symlink) could have been
    committed by the change under review, with forged "clean" entries: never trust it."""
    # Decided on the path as written: `.gate -> /tmp/forged` is inside the checkout even
    # though it resolves outside, and must not pass for the runner's own cache.
    lexical = Path(
        os.path.normpath(directory if directory.is_absolute() else Path.cwd() / directory)
    )
    relative = None
    for root in dict.fromkeys((Path(os.path.normpath(repo_root)), repo_root.resolve())):
        try:
            relative = lexical.relative_to(root)
        except ValueError:
            continue
        current = root
        for part in relative.parts:
            current = current / part
            if current.is_symlink():
                return True
        break
    if relative is None:
        return False  # outside the repository: the runner's own cache
    tracked = git(repo_root, "ls-files", "-z", "--", relative.as_posix(), check=False)
    return tracked.returncode != 0 or bool(tracked.stdout)


class ContentHashes:
    """SHA-256 of each file's bytes, computed once however many scanners ask."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._known: dict[str, str | None] = {}
        self._lock = threading.Lock()

    def __call__(self, path: str) -> str | None:
        with self._lock:
            if path in self._known:
                return self._known[path]
        digest = content_hash(self.root / path)
        with self._lock:
            self._known[path] = digest
        return digest


def scan_with_cache(
    scanner: Scanner,
    name: str,
    request: ScanRequest,
    config: Config,
    store: ResultCache,
    hashes: ContentHashes,
) -> ScanOutcome:
    """Serve each (scanner, file) from the cache when its key matches; scan only the rest.
    Results are stored as the scanner settles them (`ScanRequest.on_partial`, one semgrep
    batch at a time) and the rest when it ends: a timeout, a failure or a killed run later
    loses only what was not finished."""
    started = time.monotonic()
    version = scanner.version()
    settings = {k: v for k, v in config.scanner(name).items() if k not in ("timeout", "enabled")}
    scanner_config = {"scanner": settings, "critical_paths": list(request.critical_paths)}
    hits: dict[str, FileResult] = {}
    keys: dict[str, tuple[str, str]] = {}  # path -> (key, content hash)
    for target in request.targets:
        digest = hashes(target.path)
        if digest is None:
            continue  # unreadable: let the scanner say so, never cache it
        key = entry_key(
            scanner=name,
            version=version,
            rules_digest=request.catalog.digest,
            config=scanner_config,
            file=target.file,
            content=digest,
            gate_version=__version__,
        )
        found = store.get(key)
        if found is None:
            keys[target.path] = (key, digest)
        else:
            hits[target.path] = found
    todo = tuple(t for t in request.targets if t.path not in hits)
    if not todo:
        return _merge_cached(
            ScanOutcome(scanner=name, version=version, cached=True),
            hits,
            request,
            time.monotonic() - started,
        )
    stored: set[str] = set()
    lock = threading.Lock()

    def keep_partial(partial: ScanOutcome) -> None:
        settled = set(partial.files) | {path for path, _ in partial.unanalysed}
        with lock:
            done = tuple(t for t in todo if t.path in settled and t.path not in stored)
            _store(store, partial, done, keys, request.root)
            stored.update(t.path for t in done)

    outcome = scan_safely(scanner, name, replace(request, targets=todo, on_partial=keep_partial))
    if outcome.ok:
        with lock:
            rest = tuple(t for t in todo if t.path not in stored)
        _store(store, outcome, rest, keys, request.root)
    return _merge_cached(outcome, hits, request, time.monotonic() - started)


def _store(
    store: ResultCache,
    outcome: ScanOutcome,
    scanned: tuple[ScanTarget, ...],
    keys: Mapping[str, tuple[str, str]],
    root: Path,
) -> None:
    by_path: dict[str, list[Finding]] = {}
    for finding in outcome.findings:
        by_path.setdefault(finding.path, []).append(finding)
    analysed = set(outcome.files)
    unanalysed = dict(outcome.unanalysed)
    for target in scanned:
        if target.path not in keys:
            continue
        key, digest = keys[target.path]
        if unanalysed.get(target.path, "").startswith(UNFINISHED):
            continue  # the time budget ran out, not the file's fault: scan it next time
        if content_hash(root / target.path) != digest:
            continue  # the file changed while it was scanned: the result is for neither
        result = FileResult(
            findings=tuple(by_path.get(target.path, ())),
            analysed=target.path in analysed,
            unanalysed=unanalysed.get(target.path, ""),
        )
        try:
            store.put(key, result)
        except OSError:
            return  # a full or read-only disk costs speed, never the verdict


def _merge_cached(
    outcome: ScanOutcome, hits: Mapping[str, FileResult], request: ScanRequest, duration: float
) -> ScanOutcome:
    if not hits:
        return replace(outcome, duration=duration)
    order = {t.path: i for i, t in enumerate(request.targets)}
    files = set(outcome.files) | {p for p, r in hits.items() if r.analysed}
    unanalysed = dict(outcome.unanalysed)
    unanalysed.update({p: r.unanalysed for p, r in hits.items() if r.unanalysed})
    cached_findings = tuple(
        f for p in sorted(hits, key=order.__getitem__) for f in hits[p].findings
    )
    return replace(
        outcome,
        findings=outcome.findings + cached_findings,
        files=tuple(sorted(files, key=lambda p: order.get(p, len(order)))),
        unanalysed=tuple(sorted(unanalysed.items())),
        duration=duration,
    )


def scan_safely(scanner: Scanner, name: str, request: ScanRequest) -> ScanOutcome:
    started = time.monotonic()
    try:
        return scanner.scan(request)
    except ConfigError:
        raise  # a pack rule the engine rejects: the user's configuration, reported as such
    except Exception as exc:  # a crashing adapter is a failed scanner, never a pass
        return ScanOutcome(
            scanner=name,
            version="unknown",
            error=f"{name} adapter crashed: {type(exc).__name__}: {exc}",
            duration=time.monotonic() - started,
        )
