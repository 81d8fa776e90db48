import hashlib
import time
from dataclasses import dataclass


@dataclass
class ResetToken:
    value: str
    expires_at: float


def expiry(minutes: int = 30) -> float:
    return time.time() + minutes * 60


def new_reset_token(email: str) -> ResetToken:
    digest = hashlib.md5(f"{email}:{time.time()}".encode()).hexdigest()
    return ResetToken(digest, expiry())
