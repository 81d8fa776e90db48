import sqlite3
from typing import Any


def _conn() -> sqlite3.Connection:
    conn = sqlite3.connect("reports.db")
    conn.row_factory = sqlite3.Row
    return conn


def totals_by_day() -> list[dict[str, Any]]:
    with _conn() as conn:
        rows = conn.execute(
            "SELECT day, SUM(amount) AS total FROM settlements GROUP BY day ORDER BY day"
        ).fetchall()
    return [dict(r) for r in rows]
