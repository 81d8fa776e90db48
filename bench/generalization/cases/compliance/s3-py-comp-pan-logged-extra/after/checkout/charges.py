import logging

from .gateway import GatewayError, gateway

logger = logging.getLogger("checkout.charges")


def charge(order, card) -> str:
    try:
        result = gateway.charge(amount=order.total_cents, currency=order.currency, card=card)
    except GatewayError as exc:
        logger.warning(
            "charge declined",
            extra={
                "order_id": order.id,
                "code": exc.code,
                "card_number": card.number,
                "expiry": f"{card.exp_month}/{card.exp_year}",
            },
        )
        raise
    return result.id
