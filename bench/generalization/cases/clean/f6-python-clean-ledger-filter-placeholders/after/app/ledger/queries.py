def get_entry(conn, entry_id: str):
    with conn.cursor() as cur:
        cur.execute("SELECT id, account_id, amount_minor, currency, status FROM ledger_entries WHERE id = %s", (entry_id,))
        return cur.fetchone()


ALLOWED_FILTERS = {
    "account_id": "account_id",
    "currency": "currency",
    "status": "status",
}


def _where(filters: dict) -> tuple[str, list]:
    clauses, params = [], []
    for key, value in filters.items():
        column = ALLOWED_FILTERS.get(key)
        if column is None:
            raise ValueError(f"unsupported filter: {key}")
        clauses.append(f"{column} = %s")
        params.append(value)
    return (" AND ".join(clauses) or "TRUE"), params


def list_entries(conn, filters: dict, limit: int = 100):
    where, params = _where(filters)
    query = (
        "SELECT id, account_id, amount_minor, currency, status, posted_at "
        f"FROM ledger_entries WHERE {where} ORDER BY posted_at DESC LIMIT %s"
    )
    with conn.cursor() as cur:
        cur.execute(query, [*params, min(int(limit), 500)])
        return cur.fetchall()
