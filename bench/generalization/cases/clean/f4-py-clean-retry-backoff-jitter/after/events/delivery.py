import logging
import random
import time

import requests

log = logging.getLogger(__name__)


def deliver(url: str, payload: dict, attempts: int = 5, base: float = 0.5) -> int:
    for attempt in range(attempts):
        try:
            resp = requests.post(url, json=payload, timeout=(3, 10))
            resp.raise_for_status()
            return resp.status_code
        except (requests.ConnectionError, requests.Timeout) as exc:
            if attempt == attempts - 1:
                raise
            delay = base * 2**attempt + random.uniform(0, base)
            log.warning("delivery failed (%s), retrying in %.1fs", exc, delay)
            time.sleep(delay)
    raise RuntimeError("unreachable")


def ping(url: str) -> bool:
    return requests.head(url, timeout=5).ok
