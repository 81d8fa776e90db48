"""The one data type that flows from scanners to reporters: `Finding`."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum


class Severity(str, Enum):
    """Ordered from most to least severe; `rank` gives a comparable number."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def at_least(self, other: Severity) -> bool:
        return self.rank >= other.rank

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Accept gate's names and the common scanner spellings (ERROR, WARNING, ...)."""
        text = value.strip().lower()
        return cls(_SEVERITY_ALIASES.get(text, text))


_SEVERITY_RANK = {
    Severity.INFO: 0,
    Severity.LOW: 1,
    Severity.MEDIUM: 2,
    Severity.HIGH: 3,
    Severity.CRITICAL: 4,
}
_SEVERITY_ALIASES = {
    "error": "high",
    "warning": "medium",
    "note": "low",
    "inventory": "info",
    "experiment": "info",
    "undefined": "low",
}


class Confidence(str, Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Category(str, Enum):
    """What kind of problem, for grouping in reports."""

    SECURITY = "security"
    COMPLIANCE = "compliance"
    SECRETS = "secrets"
    ERROR_HANDLING = "error-handling"
    GATE = "gate"  # problems with gate's own inputs (suppression without reason, ...)


class Status(str, Enum):
    """What the policy decided about a finding. Filters mark, they never drop."""

    ACTIVE = "active"  # counts toward the verdict
    SUPPRESSED = "suppressed"  # inline `gate: ignore[...] -- reason`
    OUTSIDE_DIFF = "outside-diff"  # not on lines this change touched (filter mode)
    EXCLUDED = "excluded"  # path excluded or rule disabled by config
    WAIVED = "waived"  # reserved for waivers with owner, reason and expiry
    PRE_EXISTING = "pre-existing"  # on a changed line, but in the base already (moved, re-indented)


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One problem at one place, normalized across scanners.

    `controls` holds framework-qualified ids such as ``pci-dss-4.0:3.5.1`` or
    ``soc2:CC6.7``; `cwe` holds ``CWE-532``-style ids; `owasp` holds ``A09:2021``.
    """

    rule_id: str
    sources: tuple[str, ...]  # scanners that reported it: ("semgrep", "bandit")
    source_rule_ids: tuple[str, ...] = ()  # the scanners' own ids, e.g. ("B105",)
    severity: Severity
    confidence: Confidence = Confidence.MEDIUM
    category: Category = Category.SECURITY
    pack: str = ""
    path: str
    start_line: int
    end_line: int
    start_col: int = 0
    end_col: int = 0
    title: str = ""
    message: str
    remediation: str = ""
    cwe: tuple[str, ...] = ()
    owasp: tuple[str, ...] = ()
    controls: tuple[str, ...] = ()
    data_classes: tuple[str, ...] = ()  # PAN, SAD, CHD, CRED, PII
    references: tuple[str, ...] = ()
    snippet: str = ""  # read by gate from the file, secrets redacted
    fingerprint: str = ""
    status: Status = Status.ACTIVE
    status_reason: str = ""
    baseline_state: str = ""  # SARIF baselineState: new | unchanged | updated ("" = not compared)
    trace_lines: tuple[int, ...] = ()  # taint trace lines (source, steps, sink) in `path`

    @property
    def is_active(self) -> bool:
        return self.status is Status.ACTIVE

    def mark(self, status: Status, reason: str) -> Finding:
        return replace(self, status=status, status_reason=reason)


_WHITESPACE = re.compile(r"\s+")


def normalize_snippet(snippet: str) -> str:
    """Whitespace-insensitive form used for fingerprints (re-indenting keeps identity)."""
    return _WHITESPACE.sub(" ", snippet).strip()


def fingerprint(rule_id: str, path: str, snippet: str, occurrence: int) -> str:
    """Stable id: survives the finding moving to another line, changes if the code changes."""
    material = "\x00".join((rule_id, path, normalize_snippet(snippet), str(occurrence)))
    return hashlib.sha256(material.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def assign_fingerprints(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Give each finding its fingerprint; identical snippets get occurrence 0, 1, ..."""
    ordered = sorted(findings, key=sort_key)
    seen: dict[tuple[str, str, str], int] = {}
    result = []
    for finding in ordered:
        key = (finding.rule_id, finding.path, normalize_snippet(finding.snippet))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        result.append(
            replace(
                finding,
                fingerprint=fingerprint(finding.rule_id, finding.path, finding.snippet, occurrence),
            )
        )
    return tuple(result)


def sort_key(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.path, finding.start_line, -finding.severity.rank, finding.rule_id)


def merge_duplicates(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """One finding per real problem: the same line reported by two scanners with a
    shared CWE (or the same rule id) becomes one finding with both sources."""
    merged: list[Finding] = []
    for finding in sorted(findings, key=sort_key):
        for index, existing in enumerate(merged):
            if _same_problem(existing, finding):
                merged[index] = _combine(existing, finding)
                break
        else:
            merged.append(finding)
    return tuple(merged)


def _same_problem(a: Finding, b: Finding) -> bool:
    """Two scanners' views of one problem: same file, overlapping lines, and either the
    same rule or (from different scanners) a shared CWE. One scanner's two hits of the
    same rule on different start lines stay two findings."""
    if a.path != b.path or a.start_line > b.end_line or b.start_line > a.end_line:
        return False
    shared_cwe = bool(set(a.cwe) & set(b.cwe))
    if a.sources == b.sources:
        if a.start_line != b.start_line:
            return False
        # Two packs' rules for one weakness on one line (pci-weak-crypto, sec-weak-hash).
        return a.rule_id == b.rule_id or (a.pack != b.pack and shared_cwe)
    return a.rule_id == b.rule_id or shared_cwe


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a + b))


def _combine(a: Finding, b: Finding) -> Finding:
    primary, other = (a, b) if a.severity.rank >= b.severity.rank else (b, a)
    return replace(
        primary,
        sources=_union(primary.sources, other.sources),
        source_rule_ids=_union(primary.source_rule_ids, other.source_rule_ids),
        end_line=max(a.end_line, b.end_line),
        cwe=_union(primary.cwe, other.cwe),
        owasp=_union(primary.owasp, other.owasp),
        controls=_union(primary.controls, other.controls),
        data_classes=_union(primary.data_classes, other.data_classes),
        references=_union(primary.references, other.references),
        trace_lines=tuple(sorted(set(a.trace_lines) | set(b.trace_lines))),
    )
