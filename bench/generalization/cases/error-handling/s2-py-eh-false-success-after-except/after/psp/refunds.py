import logging

import requests

log = logging.getLogger(__name__)


class RefundClient:
    def __init__(self, base_url: str, session: requests.Session) -> None:
        self._base = base_url.rstrip("/")
        self._psp = session

    def refund(self, charge_id: str, amount_cents: int) -> bool:
        try:
            resp = self._psp.post(
                f"{self._base}/charges/{charge_id}/refunds",
                json={"amount": amount_cents},
                timeout=10,
            )
            resp.raise_for_status()
        except requests.RequestException as exc:
            log.warning("refund for %s failed: %s", charge_id, exc)
        return True
