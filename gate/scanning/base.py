"""The small interface every scanner satisfies, and the values it takes and returns."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from gate.change.model import ChangedFile
from gate.findings import Finding
from gate.policy.packs import Catalog
from gate.policy.rules import RuleInfo


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanTarget:
    """A changed file a scanner should read: `root / file.path` on disk."""

    file: ChangedFile
    language: str

    @property
    def path(self) -> str:
        return self.file.path


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanRequest:
    root: Path  # directory holding the content to scan (repo work tree or an index export)
    targets: tuple[ScanTarget, ...]
    catalog: Catalog
    timeout: float
    critical_paths: tuple[str, ...] = ()  # globs where broad error handling matters most
    work_dir: Path | None = None  # private scratch directory for this run
    # Called (from any thread) with an outcome final for its own files as soon as part of
    # the scan finishes, e.g. one semgrep batch, so the result cache keeps finished work
    # even when the rest times out or fails (gate.scanning.cached).
    on_partial: Callable[[ScanOutcome], None] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanOutcome:
    scanner: str
    version: str
    findings: tuple[Finding, ...] = ()
    files: tuple[str, ...] = ()  # repo-relative paths the scanner analysed
    error: str = ""  # one line; non-empty means the scanner failed (fail closed)
    unanalysed: tuple[tuple[str, str], ...] = ()  # (path, why) files it could not analyse
    duration: float = 0.0
    cached: bool = False

    @property
    def ok(self) -> bool:
        return not self.error


_CREDENTIAL_NAME = re.compile(r"TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_KEY|API_KEY", re.I)


def scanner_env() -> dict[str, str]:
    """The environment for scanner subprocesses: the CI's tokens and secrets removed.
    Scanners only read files; nothing they run needs a credential."""
    return {k: v for k, v in os.environ.items() if not _CREDENTIAL_NAME.search(k)}


class UnreadableTargetError(Exception):
    """A target a native scanner cannot read; the message says why, for the coverage table."""


def read_target(root: Path, path: str, max_bytes: int) -> bytes:
    """The bytes of `root / path`, refusing what resolves outside `root` or is too large."""
    full = root / path
    try:
        if not full.resolve().is_relative_to(root.resolve()):
            raise UnreadableTargetError("resolves outside the scanned tree")
        size = full.stat().st_size
        if size > max_bytes:
            raise UnreadableTargetError(f"{size} bytes, over the {max_bytes}-byte limit")
        return full.read_bytes()
    except OSError as exc:
        raise UnreadableTargetError(f"cannot be read: {exc.strerror or exc}") from None


class Scanner(Protocol):
    name: str

    def accepts(self, target: ScanTarget, catalog: Catalog) -> bool:
        """Whether this scanner has anything to say about the target's language."""
        ...

    def version(self) -> str: ...

    def scan(self, request: ScanRequest) -> ScanOutcome: ...


def finding_from_rule(
    rule: RuleInfo,
    *,
    scanner: str,
    path: str,
    start_line: int,
    end_line: int | None = None,
    start_col: int = 0,
    end_col: int = 0,
    message: str | None = None,
    snippet: str = "",
    source_rule_id: str = "",
    data_classes: tuple[str, ...] = (),
    trace_lines: tuple[int, ...] = (),
) -> Finding:
    """A Finding carrying the rule's catalog metadata (message, fix, CWE, controls)."""
    return Finding(
        rule_id=rule.id,
        sources=(scanner,),
        source_rule_ids=(source_rule_id,) if source_rule_id else (),
        severity=rule.severity,
        confidence=rule.confidence,
        category=rule.category,
        pack=rule.pack,
        path=path,
        start_line=start_line,
        end_line=end_line if end_line is not None else start_line,
        start_col=start_col,
        end_col=end_col,
        title=rule.title,
        message=message or rule.message,
        remediation=rule.remediation,
        cwe=rule.cwe,
        owasp=rule.owasp,
        controls=rule.controls,
        data_classes=tuple(dict.fromkeys(rule.data_classes + data_classes)),
        references=rule.references,
        snippet=snippet,
        trace_lines=trace_lines,
    )


@dataclass(frozen=True, slots=True)
class FileScan:
    """What a native scanner found in one file; `skipped` when it had nothing to read."""

    findings: tuple[Finding, ...] = ()
    unanalysed: str = ""  # why the file could not be analysed
    skipped: bool = False


def scan_each_file(
    request: ScanRequest,
    *,
    scanner: str,
    version: str,
    scan_file: Callable[[ScanTarget], FileScan],
) -> ScanOutcome:
    """The per-file loop of gate's native scanners, with the run's deadline: past the
    timeout it stops and reports an error (fail closed) with what it had so far."""
    started = time.monotonic()
    findings: list[Finding] = []
    analysed: list[str] = []
    unanalysed: list[tuple[str, str]] = []
    error = ""
    for index, target in enumerate(request.targets):
        if time.monotonic() - started > request.timeout:
            left = len(request.targets) - index
            error = (
                f"{scanner}: stopped after {request.timeout:g}s with {left} file(s) not "
                "analysed; raise the scanner timeout in .gate.yml"
            )
            break
        result = scan_file(target)
        findings.extend(result.findings)
        if result.unanalysed:
            unanalysed.append((target.path, result.unanalysed))
        elif not result.skipped:
            analysed.append(target.path)
    return ScanOutcome(
        scanner=scanner,
        version=version,
        findings=tuple(findings),
        files=tuple(analysed),
        unanalysed=tuple(unanalysed),
        error=error,
        duration=time.monotonic() - started,
    )
