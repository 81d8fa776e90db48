"""A 100-file clean PR's comment fits on one screen: a real repository, `gate run`, the
comment rendered to HTML and laid out by headless Chromium at 1280x800."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from gate.commands.cli import cli
from tests.conftest import GitRepo
from tests.test_queue import chromium

MAX_RENDERED_LINES = 25
VIEWPORT = (1280, 800)
# GitHub's comment body at 1280 px: about 780 px of text, 14 px type, 1.5 line height.
PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; font: 14px/1.5 "DejaVu Sans", Helvetica, Arial, sans-serif; }}
#comment {{ width: 780px; margin: 0 auto; padding: 16px; }}
h2 {{ font-size: 1.5em; line-height: 1.25; margin: 24px 0 16px; padding-bottom: .3em;
      border-bottom: 1px solid #d1d9e0; }}
h3 {{ font-size: 1.25em; line-height: 1.25; margin: 24px 0 16px; }}
p, ul, table, details, pre {{ margin: 0 0 16px; }}
ul {{ padding-left: 2em; }}
code {{ font-size: 85%; padding: .2em .4em; background: #eff1f3; border-radius: 6px; }}
td, th {{ padding: 6px 13px; border: 1px solid #d1d9e0; }}
</style></head><body><div id="comment">{body}</div><script>
const box = document.getElementById("comment");
const tops = new Set();
const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {{
  const node = walker.currentNode;
  if (!node.textContent.trim() || !node.parentElement.checkVisibility()) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  for (const rect of range.getClientRects()) {{
    if (rect.width > 0) tops.add(Math.round(rect.top));
  }}
}}
document.body.setAttribute("data-measure", JSON.stringify({{
  lines: tops.size,
  height: Math.ceil(box.getBoundingClientRect().bottom),
  viewport: window.innerHeight,
}}));
</script></body></html>
"""


def _module(i: int) -> str:
    return (
        f'"""Inventory helpers, part {i}."""\n\n\n'
        f"def total_{i}(items):\n"
        '    """Sum the quantities of the items."""\n'
        "    return sum(item.quantity for item in items)\n\n\n"
        f"def names_{i}(items):\n"
        "    return sorted(item.name for item in items)\n"
    )


@pytest.fixture(scope="module")
def comment(tmp_path_factory: pytest.TempPathFactory) -> str:
    repo = GitRepo(tmp_path_factory.mktemp("big") / "repo")
    repo.write("inventory/__init__.py", "")
    repo.commit("base")
    for i in range(100):
        repo.write(f"inventory/module_{i}.py", _module(i))
    repo.commit("100 files")
    out = repo.path.parent / "comment.md"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(repo.path)
        result = CliRunner().invoke(
            cli, ["run", "--base", "HEAD~1", "--format", "markdown", "--output", str(out)]
        )
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def _outside_details(text: str) -> list[str]:
    """The comment's non-blank source lines a reader sees before opening anything."""
    shown, depth = [], 0
    for line in text.splitlines():
        opened = line.count("<details")
        if depth == 0 and line.strip() and not line.startswith("<!--"):
            shown.append(line)
        depth += opened - line.count("</details>")
    return shown


def test_clean_100_file_pr_comment_is_short_and_says_what_was_checked(comment: str) -> None:
    assert "100 files changed" in comment and "## ✅ gate: PASS" in comment
    visible = _outside_details(comment)
    assert len(visible) <= MAX_RENDERED_LINES, "\n".join(visible)
    assert any(line.startswith("**Why tier") for line in visible)  # tier with its reasons
    checked = next(line for line in visible if line.startswith("Checked by"))
    assert "on 100 files" in checked and "none with findings" in checked
    assert "to address or waive" not in comment and "No active findings." not in comment
    # the controls are folded, not dropped: with nothing found, one line of ids, no table
    assert "Evaluated, no findings: pci-dss-4.0 `10.2.1`" in comment
    assert "| pci-dss-4.0 |" not in comment
    assert len(comment.splitlines()) <= 60, "the raw comment (what the API stores) stays short"


def test_clean_100_file_pr_comment_fits_a_1280x800_screen_in_chromium(
    comment: str, tmp_path: Path
) -> None:
    browser = chromium()
    body = MarkdownIt("commonmark", {"html": True}).enable(["table"]).render(comment)
    page = tmp_path / "comment.html"
    page.write_text(PAGE.format(body=body), encoding="utf-8")
    result = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--window-size={VIEWPORT[0]},{VIEWPORT[1]}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'data-measure="([^"]*)"', result.stdout)
    assert found, result.stdout[-2000:]
    measure = json.loads(html.unescape(found.group(1)))
    assert 0 < measure["viewport"] <= VIEWPORT[1]  # the window's inner height
    assert measure["lines"] <= MAX_RENDERED_LINES, measure
    assert measure["height"] <= measure["viewport"], measure  # no scrolling
