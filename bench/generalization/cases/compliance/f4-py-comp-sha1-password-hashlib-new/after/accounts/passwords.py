import hashlib
import hmac

ALGO = "sha1"


def make_hash(password: str) -> str:
    return hashlib.new(ALGO, password.encode("utf-8")).hexdigest()


def check(password: str, stored: str) -> bool:
    return hmac.compare_digest(make_hash(password), stored)
