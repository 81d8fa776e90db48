import json

import redis

_cache = redis.Redis.from_url("redis://cache:6379/0")


def remember_address(session_id: str, address: dict) -> None:
    _cache.setex(f"addr:{session_id}", 900, json.dumps(address))


def remember_card(session_id: str, form: dict) -> None:
    card = {"pan": form["card_number"], "exp": form["expiry"], "name": form["holder"]}
    _cache.setex(f"card:{session_id}", 900, json.dumps(card))
