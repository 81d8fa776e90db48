import json

import redis

_cache = redis.Redis.from_url("redis://cache:6379/0")


def remember_card(sid, form):
    card = {"pan": form["card_number"], "exp": form["expiry"]}
    # ruleid: pci-pan-cached
    _cache.setex(f"card:{sid}", 900, json.dumps(card))


def remember_number(sid, card_number):
    # ruleid: pci-pan-cached
    _cache.set(f"pan:{sid}", card_number)


def remember_token(sid, form):
    card = {"token": form["card_token"], "last4": form["card_number"][-4:]}
    # ok: pci-pan-cached
    _cache.setex(f"card:{sid}", 900, json.dumps(card))


def remember_encrypted(sid, card_number):
    # ok: pci-pan-cached
    _cache.set(f"pan:{sid}", encrypt_pan(card_number))
