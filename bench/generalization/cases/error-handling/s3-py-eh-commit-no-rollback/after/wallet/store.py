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

    def top_up(self, wallet_id: int, amount_cents: int, reference: str) -> bool:
        try:
            cur = self.conn.cursor()
            cur.execute(
                "UPDATE wallets SET balance_cents = balance_cents + %s WHERE id = %s",
                (amount_cents, wallet_id),
            )
            cur.execute(
                "INSERT INTO wallet_events (wallet_id, amount_cents, reference) VALUES (%s, %s, %s)",
                (wallet_id, amount_cents, reference),
            )
            self.conn.commit()
            return True
        except psycopg.Error as exc:
            log.error("top-up %s failed: %s", reference, exc)
            return False
