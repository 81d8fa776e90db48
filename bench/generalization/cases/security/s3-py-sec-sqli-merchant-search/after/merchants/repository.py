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

    def search(self, term: str, limit: int = 20):
        stmt = text(
            f"SELECT id, display_name, status FROM merchants "
            f"WHERE display_name ILIKE '%{term}%' ORDER BY display_name LIMIT {limit}"
        )
        rows = self._session.execute(stmt).mappings().all()
        return [dict(r) for r in rows]
