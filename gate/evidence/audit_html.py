"""The period report as one self-contained HTML page: no script, no external asset.

A stacked bar chart (inline SVG) shows, per week, the changes merged with pass, warn,
fail, error, a tampered record or no record, and a line of how many used waivers. Every
text from the repository (subjects, names, waiver ids) goes through `html.escape`.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from gate.evidence.audit import NO_RECORD, TAMPERED, Audit

_COLORS = {
    "pass": "#2e7d32",
    "warn": "#f9a825",
    "fail": "#c62828",
    "error": "#6a1b9a",
    TAMPERED: "#000000",
    NO_RECORD: "#9e9e9e",
}
_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:4px 8px;
text-align:left;vertical-align:top}th{background:#f3f3f3}.bad{color:#c62828;font-weight:bold}
.legend span{display:inline-block;margin-right:1em}.sw{display:inline-block;width:10px;
height:10px;margin-right:4px}
"""


def _week(date: str) -> str:
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return date
    return (day - dt.timedelta(days=day.weekday())).isoformat()


def chart(audit: Audit) -> str:
    weeks: dict[str, dict[str, int]] = {}
    waived: dict[str, int] = {}
    for change in audit.changes:
        week = _week(change.date)
        counts = weeks.setdefault(week, dict.fromkeys(_COLORS, 0))
        counts[change.status] = counts.get(change.status, 0) + 1
        waived[week] = waived.get(week, 0) + (1 if change.waivers else 0)
    ordered = sorted(weeks)
    height, bar, gap, top = 160, 28, 12, 10
    peak = max((sum(v.values()) for v in weeks.values()), default=1) or 1
    width = max(200, len(ordered) * (bar + gap) + 60)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 50}" '
        f'role="img" aria-label="verdicts and waivers per week">'
    ]
    points = []
    for index, week in enumerate(ordered):
        x = 40 + index * (bar + gap)
        y: float = top + height
        for status, count in weeks[week].items():
            if not count:
                continue
            h = count * height / peak
            y -= h
            parts.append(
                f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}" '
                f'fill="{_COLORS[status]}"><title>{escape(week)}: {count} '
                f"{escape(status)}</title></rect>"
            )
        wy = top + height - waived.get(week, 0) * height / peak
        points.append(f"{x + bar / 2:.1f},{wy:.1f}")
        parts.append(
            f'<text x="{x}" y="{top + height + 14}" font-size="9">{escape(week[5:])}</text>'
        )
    if points:
        parts.append(
            f'<polyline points="{" ".join(points)}" fill="none" stroke="#1565c0" '
            'stroke-width="2"><title>changes with waivers</title></polyline>'
        )
    parts.append(
        f'<text x="0" y="{top + 8}" font-size="10">{peak}</text>'
        f'<text x="0" y="{top + height}" font-size="10">0</text></svg>'
    )
    return "".join(parts)


def render_html(audit: Audit) -> str:
    period = f"{audit.since or 'the beginning'} to {audit.until or 'now'}"
    title = f"gate audit: {audit.branch}, {period}"
    legend = (
        "".join(
            f'<span><i class="sw" style="background:{c}"></i>{escape(s)}</span>'
            for s, c in _COLORS.items()
        )
        + '<span><i class="sw" style="background:#1565c0"></i>changes with waivers</span>'
    )
    rows = []
    for c in audit.changes:
        bad = c.status in (NO_RECORD, TAMPERED, "fail", "error")
        result = escape(c.status.upper() if c.status in (NO_RECORD, TAMPERED) else c.status)
        if c.overridden:
            result += f" (merged anyway by {escape(c.merged_by)})"
        rows.append(
            "<tr>"
            f"<td>{escape(c.date)}</td><td><code>{escape(c.commit[:12])}</code></td>"
            f"<td>{'#' + str(c.pull_request) if c.pull_request else ''}</td>"
            f"<td>{escape(c.subject)}</td>"
            f'<td class="{"bad" if bad else ""}">{result}</td>'
            f"<td>{escape('; '.join(c.waivers))}</td><td>{escape('; '.join(c.problems))}</td>"
            "</tr>"
        )
    controls = "".join(
        f"<tr><td>{escape(k.framework)}</td><td>{escape(k.control)} {escape(k.title)}</td>"
        f"<td>{k.evidenced} of {k.total}</td><td>{escape(k.rule)}</td></tr>"
        for k in audit.controls
    )
    counts = ", ".join(f"{n} {escape(name)}" for name, n in audit.counts().items())
    chain = "".join(f"<li>{escape(p)}</li>" for p in audit.chain_problems)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{len(audit.changes)} change(s) merged: {counts}</p>"
        f"<p>{_signatures(audit)}</p>"
        f'<figure>{chart(audit)}<figcaption class="legend">{legend}</figcaption></figure>'
        "<table><thead><tr><th>date</th><th>commit</th><th>PR</th><th>change</th>"
        "<th>result</th><th>waivers</th><th>notes</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        "<h2>Control coverage</h2><table><thead><tr><th>framework</th><th>control</th>"
        f"<th>evidenced</th><th>what counts</th></tr></thead><tbody>{controls}</tbody></table>"
        + (f"<h2>Record chain</h2><ul>{chain}</ul>" if chain else "")
        + "</body></html>\n"
    )


def _signatures(audit: Audit) -> str:
    if audit.signatures_checked:
        return "Record signatures were verified against the given public key(s)."
    return (
        "<strong>Record signatures were not checked</strong>: run with --public-key to "
        "verify them (chain and subjects were checked)."
    )
