"""The Markdown document behind the PR comment (`markdown`) and the step summary (`summary`).

Templates live in ``reporters/templates`` and are loaded with Jinja2's `PackageLoader`, so
they ship in the wheel. Escaping is on by default: every ``{{ value }}`` is passed to
`escape.md_text` by the environment's `finalize`, unless it is an `Md` value, which only
the escaping filters (`code`, `code_cell`, `link`, `codeblock`) and gate's own fixed
strings produce. A template that forgets a filter is therefore safe, merely less pretty.

Size: the document is measured in UTF-8 bytes (never fewer than characters or UTF-16
units, so it is within GitHub's limit however GitHub counts). Findings are listed most
severe first; when the whole list does not fit, the least severe are left out and a note
says how many. Long lists (controls, unanalysed files) are capped as well.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath
from typing import Any

import jinja2
from gate.reporters import escape
from gate.reporters._common import (
    CATEGORY_LABELS,
    SEVERITY_ICONS,
    VERDICT_ICONS,
    Level,
    blob_url,
    clip,
    level,
    lines_label,
    most_severe_first,
    plural,
    pre_existing_line,
    reported,
    status_counts,
)

from gate.findings import Category, Finding, Severity, Status
from gate.report import Report, ScannerRun, Verdict

MARKER = "<!-- gate:report -->"
MAX_MESSAGE = 1_000
MAX_SNIPPET_LINES = 12
MAX_SNIPPET_CHARS = 800
MAX_CONTROLS = 60
MAX_SKIPPED = 25
MAX_SET_ASIDE = 200
MAX_PRE_EXISTING = 50

_LANGUAGES = {
    ".py": "python",
    ".js": "javascript",
    ".jsx": "jsx",
    ".ts": "typescript",
    ".tsx": "tsx",
    ".java": "java",
    ".go": "go",
    ".rb": "ruby",
    ".php": "php",
    ".cs": "csharp",
    ".kt": "kotlin",
    ".yml": "yaml",
    ".yaml": "yaml",
    ".json": "json",
    ".tf": "hcl",
}


class Md(str):
    """Markdown that is already safe to emit as is."""

    __slots__ = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Target:
    """Where the document goes: its size limit and what it includes."""

    limit: int  # UTF-8 bytes
    marker: bool
    list_set_aside: bool  # list suppressed / waived findings with their reasons
    coverage_open: bool
    output: str  # the output format name, for `show_below_warn_on`
    short_when_quiet: bool = False  # nothing to act on: verdict, tier, one coverage line


COMMENT = Target(
    limit=65_000,
    marker=True,
    list_set_aside=False,
    coverage_open=False,
    output="markdown",
    short_when_quiet=True,
)
SUMMARY = Target(
    limit=1_000_000, marker=False, list_set_aside=True, coverage_open=True, output="summary"
)


def _finalize(value: Any) -> str:
    if isinstance(value, Md):
        return value
    if isinstance(value, bool) or value is None:
        raise TypeError(f"refusing to print {value!r} into Markdown")
    if isinstance(value, (int, float)):
        return str(value)
    return escape.md_text(str(value))


def _code(value: Any) -> Md:
    return Md(escape.md_code(str(value)))


def _code_cell(value: Any) -> Md:
    return Md(escape.md_code(str(value), table=True))


def _codes(values: Any, sep: str = ", ") -> Md:
    return Md(sep.join(escape.md_code(str(v)) for v in values))


def _link(text: Any, url: str) -> Md:
    """``[`text`](url)`` when gate built a URL, else just the code span."""
    label = escape.md_code(str(text))
    return Md(f"[{label}]({url})" if url else label)


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("gate.reporters", "templates"),
        autoescape=False,  # HTML escaping is wrong for Markdown: `finalize` escapes instead
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        code=_code,
        code_cell=_code_cell,
        codes=_codes,
        link=_link,
        seconds=lambda value: Md(f"{float(value):.2f} s"),
        plural=lambda count, word: Md(plural(int(count), str(word))),
    )
    return env


def _clean_controls(controls: list[Any]) -> list[tuple[str, list[str]]]:
    """(framework, control ids) of the controls evaluated with no finding, in order."""
    grouped: dict[str, list[str]] = {}
    for c in controls:
        if c.status == "evaluated":
            grouped.setdefault(c.framework, []).append(c.control)
    return list(grouped.items())


def size(text: str) -> int:
    return len(text.encode("utf-8"))


def build(report: Report, target: Target) -> str:
    env = _environment()
    ordered = most_severe_first(reported(report, target.output))
    blocks = [_finding_block(env, report, f) for f in ordered]
    skeleton = _document(env, report, target, ordered, blocks, shown=0)
    budget = target.limit - size(skeleton) - 400  # room for section headers and the note
    shown, used = 0, 0
    for block in blocks:
        cost = size(block) + 2
        if used + cost > budget:
            break
        used += cost
        shown += 1
    text = _document(env, report, target, ordered, blocks, shown=shown)
    while size(text) > target.limit and shown:
        shown -= max(1, shown // 10)
        text = _document(env, report, target, ordered, blocks, shown=shown)
    if size(text) > target.limit:
        text = _minimal(report, target)
    return text


def _document(
    env: jinja2.Environment,
    report: Report,
    target: Target,
    ordered: list[Finding],
    blocks: list[Md],
    *,
    shown: int,
) -> str:
    visible = list(zip(ordered[:shown], blocks[:shown], strict=True))
    sections = []
    for category in Category:
        members = [(f, b) for f, b in visible if f.category is category]
        total = sum(1 for f in ordered if f.category is category)
        if not total:
            continue
        sections.append(
            {
                "label": Md(CATEGORY_LABELS[category]),
                "count": total,
                "blocks": [b for _, b in members],
                "hidden": total - len(members),
                "open": any(level(report, f) is Level.FAIL for f, _ in members),
            }
        )
    counts = status_counts(report)
    shown_counts = Counter(f.severity for f in ordered)
    controls = sorted(report.controls, key=lambda c: (c.framework, c.control))
    listed = [c for c in controls if c.status != "evaluated"]
    skipped = sorted(report.skipped_files(), key=lambda c: c.path)
    set_aside = [
        f
        for f in most_severe_first(report.findings)
        if f.status in (Status.SUPPRESSED, Status.WAIVED)
    ]
    pre_existing = most_severe_first(report.with_status(Status.PRE_EXISTING))
    failed = [s for s in report.scanners if s.status == "error"]
    context = {
        "quiet": target.short_when_quiet and _quiet(report, ordered, failed),
        "report": report,
        "pre_existing": pre_existing[:MAX_PRE_EXISTING],
        "pre_existing_hidden": max(0, len(pre_existing) - MAX_PRE_EXISTING),
        "pre_existing_line": pre_existing_line(tuple(pre_existing)) if pre_existing else "",
        "marker": Md(MARKER) if target.marker else None,
        "verdict_icon": Md(VERDICT_ICONS[report.verdict]),
        "severity_columns": [
            (Md(f"{SEVERITY_ICONS[s]} {s.value.capitalize()}"), shown_counts[s]) for s in Severity
        ],
        "below_warn": len(report.active) - len(ordered),
        "active": len(ordered),
        "sections": sections,
        "hidden": len(ordered) - shown,
        "counts": {s.value.replace("-", "_"): n for s, n in counts.items()},
        "set_aside": set_aside[:MAX_SET_ASIDE] if target.list_set_aside else [],
        "set_aside_hidden": max(0, len(set_aside) - MAX_SET_ASIDE) if target.list_set_aside else 0,
        # one table row per control with findings or not applicable; the clean ones (most,
        # on most PRs) are one line of ids per framework, so the table is what to read
        "controls": listed[:MAX_CONTROLS],
        "controls_hidden": max(0, len(listed) - MAX_CONTROLS),
        "controls_clean": _clean_controls(controls),
        # folded unless a control has findings: a clean PR's comment fits on one screen
        "controls_with_findings": sum(1 for c in controls if c.status == "findings"),
        "controls_evaluated": sum(1 for c in controls if c.status == "evaluated"),
        "controls_na": sum(1 for c in controls if c.status == "not-applicable"),
        "scanners": sorted(report.scanners, key=lambda s: s.name),
        "failed_scanners": failed,
        "analysed": sum(1 for c in report.coverage if not c.skipped),
        "skipped": skipped[:MAX_SKIPPED],
        "skipped_total": len(skipped),
        "skipped_hidden": max(0, len(skipped) - MAX_SKIPPED),
        "coverage_open": target.coverage_open,
        "lines_label": lines_label,
        "blob_url": lambda f: blob_url(report, f),
    }
    return env.get_template("report.md.j2").render(context)


def _quiet(report: Report, ordered: list[Finding], failed: list[ScannerRun]) -> bool:
    """Nothing for a reviewer to act on: a pass with no reported finding, every scanner
    ran, no waiver needs attention. The comment is then short (see report.md.j2)."""
    waivers = any(
        w.status in ("pending", "expired", "invalid", "stale") or w.warning for w in report.waivers
    )
    ran = bool(report.scanners) and not failed
    return report.verdict is Verdict.PASS and not ordered and ran and not waivers


def _finding_block(env: jinja2.Environment, report: Report, finding: Finding) -> Md:
    snippet = finding.snippet
    if snippet:
        lines = snippet.splitlines()
        snippet = clip("\n".join(lines[:MAX_SNIPPET_LINES]), MAX_SNIPPET_CHARS)
        if len(lines) > MAX_SNIPPET_LINES and not snippet.endswith("\u2026"):
            snippet += "\n\u2026"
    language = _LANGUAGES.get(PurePosixPath(finding.path).suffix.lower(), "")
    context = {
        "f": finding,
        "icon": Md(SEVERITY_ICONS[finding.severity]),
        "severity": Md(finding.severity.value),
        "location": _link(f"{finding.path}:{lines_label(finding)}", blob_url(report, finding)),
        "message": Md(escape.md_prose(clip(finding.message, MAX_MESSAGE))),
        "remediation": Md(escape.md_prose(clip(finding.remediation, MAX_MESSAGE))),
        "snippet": Md(escape.md_code_block(snippet, language)) if snippet else None,
    }
    return Md(env.get_template("finding.md.j2").render(context).strip("\n"))


def _minimal(report: Report, target: Target) -> str:
    """Last resort when even the capped document is too large: verdict and counts only."""
    tally = Counter(f.severity for f in reported(report, target.output))
    counts = ", ".join(f"{tally[s]} {s.value}" for s in Severity if tally[s])
    lines = [
        MARKER if target.marker else "",
        f"## {VERDICT_ICONS[report.verdict]} gate: {report.verdict.value.upper()} "
        f"\u00b7 risk tier {report.risk.tier} ({escape.md_text(report.risk.name)})",
        "",
        escape.md_text(report.verdict_reason),
        "",
        f"Active findings: {counts or 'none'}.",
        "",
        "The full report is too large for this comment: see the job summary, the SARIF "
        "upload or the JSON report.",
    ]
    return "\n".join(line for line in lines if line is not None).lstrip("\n") + "\n"
