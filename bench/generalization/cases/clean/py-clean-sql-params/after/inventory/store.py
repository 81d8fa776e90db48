import sqlite3


class ProductStore:
    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path)

    def by_skus(self, skus: list[str]) -> list[tuple]:
        marks = ",".join("?" for _ in skus)
        sql = f"SELECT sku, name FROM products WHERE sku IN ({marks})"
        return self._conn.execute(sql, tuple(skus)).fetchall()

    def search(self, term: str) -> list[tuple]:
        return self._conn.execute(
            "SELECT sku, name FROM products WHERE name LIKE ?", (f"%{term}%",)
        ).fetchall()
