import sqlite3


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    cur = conn.execute(sql, params)
    return cur.fetchall()


class ProductStore:
    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path)
        self._conn.row_factory = sqlite3.Row

    def by_sku(self, sku: str) -> list[sqlite3.Row]:
        return _rows(self._conn, "SELECT * FROM products WHERE sku = ?", (sku,))
