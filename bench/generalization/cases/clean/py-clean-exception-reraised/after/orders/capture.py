import logging

log = logging.getLogger(__name__)


class CaptureFailed(Exception):
    pass


def capture(gateway, order) -> str:
    try:
        result = gateway.capture(order.payment_id, order.total_cents)
    except ConnectionError as exc:
        log.exception("capture failed for order %s", order.id)
        raise CaptureFailed(order.id) from exc
    return result.reference
