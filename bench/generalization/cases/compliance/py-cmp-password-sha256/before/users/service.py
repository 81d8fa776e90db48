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
