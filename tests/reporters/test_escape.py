"""Injection corpus: text from a pull request must not turn into markup, pings or links."""

from __future__ import annotations

import re

import pytest
from gate.reporters import escape
from markdown_it import MarkdownIt

NASTY = [
    "@octocat please look",
    "cc @acme/security-team",
    "fixes #123 and GH-456, see owner/repo#7",
    "gitlab refs !12 &3 ~bug %milestone $99",
    "<details><summary>x</summary>hidden</details>",
    '<img src=x onerror="alert(1)">',
    "<!-- gate:report --> fake marker",
    "<script>alert(1)</script>",
    "a | b | c",
    "line one\nline two\r\nline three\u2028four",
    "```\n</details>\n```",
    "`code` and ``double`` and ```triple```",
    "[click me](javascript:alert(1))",
    "![tracker](https://evil.example/p.png)",
    "https://evil.example/phish and www.evil.example",
    "**bold** _em_ ~~strike~~ $math$",
    "# heading",
    "1. ordered",
    "- bullet",
    "> quote",
    "\x1b[31mred\x1b[0m \x07bell \x00nul",
    "admin\u202eexe.txt",
    "&lt;b&gt; entity &amp; &#64;user",
    "<https://autolink.example>",
    "user@example.com",
    "\\@escaped and \\#1",
]

_MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _rendered(markdown: str) -> str:
    return str(_MD.render(markdown))


def _text_outside_code(html: str) -> str:
    return re.sub(r"<code>.*?</code>", "", html, flags=re.S)


@pytest.mark.parametrize("nasty", NASTY)
def test_md_text_renders_as_one_plain_paragraph(nasty: str) -> None:
    html = _rendered(escape.md_text(nasty))
    tags = set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", html))
    assert tags <= {"p"}, (nasty, html)
    assert "<!--" not in html
    outside = _text_outside_code(html)
    assert not re.search(r"@[A-Za-z0-9]", outside), html
    assert not re.search(r"(?<![A-Za-z0-9])#\d", outside), html
    assert not re.search(r"(?i)gh-\d", outside), html
    assert not re.search(
        r"[!&~%$^][A-Za-z0-9]",
        outside.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "").replace("&quot;", ""),
    ), html
    assert not re.search(r"(?i)https?://|www\.", outside), html  # GFM would autolink
    assert "\x1b" not in html and "\x00" not in html and "\u202e" not in html


@pytest.mark.parametrize("nasty", NASTY)
def test_md_text_in_table_cell_keeps_the_table_shape(nasty: str) -> None:
    table = (
        f"| a | b |\n|---|---|\n| {escape.md_text(nasty)} | {escape.md_code(nasty, table=True)} |\n"
    )
    html = _rendered(table)
    assert html.count("<td>") == 2, html
    assert html.count("<tr>") == 2


@pytest.mark.parametrize("nasty", NASTY)
def test_md_code_shows_the_text_verbatim(nasty: str) -> None:
    html = _rendered(escape.md_code(nasty))
    assert re.fullmatch(r"<p><code>.*</code></p>\n", html, flags=re.S), html
    inner = re.search(r"<code>(.*)</code>", html, flags=re.S)
    assert inner is not None
    expected = escape.one_line(nasty)
    unescaped = (
        inner.group(1)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&amp;", "&")
    )
    assert unescaped == expected


@pytest.mark.parametrize("nasty", NASTY)
def test_md_code_block_cannot_be_closed_early(nasty: str) -> None:
    block = escape.md_code_block(nasty + "\n" + "`" * 7 + "\nafter", "py<script>")
    html = _rendered(block + "outside\n")
    assert html.count("<pre>") == 1
    assert html.rstrip().endswith("<p>outside</p>"), html
    assert "<script" not in html.split("<pre>")[0]


def test_md_text_escapes_fake_html_comment_marker() -> None:
    assert "<!--" not in escape.md_text("<!-- gate:report -->")


def test_mentions_get_a_zero_width_joiner() -> None:
    assert escape.md_text("@octocat") == "@" + escape.ZWJ + "octocat"


def test_md_text_removes_line_breaks() -> None:
    assert "\n" not in escape.md_text("a\nb\r\nc\rd\u2028e")


def test_plain_strips_ansi_and_shows_bidi() -> None:
    assert escape.plain("\x1b[31mred\x1b[0m") == "[31mred[0m"
    assert escape.plain("a\u202eb") == "a<U+202E>b"
    assert escape.plain("lone \udcff surrogate") == "lone \ufffd surrogate"


def test_url_path_blocks_dot_segments_and_specials() -> None:
    assert escape.url_path("../../evil/x y#L1?.py") == "%2E%2E/%2E%2E/evil/x%20y%23L1%3F.py"


def test_workflow_escaping() -> None:
    assert escape.workflow_data("50%\r\n::add-mask::x\rz") == "50%25%0A::add-mask::x%0Az"
    assert escape.workflow_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


@pytest.mark.parametrize("nasty", NASTY)
def test_md_prose_keeps_code_spans_but_nothing_else(nasty: str) -> None:
    for text in (nasty, f"use `{nasty}` here", f"`a` {nasty} `b`"):
        html = _rendered(escape.md_prose(text))
        tags = set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", html))
        assert tags <= {"p", "code"}, (text, html)
        outside = _text_outside_code(html)
        assert not re.search(r"@[A-Za-z0-9]", outside), html
        assert not re.search(r"(?i)https?://|www\.", outside), html


def test_md_prose_renders_quoted_code_as_code() -> None:
    html = _rendered(escape.md_prose("Call `response.raise_for_status()` (or `res.ok`)."))
    assert "<code>response.raise_for_status()</code>" in html
    assert "<code>res.ok</code>)." in html
