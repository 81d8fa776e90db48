"""`gate demo`: a small payment service and a risky change to it, in a fresh git repo."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from gate.errors import GateError

_BASE_FILES = {
    "README.md": "# payments-service\n\nA tiny card payment service used by `gate demo`.\n",
    "payments/__init__.py": "",
    "payments/gateway.py": '''\
"""Talks to the card processor."""

import logging

import requests

log = logging.getLogger(__name__)
PROCESSOR_URL = "https://processor.example.com/v1/charges"


def charge(token: str, amount_cents: int) -> dict:
    response = requests.post(
        PROCESSOR_URL, json={"token": token, "amount": amount_cents}, timeout=10
    )
    response.raise_for_status()
    log.info("charged token %s for %d cents", token[-4:], amount_cents)
    return response.json()
''',
    "payments/store.py": '''\
"""Order storage."""

import sqlite3


def find_order(conn: sqlite3.Connection, order_id: str):
    return conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
''',
}

# The risky change: what an assistant might write when asked for "refunds, quickly".
_CHANGE_FILES = {
    "payments/refunds.py": '''\
"""Refunds: added in this change."""

import logging
import sqlite3

import requests

log = logging.getLogger(__name__)
REFUND_URL = "https://processor.example.com/v1/refunds"


def refund(conn: sqlite3.Connection, order_id: str, card_number: str, cvv: str, amount: int):
    log.info("refunding card %s for order %s", card_number, order_id)
    row = conn.execute(f"SELECT amount FROM orders WHERE id = '{order_id}'").fetchone()
    conn.execute("INSERT INTO refund_log (card_number, cvv) VALUES (?, ?)", (card_number, cvv))
    try:
        response = requests.post(
            REFUND_URL,
            json={"pan": card_number, "cvv": cvv, "amount": amount or row[0]},
            verify=False,
        )
        return response.json()
    except Exception:
        pass
''',
}


def _git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "gate demo",
        "GIT_AUTHOR_EMAIL": "demo@example.com",
        "GIT_COMMITTER_NAME": "gate demo",
        "GIT_COMMITTER_EMAIL": "demo@example.com",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    result = subprocess.run(  # noqa: S603 - fixed argv
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise GateError(f"demo: git {args[0]} failed: {result.stderr.strip()[:200]}")


def _write_all(root: Path, files: dict[str, str]) -> None:
    for relative, content in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")


def create_demo_repo(where: Path | None = None) -> Path:
    """Two commits: a clean payment service, then the risky refund change."""
    root = where if where is not None else Path(tempfile.mkdtemp(prefix="gate-demo-"))
    root.mkdir(parents=True, exist_ok=True)
    if any(root.iterdir()):
        raise GateError(f"demo: {root} is not empty; pick an empty or new directory")
    _git(root, "init", "-q")
    _write_all(root, _BASE_FILES)
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Payment service")
    _write_all(root, _CHANGE_FILES)
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Add refunds")
    return root
