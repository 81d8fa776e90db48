import time
from dataclasses import dataclass


@dataclass
class ResetToken:
    value: str
    expires_at: float


def expiry(minutes: int = 30) -> float:
    return time.time() + minutes * 60
