"""diff -> scanners (in parallel) -> findings -> policy -> verdict -> Report."""

from __future__ import annotations

import importlib
import os
import tempfile
import textwrap
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gate import __version__
from gate.config import Config
from gate.diff import Change, ChangedFile, ChangeKind
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
        started = time.monotonic()
        try:
            outcome = scanner.scan(request)
        except Exception as exc:  # a crashing adapter is a failed scanner, never a pass
            outcome = ScanOutcome(
                scanner=name,
                version="unknown",
                error=f"{name} adapter crashed: {type(exc).__name__}: {exc}",
                duration=time.monotonic() - started,
            )
        if progress:
            progress(name, "error" if outcome.error else "done")
        return outcome

    names = [n for n in scanners if plan.targets[n]]
    if not names:
        return {}
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        return dict(zip(names, pool.map(one, names), strict=True))


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
        text = textwrap.dedent(
            "\n".join(line[:_SNIPPET_WIDTH] for line in content[start - 1 : end])
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
    data_classes = sorted({c for f in findings if f.is_active for c in f.data_classes})
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
