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


def _where(filters: dict[str, str]) -> str:
    parts = [f"{col} = '{val}'" for col, val in filters.items()]
    return " WHERE " + " AND ".join(parts) if parts else ""


def settlements(filters: dict[str, str]) -> list[dict[str, Any]]:
    sql = "SELECT id, merchant, amount, day FROM settlements" + _where(filters)
    with _conn() as conn:
        rows = conn.execute(sql).fetchall()
    return [dict(r) for r in rows]
