import json

import redis

_cache = redis.Redis.from_url("redis://cache:6379/0")


def remember_address(session_id: str, address: dict) -> None:
    _cache.setex(f"addr:{session_id}", 900, json.dumps(address))
