"""`Report`: the one result every reporter, poster and the JSON file are built from.

It records everything needed to reproduce and audit a verdict: what was compared,
which scanner and pack versions ran on which files, what was not analysed and why,
the effective configuration, every finding (suppressed and filtered ones included,
marked with their reason), the risk tier with its signals, and the verdict.
"""

from __future__ import annotations

import dataclasses
import json
import types
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

from gate._compat import assert_never
from gate.findings import Category, Finding, Severity, Status

SCHEMA_VERSION = "1.0"


class Verdict(str, Enum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    ERROR = "error"

    @property
    def exit_code(self) -> int:
        """The only map from verdict to process exit code."""
        if self is Verdict.PASS or self is Verdict.WARN:
            return 0
        if self is Verdict.FAIL:
            return 1
        if self is Verdict.ERROR:
            return 3
        assert_never(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeInfo:
    mode: str
    description: str
    base_ref: str = ""
    base_sha: str = ""
    head_sha: str = ""
    files_changed: int = 0
    lines_added: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class FileCoverage:
    path: str
    language: str
    change: str  # ChangeKind value
    scanners: tuple[str, ...] = ()  # scanners that analysed it successfully
    skipped: str = ""  # why it was not analysed at all: binary, too large, excluded, ...


@dataclass(frozen=True, slots=True, kw_only=True)
class ScannerRun:
    name: str
    version: str
    status: str  # ok | error | disabled | not-needed
    files: int = 0
    duration: float = 0.0
    error: str = ""
    cached: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class PackRef:
    id: str
    version: str
    digest: str
    framework: str = ""
    framework_id: str = ""
    rules: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class ControlStatus:
    framework: str  # framework id, e.g. pci-dss-4.0
    control: str  # e.g. 3.5.1
    title: str
    status: str  # findings | evaluated | not-applicable
    findings: int = 0
    reason: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class DataEvidence:
    """What showed a data class (a `data:*` risk signal): the identifier that holds the
    data and its line (gate.policy.carriers), or the finding whose rule names the class."""

    identifier: str  # variable, parameter, attribute, key or column; "" if a rule matched none
    path: str
    line: int
    how: str  # "identifier", "value" (its literal looks like the data), or a finding's rule id


@dataclass(frozen=True, slots=True, kw_only=True)
class RiskSignal:
    signal: str  # machine name, e.g. "path:payments", "severity:critical"
    detail: str  # human sentence
    tier: int  # the tier this signal alone would give
    evidence: tuple[DataEvidence, ...] = ()  # data:* signals: every identifier and line


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewGroup:
    """Approvers a routing rule requires (gate.decision.routing): any `approvals` of the
    members (users, or "org/team") who are neither the author nor the last committer."""

    name: str
    members: tuple[str, ...]
    approvals: int = 1
    reason: str = ""  # which rule or CODEOWNERS area required it, and why


@dataclass(frozen=True, slots=True, kw_only=True)
class Risk:
    tier: int = 0
    name: str = "routine"
    signals: tuple[RiskSignal, ...] = ()
    reviewers: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    blocking: bool = False
    review_note: str = ""
    required: tuple[ReviewGroup, ...] = ()  # routing: approvals the check waits for
    routes: tuple[str, ...] = ()  # routing: which rule matched and why, one line each


@dataclass(frozen=True, slots=True, kw_only=True)
class WaiverUse:
    """What a waiver did in this run (gate.policy.waiving): the register's one line."""

    id: str
    status: str  # applied | pending | expired | invalid | stale | unused
    source: str = ""  # "base branch", "approved on the PR", "working tree (local run)"
    approved_by: tuple[str, ...] = ()  # logins whose approval made it count
    fingerprints: tuple[str, ...] = ()  # findings it waived (or would have)
    rule: str = ""
    expires: str = ""
    owner: str = ""
    reference: str = ""  # ticket or link
    reason: str = ""
    detail: str = ""  # "expired on 2026-01-31", "pending approval by alice or bob", ...
    warning: str = ""  # "expires on 2026-02-04 (in 3 days)"


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    schema_version: str = SCHEMA_VERSION
    gate_version: str
    verdict: Verdict
    verdict_reason: str
    change: ChangeInfo
    findings: tuple[Finding, ...] = ()
    coverage: tuple[FileCoverage, ...] = ()
    scanners: tuple[ScannerRun, ...] = ()
    packs: tuple[PackRef, ...] = ()
    controls: tuple[ControlStatus, ...] = ()
    data_classes: tuple[str, ...] = ()
    risk: Risk = field(default_factory=Risk)
    fail_on: str = "high"  # a severity name, or "never"
    warn_on: str = "medium"
    filter_mode: str = "added"
    config_source: str = "defaults"
    config: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    repository: str = ""  # owner/name when known (CI)
    pull_request: int = 0
    waivers: tuple[WaiverUse, ...] = ()  # every waiver of the register and what it did

    category: str = ""  # SARIF automationDetails category (`gate run --category`); "" = gate
    shard: str = ""  # "K/N" for a `gate run --shard K/N` result (what `gate merge` checks)

    @property
    def exit_code(self) -> int:
        return self.verdict.exit_code

    @property
    def active(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status is Status.ACTIVE)

    def with_status(self, status: Status) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status is status)

    def severity_counts(self) -> dict[str, int]:
        """Active findings by severity, every severity present (0 when none)."""
        counts = Counter(f.severity.value for f in self.active)
        return {s.value: counts.get(s.value, 0) for s in Severity}

    def category_counts(self) -> dict[str, int]:
        counts = Counter(f.category.value for f in self.active)
        return {c.value: counts[c.value] for c in Category if counts[c.value]}

    def skipped_files(self) -> tuple[FileCoverage, ...]:
        return tuple(c for c in self.coverage if c.skipped)

    def to_dict(self) -> dict[str, Any]:
        return _encode(self)  # type: ignore[no-any-return]

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        return _decode(cls, data)  # type: ignore[no-any-return]


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _encode(v) for k, v in value.items()}
    return value


def _decode(kind: Any, data: Any) -> Any:
    """Inverse of `_encode` driven by type hints (enough for the types in this module)."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        return None if data is None else _decode(options[0], data)
    if origin is tuple:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], item) for item in data)
        return tuple(_decode(a, item) for a, item in zip(args, data, strict=False))
    if origin in (Mapping, dict) or kind is Any:
        return data
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(data)
    if dataclasses.is_dataclass(kind):
        hints = get_type_hints(kind)
        known = {f.name for f in dataclasses.fields(kind)}
        values = {k: _decode(hints[k], v) for k, v in data.items() if k in known}
        return kind(**values)  # type: ignore[operator]
    return data
