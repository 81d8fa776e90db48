from datetime import date

from sqlalchemy import text
from sqlalchemy.engine import Connection

TABLE = "settlements"
COLUMNS = ("id", "merchant", "amount", "day")


def search(conn: Connection, merchant: str, since: date) -> list[dict]:
    cols = ", ".join(COLUMNS)
    stmt = text(f"SELECT {cols} FROM {TABLE} WHERE merchant = :m AND day >= :d")
    rows = conn.execute(stmt, {"m": merchant, "d": since})
    return [dict(r._mapping) for r in rows]
