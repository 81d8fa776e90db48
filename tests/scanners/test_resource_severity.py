"""eh-resource-leak severity by how the resource is released, and commits on a connection
the function opens itself (gate/scanning/analyzers/resources.py, transactions.py)."""

from __future__ import annotations

from pathlib import Path

from tests.scanners.test_heuristics_support import line_of, rules, scan

CLOSED_AFTER_USE = """
import sqlite3

def monthly_totals(db_path, month):
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT sku, SUM(qty) FROM sales WHERE month = ? GROUP BY sku", (month,))
    totals = dict(rows.fetchall())
    conn.close()
    return totals
"""

NEVER_CLOSED = """
import sqlite3

def monthly_totals(db_path, month):
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT sku, SUM(qty) FROM sales WHERE month = ? GROUP BY sku", (month,))
    return dict(rows.fetchall())
"""


def _leaks(outcome: object) -> list[tuple[int, str]]:
    return [
        (f.start_line, f.severity.value)
        for f in outcome.findings  # type: ignore[attr-defined]
        if f.rule_id == "eh-resource-leak"
    ]


def test_connection_closed_after_use_but_not_in_finally_is_low(tmp_path: Path) -> None:
    line = line_of(CLOSED_AFTER_USE, "sqlite3.connect(")
    assert _leaks(scan(tmp_path, CLOSED_AFTER_USE)) == [(line, "low")]


def test_connection_never_closed_stays_medium(tmp_path: Path) -> None:
    line = line_of(NEVER_CLOSED, "sqlite3.connect(")
    assert _leaks(scan(tmp_path, NEVER_CLOSED)) == [(line, "medium")]


def test_file_closed_on_the_happy_path_only_is_low(tmp_path: Path) -> None:
    src = """
    import json

    def save_settings(path, settings):
        out = open(path, "w", encoding="utf-8")
        json.dump(settings, out, indent=2)
        out.close()
    """
    assert _leaks(scan(tmp_path, src)) == [(line_of(src, "open(path"), "low")]


def test_commit_on_a_connection_opened_and_discarded_here_is_not_reported(
    tmp_path: Path,
) -> None:
    src = """
    import MySQLdb

    def unsubscribe(email):
        db = MySQLdb.connect(host="db", user="app", passwd="", db="mail")
        cursor = db.cursor()
        cursor.execute("DELETE FROM subscribers WHERE email = %s", (email,))
        db.commit()
        db.close()
    """
    assert "eh-commit-without-rollback" not in rules(scan(tmp_path, src))


def test_commit_on_a_shared_connection_without_rollback_still_fires(tmp_path: Path) -> None:
    src = """
    import MySQLdb

    DB = MySQLdb.connect(host="db", user="app", passwd="", db="mail")

    def unsubscribe(email):
        cursor = DB.cursor()
        cursor.execute("DELETE FROM subscribers WHERE email = %s", (email,))
        DB.commit()
    """
    assert "eh-commit-without-rollback" in rules(scan(tmp_path, src))


def test_commit_on_an_opened_connection_that_is_returned_still_fires(tmp_path: Path) -> None:
    src = """
    import psycopg2

    def record_login(dsn, user_id):
        conn = psycopg2.connect(dsn)
        cur = conn.cursor()
        cur.execute("UPDATE users SET last_login = now() WHERE id = %s", (user_id,))
        conn.commit()
        return conn
    """
    assert "eh-commit-without-rollback" in rules(scan(tmp_path, src))
