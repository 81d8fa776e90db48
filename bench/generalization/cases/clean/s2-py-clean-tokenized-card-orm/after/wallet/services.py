from .models import Charge


def record_charge(order_ref: str, amount_cents: int, tokenized: dict) -> Charge:
    return Charge.objects.create(
        order_ref=order_ref,
        card_token=tokenized["token"],
        card_brand=tokenized["brand"],
        card_last4=tokenized["last4"],
        amount_cents=amount_cents,
    )
