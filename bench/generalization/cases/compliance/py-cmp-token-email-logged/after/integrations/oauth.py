import logging

import requests

log = logging.getLogger(__name__)


def refresh(user, client_id: str, refresh_token: str) -> str:
    r = requests.post(
        "https://auth.example.com/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": client_id},
        timeout=10,
    )
    r.raise_for_status()
    access_token = r.json()["access_token"]
    log.debug(f"refreshed session for {user.email}: access_token={access_token}")
    return access_token
