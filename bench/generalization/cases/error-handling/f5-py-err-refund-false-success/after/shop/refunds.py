import uuid


class RefundError(Exception):
    pass


def issue_refund(order_id: str, amount_cents: int) -> str:
    if amount_cents <= 0:
        raise RefundError("amount must be positive")
    return f"re_{uuid.uuid4().hex[:20]}"
