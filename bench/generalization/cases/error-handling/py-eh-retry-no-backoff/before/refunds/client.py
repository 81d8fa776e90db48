import requests

API = "https://payments.internal/refunds"


def refund(charge_id: str, amount: int) -> dict:
    r = requests.post(API, json={"charge": charge_id, "amount": amount}, timeout=10)
    r.raise_for_status()
    return r.json()
