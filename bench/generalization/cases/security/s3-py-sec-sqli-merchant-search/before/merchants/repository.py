from sqlalchemy import text
from sqlalchemy.orm import Session


class MerchantRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, merchant_id: int):
        row = self._session.execute(
            text("SELECT id, display_name, status FROM merchants WHERE id = :id"),
            {"id": merchant_id},
        ).mappings().first()
        return dict(row) if row else None
