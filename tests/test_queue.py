"""`gate queue`: open PRs by tier as Markdown and a self-contained HTML page with a chart of
queue age per tier over time, rendered in real headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from gate.commands.cli import cli
from gate.decision.queue import QueueSnapshot, load_history
from tests.posting.fake_servers import TOKEN
from tests.posting.forge import ForgeGitHub

REPO = "Codertocat/Hello-World"
EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)> @everyone #1 | x"
CONFIG = "version: 1\nsla:\n  tier-2: 8h\n  tier-3: 4h\n"


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("headless Chromium is not installed (Debian: apt-get install -y chromium)")


def dump_dom(page: Path, profile: Path) -> str:
    result = subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _queue(forge: ForgeGitHub, tmp_path: Path, now: str, *args: str):  # type: ignore[no-untyped-def]
    env = {"GITHUB_API_URL": forge.base_url, "GITHUB_TOKEN": TOKEN, "GATE_NOW": now}
    with CliRunner().isolated_filesystem(temp_dir=tmp_path) as here:
        Path(here, ".gate.yml").write_text(CONFIG)
        result = CliRunner().invoke(
            cli, ["queue", "--repo", REPO, "--forge", "github", *args], env=env
        )
    return result


def test_queue_page_renders_in_chromium_with_escaped_pr_text_and_a_chart(
    forge: ForgeGitHub, tmp_path: Path
) -> None:
    forge.add_pull(
        1, created_at="2026-03-02T08:00:00Z", labels=("gate:tier-3-critical",), title=EVIL
    )
    forge.add_pull(2, created_at="2026-03-02T10:00:00Z", labels=("gate:tier-2-sensitive",))
    forge.add_pull(3, created_at="2026-03-02T11:00:00Z", labels=("gate:tier-2-sensitive",))
    forge.review(3, "rita", "APPROVED", "a" * 40)
    forge.add_pull(4, created_at="2026-03-02T11:00:00Z", labels=("bug",))
    history = tmp_path / "history"
    page = tmp_path / "queue.html"
    first = _queue(forge, tmp_path, "2026-03-02T12:00:00Z", "--history", str(history))
    assert first.exit_code == 0, first.output
    second = _queue(
        forge, tmp_path, "2026-03-03T12:00:00Z", "--history", str(history), "--html", str(page)
    )
    assert second.exit_code == 0, second.output
    assert len(load_history(history)) == 2

    markdown = second.output
    assert "**1 SLA breach(es).**" not in markdown  # two: #1 (28h > 4h) and #2 (26h > 8h)
    assert "**2 SLA breach(es).**" in markdown
    assert "<script>" not in markdown and "@\u200deveryone" in markdown
    assert "| 3: PR 3 |" in markdown and "| reviewed |" in markdown

    text = page.read_text()
    assert "<script" not in text.replace("&lt;script", "")
    assert not re.search(r"<(?:link|img|iframe)\b|src=", text.replace("src=x", ""))
    dom = dump_dom(page, tmp_path / "profile")
    assert "<script>alert" not in dom and "<img" not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert len(re.findall(r'<tr class="pr"', dom)) == 3
    lines = re.findall(r'<polyline class="tier-line" data-tier="(\d)"[^>]*points="([^"]+)"', dom)
    assert {tier for tier, _ in lines} == {"2", "3"}
    assert all(len(points.split()) == 2 for _, points in lines)  # one point per saved run
    assert 'id="breaches">2 SLA breach(es)' in dom


def test_snapshot_round_trips_through_json() -> None:
    text = (
        '{"repo": "a/b", "taken_at": "2026-03-02T12:00:00+00:00", "calendar": "around the '
        'clock", "open_prs": 1, "items": [{"number": 1, "title": "t", "url": "", "author": "x",'
        ' "tier": 3, "tier_name": "critical", "age_hours": 5.0, "limit_hours": 4.0, "state": '
        '"breached", "waiting_on": ["acme/sec"], "levels_done": [1]}]}'
    )
    snap = QueueSnapshot.from_json(text)
    assert QueueSnapshot.from_json(snap.to_json()) == snap
    assert snap.ages_by_tier() == {3: 5.0}
