"""diff -> scanners (in parallel) -> ScanOutcomes; gate.decision.assemble makes the Report."""

from __future__ import annotations

import importlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gate.change.model import Change, ChangedFile, ChangeKind
from gate.globs import matches_any
from gate.policy.config import Config
from gate.policy.packs import Catalog
from gate.scanning.base import Scanner, ScanOutcome, ScanRequest, ScanTarget
from gate.scanning.cache import (
    UsesCacheDir,
)
from gate.scanning.cached import ContentHashes, open_cache, scan_safely, scan_with_cache
from gate.scanning.languages import CODE_LANGUAGES, detect_language, language_name
from gate.scanning.rule_subset import rules_for_targets
from gate.scanning.test_scope import scope_to_profile
from gate.scanning.vendored import VENDORED_REASON, is_vendored

SCANNERS: dict[str, str] = {
    "semgrep": "gate.scanning.semgrep:SemgrepScanner",
    "bandit": "gate.scanning.bandit:BanditScanner",
    "heuristics": "gate.scanning.heuristics:HeuristicsScanner",
    "secrets": "gate.scanning.secrets:SecretsScanner",
}

Progress = Callable[[str, str], None]  # (scanner, event: "start" | "done" | "error")


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    targets: Mapping[str, tuple[ScanTarget, ...]]  # scanner -> its files
    coverage_skips: Mapping[str, str]  # path -> why it is not analysed at all
    languages: Mapping[str, str]  # path -> language
    gaps: Mapping[str, str] = field(default_factory=dict)  # skips that are coverage gaps


def load_scanner(name: str) -> Scanner:
    module_name, _, class_name = SCANNERS[name].partition(":")
    module = importlib.import_module(module_name)
    scanner: Scanner = getattr(module, class_name)()
    return scanner


def plan_scan(
    change: Change, config: Config, catalog: Catalog, scanners: Mapping[str, Scanner]
) -> Plan:
    skips: dict[str, str] = {}
    languages: dict[str, str] = {}
    targets: dict[str, list[ScanTarget]] = {name: [] for name in scanners}
    gaps: dict[str, str] = {}
    for changed in change.files:
        reason, is_gap = _skip_reason(changed, change.content_root, config)
        language = detect_language(changed.path, _head(change.content_root, changed))
        languages[changed.path] = language
        target = ScanTarget(file=changed, language=language)
        if reason:
            skips[changed.path] = reason
            if is_gap and any(s.accepts(target, catalog) for s in scanners.values()):
                gaps[changed.path] = reason
            continue
        accepted = [n for n, s in scanners.items() if s.accepts(target, catalog)]
        if not accepted:
            skips[changed.path] = (
                f"not analysed (no rules for {language_name(language)})"
                if language in CODE_LANGUAGES
                else f"no enabled scanner handles {language} files"
            )
        for name in accepted:
            targets[name].append(target)
    return Plan(
        targets={n: tuple(t) for n, t in targets.items()},
        coverage_skips=skips,
        languages=languages,
        gaps=gaps,
    )


def _head(root: Path, changed: ChangedFile) -> bytes:
    """The first bytes of a changed file (never through a link), for content detection."""
    if changed.kind is ChangeKind.DELETED or changed.is_symlink or changed.is_submodule:
        return b""
    try:
        fd = os.open(root / changed.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return b""
    with os.fdopen(fd, "rb") as handle:
        try:
            return handle.read(256) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
        except OSError:
            return b""


def _skip_reason(changed: ChangedFile, root: Path, config: Config) -> tuple[str, bool]:
    """Why a file is not scanned at all ("" when it is), and whether that is a coverage
    gap (too large, unreadable) rather than a file with nothing to analyse."""
    if changed.kind is ChangeKind.DELETED:
        return "deleted", False
    if changed.is_submodule:
        return "submodule (its own repository is not scanned here)", False
    if changed.is_symlink:
        return "symbolic link (not followed)", False
    if matches_any(changed.path, config["exclude"]):
        return "excluded by configuration", False
    if is_vendored(changed.path, root, config["vendored_paths"]):
        return VENDORED_REASON, False
    if changed.is_binary:
        return "binary file", False
    nothing_added = not changed.whole and not changed.added and not changed.deleted_after
    if nothing_added and changed.kind is not ChangeKind.ADDED:
        if config.filter_mode == "added":
            return "no added lines (rename, mode change or comment deletion only)", False
    path = root / changed.path
    try:
        info = path.lstat()
    except OSError:
        return "not present in the scanned tree", False
    if stat.S_ISLNK(info.st_mode):
        return "symbolic link (not followed)", False
    if stat.S_ISDIR(info.st_mode):
        return "a directory (not followed)", False
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file", False
    size = info.st_size
    if size > config["max_file_bytes"]:
        return (
            f"too large ({size:,} bytes > max_file_bytes {config['max_file_bytes']:,})",
            True,
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            if b"\x00" in handle.read(8192):
                return "binary file", False
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}", True
    return "", False


def run_scanners(
    plan: Plan,
    scanners: Mapping[str, Scanner],
    change: Change,
    config: Config,
    catalog: Catalog,
    progress: Progress | None = None,
    roots: Mapping[str, Path] | None = None,
) -> dict[str, ScanOutcome]:
    """Every scanner with work in its own thread; files whose result is cached are skipped.

    `roots` gives a scanner another directory to read (the hook's sliced view,
    `gate.scanning.slices`); the others read `change.content_root`.

    Threads, not processes: semgrep and bandit are subprocesses (semgrep gets `-j` = cores)
    and the native analyzers are small, so one thread per scanner keeps every core busy
    without any scanner waiting for another.
    """
    names = [n for n in scanners if plan.targets[n]]
    if not names:
        return {}
    store = open_cache(change, config)
    if store is not None:
        for scanner in scanners.values():
            if isinstance(scanner, UsesCacheDir):
                scanner.use_cache_dir(store.root)
    hashes = {root: ContentHashes(root) for root in {change.content_root, *(roots or {}).values()}}
    work_dir = Path(tempfile.mkdtemp(prefix="gate-run-"))

    def one(name: str) -> ScanOutcome:
        scanner = scanners[name]
        if progress:
            progress(name, "start")
        root = (roots or {}).get(name, change.content_root)
        request = ScanRequest(
            root=root,
            targets=plan.targets[name],
            catalog=scope_to_profile(
                rules_for_targets(catalog, plan.targets[name], root), {"tests": config["tests"]}
            )
            if name == "semgrep"
            else catalog,
            timeout=time_budget(config.scanner(name), len(plan.targets[name])),
            critical_paths=tuple(config["critical_paths"]),
            work_dir=work_dir,
        )
        if store is None:
            outcome = scan_safely(scanner, name, request)
        else:
            outcome = scan_with_cache(scanner, name, request, config, store, hashes[root])
        if progress:
            progress(name, "error" if outcome.error else "done")
        return outcome

    try:
        with ThreadPoolExecutor(max_workers=len(names)) as pool:
            return dict(zip(names, pool.map(one, names), strict=True))
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
        if store is not None:
            store.evict()


def time_budget(settings: Mapping[str, Any], files: int) -> float:
    """A scanner's timeout: `timeout`, plus `timeout_per_100_files` per 100 planned files."""
    per_100 = float(settings.get("timeout_per_100_files", 0))
    return float(settings["timeout"]) + per_100 * files / 100


def enabled_scanners(config: Config) -> dict[str, Scanner]:
    """Instantiate the enabled scanners; one that cannot load is reported as failed."""
    scanners: dict[str, Scanner] = {}
    for name in SCANNERS:
        if not config.scanner(name)["enabled"]:
            continue
        try:
            scanners[name] = load_scanner(name)
        except ImportError as exc:
            scanners[name] = _Broken(name, f"{name} adapter could not load: {exc}")
    return scanners


class _Broken:
    """Stands in for a scanner that could not be loaded: fails closed on every run."""

    def __init__(self, name: str, error: str) -> None:
        self.name, self.error = name, error

    def accepts(self, target: ScanTarget, catalog: Catalog) -> bool:
        return True

    def version(self) -> str:
        return "unavailable"

    def scan(self, request: ScanRequest) -> ScanOutcome:
        return ScanOutcome(scanner=self.name, version="unavailable", error=self.error)
