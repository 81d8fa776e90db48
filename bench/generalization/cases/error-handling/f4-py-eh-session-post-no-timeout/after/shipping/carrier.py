import os

import requests

_BASE = os.environ.get("CARRIER_URL", "https://api.carrier.example/v2")
_session = requests.Session()
_session.headers.update({"X-Api-Version": "2"})


def rates(weight_g: int, zip_code: str) -> list[dict]:
    resp = requests.get(f"{_BASE}/rates", params={"w": weight_g, "zip": zip_code}, timeout=8)
    resp.raise_for_status()
    return resp.json()["rates"]


def create_label(shipment: dict) -> bytes:
    resp = _session.post(
        f"{_BASE}/labels",
        json=shipment,
        headers={"Accept": "application/pdf"},
    )
    resp.raise_for_status()
    return resp.content
