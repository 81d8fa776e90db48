"""gate's own error-handling analyzer as a scanner: name "heuristics", Python files only.

It reads each changed Python file from `request.root`, runs gate.scanning.analyzers over it and
turns each hit into a Finding carrying the native rule's metadata from the catalog
(policies/error-handling/native.yml). Only rules present in the catalog are reported, so
disabling the pack silences the analyzer.

Diff awareness: a rule fires only when lines this change added introduce or worsen the
problem - the new call, the except line or its body, the assert, the comment. For whole
files (`--files`, `--all`, untracked) every line counts as added.

Files that cannot be analysed are never a silent pass. A file that does not parse (syntax
error, null bytes, nesting too deep), cannot be read, or exceeds the size limit is left
out of `ScanOutcome.files`, listed in `ScanOutcome.unanalysed` with the reason (so the
coverage table does not count it as analysed by this scanner), and reported as an
`eh-file-not-analysed` finding (severity info, category gate) at the line where parsing
failed, so the PR comment itself says which file no error-handling check covered and why.

Bytes that are not valid in the file's encoding (UTF-8 unless a PEP 263 cookie says
otherwise) do not stop the analysis: they are replaced with U+FFFD, which keeps every
line number. Symlinks,
submodules and binary files are skipped: they carry no Python source of their own.
Running past `request.timeout` stops the scan with an error (fail closed).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import gate
from gate.findings import Finding
from gate.policy.packs import Catalog
from gate.scanning.analyzers import NotAnalysedError, analyse, decode
from gate.scanning.analyzers._model import Hit
from gate.scanning.base import (
    FileScan,
    ScanOutcome,
    ScanRequest,
    ScanTarget,
    UnreadableTargetError,
    finding_from_rule,
    read_target,
    scan_each_file,
)
from gate.scanning.redact import redact

NAME = "heuristics"
NOT_ANALYSED = "eh-file-not-analysed"
MAX_BYTES = 2_000_000


class HeuristicsScanner:
    name = NAME

    def accepts(self, target: ScanTarget, catalog: Catalog) -> bool:
        return target.language == "python" and any(
            "python" in rule.languages for rule in catalog.rules_for_engine(NAME)
        )

    def version(self) -> str:
        return f"gate-heuristics {gate.__version__}"

    def scan(self, request: ScanRequest) -> ScanOutcome:
        def scan_file(target: ScanTarget) -> FileScan:
            file = target.file
            if file.is_symlink or file.is_submodule or file.is_binary:
                return FileScan(skipped=True)
            try:
                source = _read(request.root, target.path)
                hits = analyse(
                    source,
                    path=target.path,
                    file=file,
                    critical_paths=request.critical_paths,
                )
            except NotAnalysedError as exc:
                found = _not_analysed(request.catalog, target.path, exc)
                return FileScan(findings=tuple(found), unanalysed=exc.reason)
            lines = source.splitlines()
            return FileScan(findings=tuple(_findings(request.catalog, target.path, hits, lines)))

        return scan_each_file(request, scanner=NAME, version=self.version(), scan_file=scan_file)


def _read(root: Path, path: str) -> str:
    try:
        return decode(read_target(root, path, MAX_BYTES))
    except UnreadableTargetError as exc:
        raise NotAnalysedError(str(exc)) from None


def _findings(
    catalog: Catalog, path: str, hits: tuple[Hit, ...], lines: list[str]
) -> list[Finding]:
    result = []
    for hit in hits:
        rule = catalog.rule(hit.rule_id)
        if rule is None:
            continue
        snippet = lines[hit.line - 1].strip() if 0 < hit.line <= len(lines) else ""
        finding = finding_from_rule(
            rule,
            scanner=NAME,
            path=path,
            start_line=hit.line,
            end_line=hit.end_line,
            start_col=hit.col + 1,
            message=f"{hit.detail} {rule.message}" if hit.detail else None,
            snippet=redact(snippet),
            source_rule_id=hit.rule_id,
        )
        result.append(replace(finding, severity=hit.severity) if hit.severity else finding)
    return result


def _not_analysed(catalog: Catalog, path: str, exc: NotAnalysedError) -> list[Finding]:
    rule = catalog.rule(NOT_ANALYSED)
    if rule is None:
        return []
    finding = finding_from_rule(
        rule,
        scanner=NAME,
        path=path,
        start_line=exc.line,
        message=f"Not analysed: {exc.reason}. {rule.message}",
        source_rule_id=NOT_ANALYSED,
    )
    return [replace(finding, snippet="")]
