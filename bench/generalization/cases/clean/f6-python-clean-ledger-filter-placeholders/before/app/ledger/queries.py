def get_entry(conn, entry_id: str):
    with conn.cursor() as cur:
        cur.execute("SELECT id, account_id, amount_minor, currency, status FROM ledger_entries WHERE id = %s", (entry_id,))
        return cur.fetchone()
