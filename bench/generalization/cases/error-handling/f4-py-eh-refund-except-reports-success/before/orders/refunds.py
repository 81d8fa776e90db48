import logging

from orders.gateway import GatewayError, gateway

log = logging.getLogger(__name__)


def refund_order(order) -> dict:
    try:
        result = gateway.refund(order.charge_id, order.total_cents)
        order.mark_refunded(result["id"])
    except GatewayError as exc:
        log.error("refund for order %s failed: %s", order.id, exc)
        raise
    return {"order": order.id, "status": "refunded"}
