from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError

_hasher = PasswordHasher()

PASSWORD_MIN_LENGTH = 12
PASSWORD_MAX_LENGTH = 128
PASSWORD_FIELD = "new_password"
PASSWORD_RESET_PATH = "/account/password/reset"
PASSWORD_POLICY_MESSAGE = "Use at least 12 characters; a passphrase works well."


class PasswordPolicyError(ValueError):
    pass


@dataclass
class User:
    email: str
    password_hash: str


def check_password(user: User, candidate: str) -> bool:
    try:
        return _hasher.verify(user.password_hash, candidate)
    except VerifyMismatchError:
        return False


def validate_new_password(form: dict, email: str) -> str:
    password = form.get(PASSWORD_FIELD, "")
    if not PASSWORD_MIN_LENGTH <= len(password) <= PASSWORD_MAX_LENGTH:
        raise PasswordPolicyError(PASSWORD_POLICY_MESSAGE)
    if email and email.split("@")[0].lower() in password.lower():
        raise PasswordPolicyError("Password must not contain your email name.")
    return _hasher.hash(password)
