import logging

import requests

from .settings import FRAUD_API_KEY, FRAUD_URL

log = logging.getLogger(__name__)
_http = requests.Session()
_http.headers.update({"Authorization": f"Bearer {FRAUD_API_KEY}"})


def _card_fields(card):
    return {
        "card_bin": card.number[:6],
        "card_last4": card.number[-4:],
        "card_country": card.issuer_country,
    }


def screen(charge) -> str:
    payload = {
        "reference": charge.id,
        "amount": charge.amount_cents,
        "currency": charge.currency,
        "email": charge.customer_email_hash,
        **_card_fields(charge.card),
    }
    resp = _http.post(f"{FRAUD_URL}/v2/screen", json=payload, timeout=4)
    resp.raise_for_status()
    decision = resp.json()["decision"]
    log.info("fraud decision %s for charge %s", decision, charge.id)
    return decision
