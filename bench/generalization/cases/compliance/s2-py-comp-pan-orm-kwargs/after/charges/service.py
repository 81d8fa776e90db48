from .models import Attempt


def record_attempt(session, order_ref: str, amount_cents: int, card: dict) -> Attempt:
    attempt = Attempt(
        order_ref=order_ref,
        amount_cents=amount_cents,
        last4=card["number"][-4:],
        pan=card["number"],
    )
    session.add(attempt)
    session.commit()
    return attempt
