import logging

from .gateway import GatewayError, client
from .orders import pending_captures

log = logging.getLogger(__name__)


def run_capture_batch(limit: int = 200) -> int:
    captured = 0
    for order in pending_captures(limit):
        try:
            client.capture(order.authorization_id, amount_cents=order.amount_cents)
        except GatewayError as exc:
            log.warning("capture failed for order %s: %s", order.id, exc)
            order.mark_capture_failed(str(exc))
            continue
        order.mark_captured()
        captured += 1
    return captured
