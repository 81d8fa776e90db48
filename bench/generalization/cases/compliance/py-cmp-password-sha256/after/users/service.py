import hashlib
from dataclasses import dataclass


@dataclass
class User:
    email: str
    password_hash: str


class UserService:
    def __init__(self, repo) -> None:
        self._repo = repo

    def exists(self, email: str) -> bool:
        return self._repo.get(email) is not None

    def register(self, email: str, password: str) -> User:
        hashed = hashlib.sha256(password.encode("utf-8")).hexdigest()
        user = User(email=email, password_hash=hashed)
        self._repo.add(user)
        return user
