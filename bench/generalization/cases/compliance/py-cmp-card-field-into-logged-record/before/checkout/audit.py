import logging

logger = logging.getLogger("checkout.audit")


def record_attempt(order, payload: dict) -> dict:
    record = {
        "order_id": order.id,
        "amount": order.total_cents,
        "currency": order.currency,
    }
    logger.info("payment attempt %s", record)
    return record
