import sqlite3


class ProductStore:
    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path)
