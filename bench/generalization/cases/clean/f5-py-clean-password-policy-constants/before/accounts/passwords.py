from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError

_hasher = PasswordHasher()


@dataclass
class User:
    email: str
    password_hash: str


def check_password(user: User, candidate: str) -> bool:
    try:
        return _hasher.verify(user.password_hash, candidate)
    except VerifyMismatchError:
        return False
