import logging

import psycopg

log = logging.getLogger(__name__)


class WalletStore:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def balance(self, wallet_id: int) -> int:
        with self.conn.cursor() as cur:
            cur.execute("SELECT balance_cents FROM wallets WHERE id = %s", (wallet_id,))
            return cur.fetchone()[0]
