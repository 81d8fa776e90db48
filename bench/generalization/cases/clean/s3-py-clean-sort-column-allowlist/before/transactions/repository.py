from sqlalchemy import text
from sqlalchemy.orm import Session


class TransactionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def for_account(self, account_id: int):
        stmt = text(
            "SELECT id, amount_cents, merchant_name, created_at FROM transactions "
            "WHERE account_id = :account_id ORDER BY created_at DESC LIMIT 100"
        )
        return self._session.execute(stmt, {"account_id": account_id}).mappings().all()
