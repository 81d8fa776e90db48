"""Policy: decide the status of every finding. Filters mark, they never drop.

Order: configured rule disables and severity overrides, then the diff filter mode,
then inline suppressions. A suppression must say why:

    query = f"..."  # gate: ignore[sec-sql-injection] -- input is an enum, see #123

Any comment syntax works (`#`, `//`, `--`, `/* */`, `<!-- -->`); it applies to its own
line or, written on a line by itself, to the next one. Without a reason it does not
suppress, and the attempt is itself reported.

Inline suppression is itself under policy (`inline_suppressions:` in `.gate.yml`): the
reason must be of real length (`min_reason`, default 10 characters), and critical
findings, PCI data-exposure rules (`pci-pan-*`, `pci-sad-*`) and findings about PAN or
SAD cannot be suppressed inline at all by default: the author of a change could silence
them in their own PR. They need a reviewed waiver (`gate.policy.waivers`). A refused
suppression leaves the finding active and is reported as a finding of its own.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from gate.change.model import ChangedFile
from gate.findings import Category, Confidence, Finding, Severity, Status
from gate.globs import matches_any
from gate.policy.config import Config
from gate.policy.profiles import path_overrides

SUPPRESSION_RULE = "gate-suppression-without-reason"
SUPPRESSION_REFUSED_RULE = "gate-suppression-not-allowed"
_SUPPRESSION = re.compile(
    r"gate:\s*ignore\[(?P<ids>[^\]]*)\]"
    r"(?:[ \t]*(?:--|:|—)[ \t]*(?P<reason>.*?))?[ \t]*(?:\*/|-->)?[ \t]*$"
)

LineReader = Callable[[str], list[str]]  # path -> file lines (empty when unreadable)


@dataclass(frozen=True, slots=True)
class Suppression:
    rule_ids: tuple[str, ...]
    reason: str
    line: int


def parse_suppression(line_text: str, line_number: int) -> Suppression | None:
    match = _SUPPRESSION.search(line_text)
    if match is None:
        return None
    ids = tuple(i.strip() for i in match.group("ids").split(",") if i.strip())
    return Suppression(ids, (match.group("reason") or "").strip(), line_number)


def apply_policy(
    findings: tuple[Finding, ...],
    files: Mapping[str, ChangedFile],
    config: Config,
    read_lines: LineReader,
) -> tuple[Finding, ...]:
    result: list[Finding] = []
    reasonless: dict[tuple[str, int], Finding] = {}
    for finding in findings:
        finding = _configured(finding, config)
        if finding.is_active:
            finding = _filter_mode(finding, files.get(finding.path), config.filter_mode)
        if finding.is_active:
            suppression = _find_suppression(finding, read_lines(finding.path))
            refusal = _refused(finding, suppression, config) if suppression else ""
            if suppression is not None and refusal:
                key = (finding.path, suppression.line)
                reasonless.setdefault(key, _refused_finding(finding, suppression, refusal))
                finding = finding.mark(Status.ACTIVE, f"inline suppression refused: {refusal}")
            elif suppression is not None and suppression.reason:
                finding = finding.mark(Status.SUPPRESSED, suppression.reason)
            elif suppression is not None:
                key = (finding.path, suppression.line)
                reasonless.setdefault(key, _reasonless_finding(finding, suppression))
        result.append(finding)
    return tuple(result) + tuple(reasonless.values())


def _refused(finding: Finding, suppression: Suppression, config: Config) -> str:
    """Why the inline policy refuses this suppression ("" when it is allowed)."""
    rules = dict(config.raw.get("inline_suppressions") or {})
    if not suppression.reason:
        return ""  # reported as a suppression without a reason
    minimum = int(rules.get("min_reason", 10))
    if len(suppression.reason) < minimum:
        return (
            f"the reason '{suppression.reason}' is shorter than {minimum} characters; "
            "say why the finding is safe"
        )
    waiver = "it needs a reviewed waiver (`gate waive FINGERPRINT`, see docs/governance.md)"
    if finding.severity.value in tuple(rules.get("forbid_severities", ("critical",))):
        return f"{finding.severity.value} findings cannot be suppressed inline; {waiver}"
    if matches_id(finding, tuple(rules.get("forbid_rules", ("pci-pan-*", "pci-sad-*")))):
        return f"rule {finding.rule_id} cannot be suppressed inline; {waiver}"
    classes = set(finding.data_classes) & set(rules.get("forbid_data_classes", ("PAN", "SAD")))
    if classes:
        return f"findings about {', '.join(sorted(classes))} cannot be suppressed inline; {waiver}"
    if finding.pack and finding.pack in tuple(rules.get("forbid_packs", ())):
        return f"rules of pack {finding.pack} cannot be suppressed inline; {waiver}"
    return ""


def matches_id(finding: Finding, patterns: tuple[str, ...]) -> bool:
    ids = (finding.rule_id, *finding.source_rule_ids)
    return any(fnmatch.fnmatchcase(i, p) for i in ids for p in patterns)


def _refused_finding(finding: Finding, suppression: Suppression, refusal: str) -> Finding:
    return replace(
        _reasonless_finding(finding, suppression),
        rule_id=SUPPRESSION_REFUSED_RULE,
        severity=Severity.LOW,
        title="Inline suppression not allowed",
        message=f"This comment tries to suppress {finding.rule_id}, but {refusal}.",
        remediation=(
            "Fix the finding, or record a waiver with an owner, a ticket, an expiry and an "
            "approver other than the author: `gate waive FINGERPRINT --reason ... --expires ...`."
        ),
    )


def _configured(finding: Finding, config: Config) -> Finding:
    disabled = set(config["disable_rules"])
    severities = dict(config["severity"])
    for override in path_overrides(config.raw):
        if matches_any(finding.path, override["paths"]):
            disabled.update(override["disable_rules"])
            severities.update(override["severity"])
    if finding.rule_id in disabled or set(finding.source_rule_ids) & disabled:
        return finding.mark(Status.EXCLUDED, "rule disabled in configuration")
    if finding.rule_id in severities:
        return replace(finding, severity=Severity(severities[finding.rule_id]))
    return finding


def _filter_mode(finding: Finding, changed: ChangedFile | None, mode: str) -> Finding:
    if mode == "nofilter":
        return finding
    if changed is None:
        return finding.mark(Status.OUTSIDE_DIFF, "file not changed by this change")
    if mode == "file":
        return finding
    lines = range(finding.start_line, max(finding.start_line, finding.end_line) + 1)
    if mode == "diff_context":
        if any(changed.line_in_hunk(n) for n in lines):
            return finding
        return _traced(finding, changed) or finding.mark(
            Status.OUTSIDE_DIFF, "not within a changed hunk"
        )
    if any(changed.line_added(n) for n in lines):
        return finding
    return (
        _traced(finding, changed)
        or _deleted_inside(finding, changed)
        or finding.mark(Status.OUTSIDE_DIFF, "on a line this change did not add")
    )


def _deleted_inside(finding: Finding, changed: ChangedFile) -> Finding | None:
    """A statement the change deleted code from (a timeout argument, a verify flag, an
    auth decorator inside the matched range) was changed by it, though it adds no line.
    Findings that were already there before are still told apart by the baseline."""
    point = changed.deletion_inside(finding.start_line, finding.end_line)
    if point is None:
        return None
    note = f"this change deleted code after line {point}, inside the flagged statement"
    return replace(finding.mark(Status.ACTIVE, note), message=f"{finding.message} ({note}.)")


def _traced(finding: Finding, changed: ChangedFile) -> Finding | None:
    """A taint finding whose data-flow trace passes through an added line was introduced
    by the change, though its sink (the reported location) is an old line."""
    added = next((n for n in finding.trace_lines if changed.line_added(n)), None)
    if added is None:
        return None
    note = f"introduced at line {added} by this change"
    message = f"{finding.message} The data reaching this line was {note}."
    return replace(finding.mark(Status.ACTIVE, note), message=message)


def _find_suppression(finding: Finding, lines: list[str]) -> Suppression | None:
    candidates = [finding.start_line]
    above = finding.start_line - 1
    if above >= 1 and above <= len(lines) and _comment_only(lines[above - 1]):
        candidates.append(above)
    for number in candidates:
        if 1 <= number <= len(lines):
            suppression = parse_suppression(lines[number - 1], number)
            if suppression and _names(suppression, finding):
                return suppression
    return None


def _comment_only(text: str) -> bool:
    return text.strip().startswith(("#", "//", "--", "/*", "<!--", "*"))


def _names(suppression: Suppression, finding: Finding) -> bool:
    ids = set(suppression.rule_ids)
    return finding.rule_id in ids or bool(ids & set(finding.source_rule_ids))


def _reasonless_finding(finding: Finding, suppression: Suppression) -> Finding:
    return Finding(
        rule_id=SUPPRESSION_RULE,
        sources=("gate",),
        severity=Severity.MEDIUM,
        confidence=Confidence.HIGH,
        category=Category.GATE,
        pack="gate",
        path=finding.path,
        start_line=suppression.line,
        end_line=suppression.line,
        title="Suppression without a reason",
        message=(
            f"This comment tries to suppress {finding.rule_id} but gives no reason, so it "
            "does not suppress anything. Reviewers and auditors need to know why a finding "
            "is acceptable."
        ),
        remediation=(
            f"Write `gate: ignore[{finding.rule_id}] -- <why this is safe>`, or fix the finding."
        ),
        cwe=(),
        controls=("soc2:CC8.1",),
    )
