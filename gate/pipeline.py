"""diff -> scanners (in parallel) -> findings -> policy -> verdict -> Report."""

from __future__ import annotations

import importlib
import os
import shutil
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gate import __version__
from gate.cache import (
    FileResult,
    ResultCache,
    UsesCacheDir,
    content_hash,
    default_dir,
    entry_key,
)
from gate.config import Config
from gate.diff import Change, ChangedFile, ChangeKind, git
from gate.findings import Finding, assign_fingerprints, merge_duplicates
from gate.globs import matches_any
from gate.languages import detect_language
from gate.packs import Catalog
from gate.policy import apply_policy
from gate.redact import redact
from gate.report import ChangeInfo, FileCoverage, PackRef, Report, Risk, ScannerRun
from gate.scanners.base import Scanner, ScanOutcome, ScanRequest, ScanTarget
from gate.verdict import control_coverage, decide_verdict

SCANNERS: dict[str, str] = {
    "semgrep": "gate.scanners.semgrep:SemgrepScanner",
    "bandit": "gate.scanners.bandit:BanditScanner",
    "heuristics": "gate.scanners.heuristics:HeuristicsScanner",
    "secrets": "gate.scanners.secrets:SecretsScanner",
}
_SNIPPET_LINES = 6
_SNIPPET_WIDTH = 240

Progress = Callable[[str, str], None]  # (scanner, event: "start" | "done" | "error")


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    targets: Mapping[str, tuple[ScanTarget, ...]]  # scanner -> its files
    coverage_skips: Mapping[str, str]  # path -> why it is not analysed at all
    languages: Mapping[str, str]  # path -> language


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
    for changed in change.files:
        reason = _skip_reason(changed, change.content_root, config)
        language = detect_language(changed.path)
        languages[changed.path] = language
        if reason:
            skips[changed.path] = reason
            continue
        target = ScanTarget(file=changed, language=language)
        accepted = [n for n, s in scanners.items() if s.accepts(target, catalog)]
        if not accepted:
            skips[changed.path] = f"no enabled scanner handles {language} files"
        for name in accepted:
            targets[name].append(target)
    return Plan(
        targets={n: tuple(t) for n, t in targets.items()},
        coverage_skips=skips,
        languages=languages,
    )


def _skip_reason(changed: ChangedFile, root: Path, config: Config) -> str:
    if changed.kind is ChangeKind.DELETED:
        return "deleted"
    if changed.is_submodule:
        return "submodule (its own repository is not scanned here)"
    if changed.is_symlink:
        return "symbolic link (not followed)"
    if matches_any(changed.path, config["exclude"]):
        return "excluded by configuration"
    if changed.is_binary:
        return "binary file"
    if not changed.whole and not changed.added and changed.kind is not ChangeKind.ADDED:
        if config.filter_mode == "added":
            return "no added lines (rename or mode change only)"
    path = root / changed.path
    try:
        size = path.stat().st_size
    except OSError:
        return "not present in the scanned tree"
    if size > config["max_file_bytes"]:
        return f"too large ({size:,} bytes > max_file_bytes {config['max_file_bytes']:,})"
    with path.open("rb") as handle:
        if b"\x00" in handle.read(8192):
            return "binary file"
    return ""


def run_scanners(
    plan: Plan,
    scanners: Mapping[str, Scanner],
    change: Change,
    config: Config,
    catalog: Catalog,
    progress: Progress | None = None,
) -> dict[str, ScanOutcome]:
    """Every scanner with work in its own thread; files whose result is cached are skipped.

    Threads, not processes: semgrep and bandit are subprocesses (semgrep gets `-j` = cores)
    and the native analyzers are small, so one thread per scanner keeps every core busy
    without any scanner waiting for another.
    """
    names = [n for n in scanners if plan.targets[n]]
    if not names:
        return {}
    store = _open_cache(change, config)
    if store is not None:
        for scanner in scanners.values():
            if isinstance(scanner, UsesCacheDir):
                scanner.use_cache_dir(store.root)
    hashes = _ContentHashes(change.content_root)
    work_dir = Path(tempfile.mkdtemp(prefix="gate-run-"))

    def one(name: str) -> ScanOutcome:
        scanner = scanners[name]
        if progress:
            progress(name, "start")
        request = ScanRequest(
            root=change.content_root,
            targets=plan.targets[name],
            catalog=catalog,
            timeout=float(config.scanner(name)["timeout"]),
            critical_paths=tuple(config["critical_paths"]),
            work_dir=work_dir,
        )
        if store is None:
            outcome = _scan(scanner, name, request)
        else:
            outcome = _scan_with_cache(scanner, name, request, config, store, hashes)
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


def _scan(scanner: Scanner, name: str, request: ScanRequest) -> ScanOutcome:
    started = time.monotonic()
    try:
        return scanner.scan(request)
    except Exception as exc:  # a crashing adapter is a failed scanner, never a pass
        return ScanOutcome(
            scanner=name,
            version="unknown",
            error=f"{name} adapter crashed: {type(exc).__name__}: {exc}",
            duration=time.monotonic() - started,
        )


def _open_cache(change: Change, config: Config) -> ResultCache | None:
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
    try:
        relative = directory.resolve().relative_to(repo_root.resolve())
    except ValueError:
        return False  # outside the repository: the runner's own cache
    if any(p.is_symlink() for p in (directory, *directory.parents) if p != repo_root):
        return True
    tracked = git(repo_root, "ls-files", "-z", "--", relative.as_posix(), check=False)
    return tracked.returncode != 0 or bool(tracked.stdout)


class _ContentHashes:
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


def _scan_with_cache(
    scanner: Scanner,
    name: str,
    request: ScanRequest,
    config: Config,
    store: ResultCache,
    hashes: _ContentHashes,
) -> ScanOutcome:
    """Serve each (scanner, file) from the cache when its key matches; scan only the rest."""
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
    outcome = _scan(scanner, name, replace(request, targets=todo))
    if outcome.ok:
        _store(store, outcome, todo, keys, request.root)
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


class _Lines:
    def __init__(self, root: Path) -> None:
        self.root, self.cache = root, {}  # type: ignore[var-annotated]

    def __call__(self, path: str) -> list[str]:
        if path not in self.cache:
            try:
                data = (self.root / path).read_bytes()
                self.cache[path] = data.decode("utf-8", "replace").splitlines()
            except OSError:
                self.cache[path] = []
        lines: list[str] = self.cache[path]
        return lines


def _with_snippet(finding: Finding, lines: _Lines, catalog: Catalog) -> Finding:
    text = finding.snippet
    if not text:
        content = lines(finding.path)
        start = max(finding.start_line, 1)
        end = min(max(finding.end_line, start), start + _SNIPPET_LINES - 1)
        # Redact whole lines before cutting them: half a token no longer matches a detector.
        text = textwrap.dedent(
            "\n".join(redact(line)[:_SNIPPET_WIDTH] for line in content[start - 1 : end])
        ).strip("\n")
    controls = finding.controls or catalog.controls_for_cwe(finding.cwe)
    return replace(
        finding, snippet=redact(text), message=redact(finding.message), controls=controls
    )


def build_report(
    *,
    change: Change,
    config: Config,
    catalog: Catalog,
    scanners: Mapping[str, Scanner],
    plan: Plan,
    outcomes: Mapping[str, ScanOutcome],
    risk_fn: Callable[[Change, tuple[Finding, ...], Config], Risk] | None = None,
    notes: tuple[str, ...] = (),
) -> Report:
    lines = _Lines(change.content_root)
    raw: list[Finding] = []
    analysed_by: dict[str, list[str]] = {}
    runs: list[ScannerRun] = []
    for name, scanner in scanners.items():
        outcome = outcomes.get(name)
        if outcome is None:
            runs.append(ScannerRun(name=name, version=scanner.version(), status="not-needed"))
            continue
        targeted = {t.path for t in plan.targets[name]}
        raw.extend(f for f in outcome.findings if f.path in targeted)
        unanalysed = dict(outcome.unanalysed)
        if outcome.ok:
            for path in outcome.files:
                if path not in unanalysed:
                    analysed_by.setdefault(path, []).append(name)
        runs.append(
            ScannerRun(
                name=name,
                version=outcome.version,
                status="ok" if outcome.ok else "error",
                files=len(outcome.files),
                duration=round(outcome.duration, 3),
                error=outcome.error,
                cached=outcome.cached,
            )
        )
    enriched = tuple(_with_snippet(f, lines, catalog) for f in raw)
    files = {f.path: f for f in change.files}
    decided = apply_policy(merge_duplicates(enriched), files, config, lines)
    findings = assign_fingerprints(decided)
    coverage = tuple(
        FileCoverage(
            path=f.path,
            language=plan.languages.get(f.path, "unknown"),
            change=f.kind.value,
            scanners=tuple(sorted(analysed_by.get(f.path, ()))),
            skipped=plan.coverage_skips.get(f.path)
            or ("" if analysed_by.get(f.path) else "every scanner for it failed"),
        )
        for f in change.files
    )
    verdict, reason = decide_verdict(findings, runs, coverage, config)
    risk = risk_fn(change, findings, config) if risk_fn else Risk()
    # Data classes the change touches: from findings and from the tier's look at the
    # identifiers on added lines (signals named "data:PAN", ...).
    data_classes = sorted(
        {c for f in findings if f.is_active for c in f.data_classes}
        | {s.signal.split(":", 1)[1] for s in risk.signals if s.signal.startswith("data:")}
        - {"identifiers-not-classified"}
    )
    return Report(
        gate_version=__version__,
        verdict=verdict,
        verdict_reason=reason,
        change=ChangeInfo(
            mode=change.mode.value,
            description=change.description,
            base_ref=change.base_ref,
            base_sha=change.base_sha,
            head_sha=change.head_sha,
            files_changed=len(change.files),
            lines_added=sum(f.added_count() for f in change.files if not f.whole),
        ),
        findings=findings,
        coverage=coverage,
        scanners=tuple(runs),
        packs=tuple(
            PackRef(
                id=p.id,
                version=p.version,
                digest=p.digest,
                framework=p.framework,
                framework_id=p.framework_id,
                rules=len(p.rule_ids),
            )
            for p in catalog.packs
        ),
        controls=control_coverage(catalog, findings, coverage),
        data_classes=tuple(data_classes),
        risk=risk,
        fail_on=config.fail_on,
        warn_on=config.warn_on,
        filter_mode=config.filter_mode,
        config_source=config.source,
        config=_plain(config.raw),
        notes=notes + change.notes,
    )


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


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


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)
