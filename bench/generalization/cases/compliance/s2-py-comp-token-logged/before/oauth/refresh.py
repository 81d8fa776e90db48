import logging

import requests

log = logging.getLogger("oauth")
TOKEN_URL = "https://auth.partner.example/oauth/token"


def refresh(merchant_id: str, refresh_token: str, client_id: str) -> dict:
    resp = requests.post(
        TOKEN_URL,
        data={"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": client_id},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()
