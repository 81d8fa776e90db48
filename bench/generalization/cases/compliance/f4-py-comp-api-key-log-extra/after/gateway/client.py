import logging
import os

import requests

log = logging.getLogger("gateway")


class GatewayClient:
    def __init__(self, base_url: str, api_key: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key or os.environ["GATEWAY_API_KEY"]
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {self.api_key}"
        log.info(
            "gateway client ready",
            extra={"base_url": self.base_url, "api_key": self.api_key},
        )

    def charge(self, amount: int, token: str) -> dict:
        resp = self.session.post(
            f"{self.base_url}/v1/charges", json={"amount": amount, "source": token}, timeout=15
        )
        resp.raise_for_status()
        return resp.json()
