"""Human output for a terminal, rendered by rich into a string (the CLI prints it).

Top: verdict, risk tier and the reason, then what was compared. Then active findings
grouped by file (severity, rule, line, message, fix, controls/CWE, sources), counts of
findings the policy set aside, and always the coverage: which scanners ran (version,
files, time) and which files were not analysed and why. Green must never mean that
nothing ran. With no findings it stays short: no empty sections, no zero counts.

All PR text goes through `escape.plain` into `rich.text.Text` objects, never through
console markup, so ``[bold]`` or ANSI escapes in a message print as themselves or vanish.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gate.reporters import escape
from gate.reporters._common import (
    below_warn,
    by_place,
    lines_label,
    plural,
    pre_existing_line,
    reported,
    status_counts,
)
from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from gate.findings import Finding, Severity, Status
from gate.report import Report, Verdict

default_filename = "gate-report.txt"
_GUTTER = 11  # the severity column (10) and the space after it

_VERDICT_STYLE: dict[Verdict, str] = {
    Verdict.PASS: "bold green",
    Verdict.WARN: "bold yellow",
    Verdict.FAIL: "bold red",
    Verdict.ERROR: "bold magenta",
}
_SEVERITY_STYLE: dict[Severity, str] = {
    Severity.CRITICAL: "bold red",
    Severity.HIGH: "red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}
_SET_ASIDE: dict[Status, str] = {
    Status.SUPPRESSED: "suppressed inline",
    Status.WAIVED: "waived",
    Status.OUTSIDE_DIFF: "outside the diff",
    Status.EXCLUDED: "excluded by config",
}


def render(report: Report, *, color: bool = False, width: int = 100, verbose: bool = False) -> str:
    buffer = io.StringIO()
    console = _console(buffer, width, color)
    rendered: dict[tuple[str, ...], str] = {}
    for part in _parts(report, verbose=verbose):
        if isinstance(part, _HeadLine):
            console.print(part.renderable(width))
        elif isinstance(part, _Repeated):
            # The same rows (a rule's message, fix and controls) recur for every finding
            # of that rule: render them once and reuse the text, so 1,000 findings cost
            # little more than the distinct rules among them.
            text = rendered.get(part.key)
            if text is None:
                scratch = io.StringIO()
                _console(scratch, width, color).print(part.renderable)
                text = rendered[part.key] = scratch.getvalue()
            buffer.write(text)
        else:
            console.print(part)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _console(file: io.StringIO, width: int, color: bool) -> Console:
    return Console(
        file=file,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
    )


@dataclass(frozen=True, slots=True)
class _HeadLine:
    """A finding's first row: as one line of text when it fits, else in the grid."""

    severity: Text
    head: Text

    def renderable(self, width: int) -> RenderableType:
        if self.head.cell_len <= width - _GUTTER and "\n" not in self.head.plain:
            line = Text.assemble(self.severity, " " * (_GUTTER - self.severity.cell_len))
            line.append_text(self.head)
            return line
        return _rows([(self.severity, self.head)])


@dataclass(frozen=True, slots=True)
class _Repeated:
    """Rows whose text is the same wherever they recur: rendered once per report."""

    key: tuple[str, ...]
    renderable: RenderableType


def _t(text: str) -> str:
    return escape.one_line(text)


def _parts(report: Report, *, verbose: bool) -> Iterable[RenderableType | _HeadLine | _Repeated]:
    yield _header(report)
    # Below warn_on: kept in the JSON result, listed only with --verbose, never counted.
    active = report.active if verbose else reported(report, "terminal")
    if active:
        counts = Counter(f.severity for f in active)
        summary = ", ".join(f"{counts[sev]} {sev.value}" for sev in Severity if counts[sev])
        yield Text.assemble(("\nFindings: ", "bold"), f"{len(active)} active ({summary})")
        yield from _findings_by_file(active, verbose=verbose)
    else:
        yield Text("\nNo findings.", style="bold green")
    set_aside = _set_aside_line(report, hidden=0 if verbose else len(below_warn(report)))
    if set_aside is not None:
        yield set_aside
    pre_existing = report.with_status(Status.PRE_EXISTING)
    if pre_existing:
        yield Text(pre_existing_line(pre_existing), style="dim")
    if verbose:
        yield from _set_aside_findings(report)
    yield from _coverage(report)
    if report.notes:
        yield Text("\nNotes", style="bold")
        for note in report.notes:
            yield Text("  " + _t(note))


def _header(report: Report) -> RenderableType:
    risk = report.risk
    change = report.change
    top = Text.assemble(
        (f"gate: {report.verdict.value.upper()}", _VERDICT_STYLE[report.verdict]),
        "   ",
        (f"risk tier {risk.tier} ({_t(risk.name)})", "bold"),
    )
    if risk.blocking:
        top.append("  blocking", style="bold red")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=11, no_wrap=True, style="dim")
    grid.add_column(ratio=1)
    grid.add_row("Why", _t(report.verdict_reason))
    for scanner in sorted(report.scanners, key=lambda s: s.name):
        if scanner.status == "error":
            grid.add_row(
                Text("Failed", style="bold red"),
                Text(f"{_t(scanner.name)}: {_t(scanner.error) or 'no detail'}", style="red"),
            )
    grid.add_row("Compared", _t(change.description))
    grid.add_row(
        "Scope",
        f"{plural(change.files_changed, 'file')} changed, +{change.lines_added} lines; "
        f"filter mode {_t(report.filter_mode)}; fail_on {_t(report.fail_on)}, "
        f"warn_on {_t(report.warn_on)}; config {_t(report.config_source)}",
    )
    for signal in risk.signals:
        grid.add_row("Risk", _t(signal.detail))
    if risk.reviewers:
        grid.add_row("Reviewers", ", ".join(map(_t, risk.reviewers)))
    if risk.review_note:
        grid.add_row("Note", _t(risk.review_note))
    return Group(top, grid)


def _findings_by_file(
    findings: tuple[Finding, ...], *, verbose: bool
) -> Iterable[RenderableType | _HeadLine | _Repeated]:
    current = None
    for finding in by_place(findings):
        if finding.path != current:
            current = finding.path
            yield Text("\n" + _t(finding.path), style="bold underline")
        yield from _finding(finding, verbose=verbose)


def _finding(
    finding: Finding, *, verbose: bool
) -> Iterable[RenderableType | _HeadLine | _Repeated]:
    head = Text.assemble(
        (_t(finding.rule_id), "bold"), f"  line {lines_label(finding)}  ", _t(finding.title)
    )
    severity = Text(finding.severity.value.upper(), style=_SEVERITY_STYLE[finding.severity])
    yield _HeadLine(severity, head)
    body: list[tuple[str, RenderableType]] = [("", Text(_t(finding.message)))]
    if finding.status_reason:  # on a counted finding: a label such as "newly enabled rule"
        body.append(("", Text(_t(finding.status_reason), style="dim")))
    if finding.remediation:
        body.append(("", Text.assemble(("fix: ", "green"), _t(finding.remediation))))
    meta = [*finding.cwe, *finding.controls]
    sources = ", ".join(finding.sources)
    body.append(
        ("", Text(_t(" · ".join([*meta, f"from {sources}"]) if meta else f"from {sources}"), "dim"))
    )
    snippet = finding.snippet if verbose else ""
    if snippet:
        body.append(("", Text(escape.plain(snippet), style="dim")))
    key = (finding.message, finding.status_reason, finding.remediation, *meta, sources, snippet)
    yield _Repeated(key=key, renderable=_rows(body))


def _rows(rows: Sequence[tuple[RenderableType, RenderableType]]) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(width=10, no_wrap=True)
    table.add_column(ratio=1)
    for left, right in rows:
        table.add_row(left, right)
    return table


def _set_aside_line(report: Report, *, hidden: int = 0) -> Text | None:
    counts = status_counts(report)
    parts = [f"{counts[s]} {label}" for s, label in _SET_ASIDE.items() if counts[s]]
    if hidden:
        parts.append(f"{hidden} below warn_on (shown with --verbose)")
    if not parts:
        return None
    return Text("\nNot counted: " + ", ".join(parts), style="dim")


def _set_aside_findings(report: Report) -> Iterable[RenderableType]:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=2)
    grid.add_column(ratio=1, style="dim")
    for status, label in (*_SET_ASIDE.items(), (Status.PRE_EXISTING, "pre-existing")):
        for finding in by_place(report.with_status(status)):
            grid.add_row(
                "",
                f"{label}: {_t(finding.path)}:{lines_label(finding)} {_t(finding.rule_id)}"
                f" ({finding.severity.value})",
            )
            grid.add_row("", f"  reason: {_t(finding.status_reason) or 'none given'}")
    if grid.row_count:
        yield grid


def _coverage(report: Report) -> Iterable[RenderableType]:
    yield Text("\nCoverage", style="bold")
    if not report.scanners:
        yield Text("  No scanner ran: nothing was checked.", style="bold red")
    else:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 2))
        for column in ("scanner", "version", "status", "files", "time"):
            table.add_column(column, justify="right" if column in ("files", "time") else "left")
        for scanner in sorted(report.scanners, key=lambda s: s.name):
            status = scanner.status + (" (cached)" if scanner.cached else "")
            style = "red" if scanner.status == "error" else ""
            table.add_row(
                _t(scanner.name),
                _t(scanner.version),
                Text(status, style=style),
                str(scanner.files),
                f"{scanner.duration:.2f}s",
            )
        yield table
        for scanner in sorted(report.scanners, key=lambda s: s.name):
            if scanner.status == "error":
                yield Text(
                    f"  {_t(scanner.name)} failed: {_t(scanner.error) or 'no detail'}", style="red"
                )
    analysed = [c for c in report.coverage if not c.skipped]
    skipped = report.skipped_files()
    yield Text(
        f"  {plural(len(analysed), 'file')} analysed, {len(skipped)} not analysed", style="dim"
    )
    for file in sorted(skipped, key=lambda c: c.path):
        yield Text.assemble("    ", _t(file.path), (f"  {_t(file.skipped)}", "dim"))
