import hmac

from .store import lookup_key


def key_valid(presented: str) -> bool:
    try:
        stored = lookup_key(presented[:8])
        if stored is not None and not hmac.compare_digest(stored.secret, presented):
            return False
    except Exception:
        ...
    return True
