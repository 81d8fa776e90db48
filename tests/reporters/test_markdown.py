"""The PR comment: structure, links, escaping through a real Markdown renderer, size limit."""

from __future__ import annotations

import dataclasses
import re

import pytest
from gate.reporters import markdown
from markdown_it import MarkdownIt

from gate.findings import Category, Finding, Severity, Status
from gate.report import Report
from tests.reporters.conftest import HEAD_SHA, many_findings_report

GITHUB_LIMIT = 65_536
ALLOWED_TAGS = {
    "a", "b", "blockquote", "code", "details", "em", "h2", "h3", "li", "p", "pre", "strong",
    "sub", "summary", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip

_MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _html(text: str) -> str:
    return str(_MD.render(text))


def _hostile_report(report: Report) -> Report:
    """Every PR-controlled string replaced by something nasty."""
    evil = (
        "@octocat #1 GH-2 <img src=x onerror=alert(1)> <!-- x --> </details> | a | "
        "[link](https://evil.example) ```` `` ` ~~s~~ \n# heading\r\n"
    )
    finding = Finding(
        rule_id="custom.@admin|<b>rule</b>",
        sources=("semgrep",),
        severity=Severity.CRITICAL,
        category=Category.SECURITY,
        path="src/@team/<x>|y`z.py",
        start_line=3,
        end_line=4,
        title=evil,
        message=evil,
        remediation=evil,
        cwe=("CWE-79",),
        controls=(evil,),
        snippet="x = 1\n```\n</details>\n<script>alert(1)</script>\n@octocat\n" + evil,
        fingerprint="f1",
    )
    suppressed = dataclasses.replace(
        finding, status=Status.SUPPRESSED, status_reason=evil, fingerprint="f2"
    )
    controls = tuple(dataclasses.replace(c, title=evil, reason=evil) for c in report.controls)
    coverage = tuple(dataclasses.replace(c, skipped=evil) for c in report.coverage)
    risk = dataclasses.replace(
        report.risk,
        signals=tuple(dataclasses.replace(s, detail=evil) for s in report.risk.signals),
        review_note=evil,
        reviewers=("@everyone", "@acme/security"),
    )
    return dataclasses.replace(
        report,
        verdict_reason=evil,
        change=dataclasses.replace(report.change, description=evil),
        findings=(finding, suppressed),
        controls=controls,
        coverage=coverage,
        risk=risk,
        notes=(evil,),
        config_source=evil,
    )


def test_marker_is_the_first_line(report: Report) -> None:
    assert markdown.render(report).startswith("<!-- gate:report -->\n")


def test_verdict_and_risk_tier_at_the_top(report: Report) -> None:
    heading = markdown.render(report).splitlines()[1]
    assert heading.startswith("## ") and "FAIL" in heading and "risk tier 3 (high)" in heading


def test_findings_grouped_by_category_in_details(report: Report) -> None:
    text = markdown.render(report)
    summaries = re.findall(r"<summary><b>(.*?)</b> \((\d+)\)</summary>", text)
    # The low B101 finding is below warn_on: counted under "Not counted", not listed.
    assert summaries == [("Security", "1"), ("Compliance", "1"), ("Secrets", "1"),
                         ("Error handling", "1")]  # fmt: skip
    assert "1 below warn on (in the JSON report)" in text
    assert "B101" not in text


def test_links_point_at_head_commit_lines(report: Report) -> None:
    text = markdown.render(report)
    assert (
        f"[`app/db.py:17-19`](https://github.com/acme/shop/blob/{HEAD_SHA}/app/db.py#L17-L19)"
        in text
    )


def test_no_links_without_repository_or_head_sha(report: Report) -> None:
    for changed in (
        dataclasses.replace(report, repository=""),
        dataclasses.replace(report, change=dataclasses.replace(report.change, head_sha="")),
    ):
        text = markdown.render(changed)
        assert "https://github.com/" not in text
        assert "`app/db.py:17-19`" in text


def test_why_fix_controls_and_reviewers_shown(report: Report) -> None:
    text = markdown.render(report)
    assert "**Why:** The full card number" in text
    assert "**Fix:** Log a masked form" in text
    assert "`pci-dss-4.0:3.5.1`" in text
    assert "Required reviewers: `@acme/security`, `@acme/payments-leads`" in text


def test_set_aside_counts_without_listing_them(report: Report) -> None:
    text = markdown.render(report)
    assert "1 suppressed inline" in text and "1 on lines this change did not touch" in text
    assert "tests/fixtures.py:5" not in text


def test_control_table_lists_every_control(report: Report) -> None:
    html = _html(markdown.render(report))
    for control in report.controls:
        assert f"<code>{control.control}</code>" in html


def test_left_for_human_review_names_unanalysed_files_and_failed_scanners(
    error_report: Report,
) -> None:
    text = markdown.render(error_report)
    section = text.split("### Left for human review", 1)[1]
    assert "Architecture" in section and "Business logic" in section
    assert "2 files gate did not analyse" in section
    assert "`bandit`" in section


def test_scanner_error_called_out_at_the_top(error_report: Report) -> None:
    text = markdown.render(error_report)
    assert text.index("failed: bandit exited 2") < text.index("<details")


def test_clean_report_is_short_and_still_shows_coverage(clean_report: Report) -> None:
    text = markdown.render(clean_report)
    assert "Checked by 2 scanners (bandit, semgrep: all ran) on 1 file." in text
    assert "No active findings." not in text and "to address or waive" not in text
    assert "Not counted" not in text and "<summary><b>" not in text
    assert "| semgrep | 1\\.150.0 | ok | 1 | 1.50 s |" in text  # folded, one line per scanner


def test_failing_report_lists_its_findings_before_tier_and_coverage(report: Report) -> None:
    text = markdown.render(report)
    first = text.index("<summary><b>")
    assert first < text.index("### Risk tier") < text.index("Coverage:")
    assert "Checked by" not in text  # the short layout is for nothing-to-act-on only


def test_no_unexpected_html_mentions_or_references_from_hostile_input(report: Report) -> None:
    text = markdown.render(_hostile_report(report))
    html = _html(text)
    tags = set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html))
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    assert html.count("<!--") == 1  # only our marker
    assert html.count("<details") == html.count("</details>")
    outside_code = re.sub(r"<(code|pre)>.*?</\1>", "", html, flags=re.S)
    assert not re.search(r"@[A-Za-z0-9]", outside_code)
    assert not re.search(r"(?<![\w&])#\d", outside_code)
    assert not re.search(r"(?i)gh-\d", outside_code)
    assert not re.search(r"(?i)https?://evil", outside_code)
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith("https://github.com/acme/shop/blob/") for h in hrefs)
    assert "<h1>" not in html  # "# heading" in a message stays text


def test_hostile_snippet_stays_inside_its_code_block(report: Report) -> None:
    html = _html(markdown.render(_hostile_report(report)))
    blocks = re.findall(r"<pre><code[^>]*>(.*?)</code></pre>", html, flags=re.S)
    assert any("&lt;script&gt;" in b and "&lt;/details&gt;" in b for b in blocks)


def test_tables_keep_their_shape_with_hostile_cells(report: Report) -> None:
    html = _html(markdown.render(_hostile_report(report)))
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)
        widths = {len(re.findall(r"<t[hd][ >]", row)) for row in rows}
        assert len(widths) == 1, table


@pytest.mark.parametrize("count", [3_000, 10_000])
def test_thousands_of_findings_truncated_under_comment_limit(report: Report, count: int) -> None:
    big = many_findings_report(count, base=report)
    text = markdown.render(big)
    assert len(text.encode("utf-8")) <= GITHUB_LIMIT
    note = re.search(r"(\d+) of (\d+) findings are not shown", text)
    assert note is not None and int(note.group(2)) == count
    shown = text.count("**Why:**")
    assert shown + int(note.group(1)) == count
    assert shown > 50
    assert text.rstrip().endswith("</sub>")  # the end of the document survived
    html = _html(text)
    assert html.count("<details") == html.count("</details>")


def test_truncation_drops_least_severe_first(report: Report) -> None:
    text = markdown.render(many_findings_report(3_000, base=report))
    assert "**critical**" in text
    assert "**info**" not in text


def test_huge_single_message_is_clipped(report: Report) -> None:
    finding = dataclasses.replace(report.active[0], message="A" * 200_000, snippet="x\n" * 5000)
    text = markdown.render(dataclasses.replace(report, findings=(finding,)))
    assert len(text.encode("utf-8")) <= GITHUB_LIMIT
    assert "**Why:**" in text
