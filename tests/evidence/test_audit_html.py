"""The audit page is self-contained, escaped, and renders in a real headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.evidence.conftest import Branch

_CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)), None
)


def _page(branch: Branch, target: Path) -> str:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gate",
            "audit",
            "--branch",
            "main",
            "--since",
            "2026-01-01",
            "--format",
            "html",
            "--output",
            str(target),
        ],
        cwd=branch.repo.path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return target.read_text(encoding="utf-8")


def test_page_has_no_external_assets_and_escapes_subjects(branch: Branch, tmp_path: Path) -> None:
    html = _page(branch, tmp_path / "audit.html")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script" not in html
    tags = re.findall(r"<[a-zA-Z][^>]*>", html)
    external = [t for t in tags if re.search(r"\b(?:src|href|url)\s*[=(]", t)]
    assert external == []
    assert "url(" not in html
    assert html.count("<rect ") >= 4  # one bar segment per status present each week
    assert "NO RECORD" in html and "TAMPERED" in html and "W-7 (approved by bob)" in html


@pytest.mark.skipif(_CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
def test_page_renders_in_headless_chromium_without_console_errors(
    branch: Branch, tmp_path: Path
) -> None:
    page = tmp_path / "audit.html"
    _page(branch, page)
    shot = tmp_path / "audit.png"
    result = subprocess.run(
        [
            str(_CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'p'}",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1200,1600",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.is_file() and shot.stat().st_size > 5000
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line]
    assert console == [], console
    assert "Failed to load resource" not in result.stderr
    dom = subprocess.run(
        [
            str(_CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'q'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert "<svg" in dom.stdout and "gate audit: main" in dom.stdout
