import hashlib
import hmac
import json

import requests

from .config import AcquirerConfig


class AcquirerClient:
    def __init__(self, config: AcquirerConfig | None = None) -> None:
        self.config = config or AcquirerConfig()
        self.session = requests.Session()

    def authorize(self, payload: dict) -> dict:
        body = json.dumps(payload, sort_keys=True)
        sig = hmac.new(self.config.signing_key.encode(), body.encode(), hashlib.sha256).hexdigest()
        resp = self.session.post(
            f"{self.config.base_url}/authorizations",
            data=body,
            headers={"X-Signature": sig, "X-Merchant": self.config.merchant_id},
            timeout=self.config.timeout_s,
        )
        resp.raise_for_status()
        return resp.json()
