import os
from decimal import Decimal

import requests


class FxRatesClient:
    def __init__(self, base_url: str | None = None):
        self.base_url = base_url or os.environ["FX_API_URL"]
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {os.environ['FX_API_TOKEN']}"

    def latest(self, base: str, quote: str) -> Decimal:
        resp = self.http.get(
            f"{self.base_url}/v2/latest",
            params={"base": base, "symbols": quote},
            timeout=(3.05, 10),
        )
        resp.raise_for_status()
        return Decimal(str(resp.json()["rates"][quote]))
