from sqlalchemy import text
from sqlalchemy.orm import Session

SORTABLE = {
    "date": "created_at",
    "amount": "amount_cents",
    "merchant": "merchant_name",
}


class TransactionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def for_account(self, account_id: int, sort: str = "date", descending: bool = True):
        column = SORTABLE.get(sort, "created_at")
        direction = "DESC" if descending else "ASC"
        stmt = text(
            "SELECT id, amount_cents, merchant_name, created_at FROM transactions "
            f"WHERE account_id = :account_id ORDER BY {column} {direction} LIMIT 100"
        )
        return self._session.execute(stmt, {"account_id": account_id}).mappings().all()
