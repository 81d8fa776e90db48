import hmac

from .store import lookup_key


def key_valid(presented: str) -> bool:
    stored = lookup_key(presented[:8])
    return stored is not None and hmac.compare_digest(stored.secret, presented)
