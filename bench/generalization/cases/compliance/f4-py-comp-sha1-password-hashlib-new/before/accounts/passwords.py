import hashlib
import hmac


def make_hash(password: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), b"acme", 390000).hex()


def check(password: str, stored: str) -> bool:
    return hmac.compare_digest(make_hash(password), stored)
