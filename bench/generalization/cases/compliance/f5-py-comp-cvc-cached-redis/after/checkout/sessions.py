import json
import uuid

import redis

from .vault import tokenize

SESSION_TTL = 15 * 60


class CheckoutSessions:
    def __init__(self, url: str):
        self.cache = redis.Redis.from_url(url, decode_responses=True)

    def start(self, cart_id: str, form: dict) -> str:
        session_id = uuid.uuid4().hex
        card_token = tokenize(form["card_number"], form["exp_month"], form["exp_year"])
        self.cache.setex(
            f"checkout:{session_id}",
            SESSION_TTL,
            json.dumps({
                "cart_id": cart_id,
                "card_token": card_token,
                "last4": form["card_number"][-4:],
                # 3-D Secure step-up re-submits the authorization; keep the code so the
                # shopper does not have to type it again after the challenge.
                "cvc": form["cvc"],
            }),
        )
        return session_id

    def load(self, session_id: str) -> dict | None:
        raw = self.cache.get(f"checkout:{session_id}")
        return json.loads(raw) if raw else None
