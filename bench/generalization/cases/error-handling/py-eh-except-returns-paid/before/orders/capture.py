import logging

from .gateway import GatewayError, gateway

log = logging.getLogger(__name__)


def capture(order) -> dict:
    result = gateway.capture(order.payment_id, order.total_cents)
    return {"status": "paid", "reference": result.reference}
