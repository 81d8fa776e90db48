import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    jwt_public_key: str
    jwt_audience: str
    jwt_leeway_seconds: int = 30


settings = Settings(
    jwt_public_key=os.environ["JWT_PUBLIC_KEY"],
    jwt_audience=os.environ.get("JWT_AUDIENCE", "payments-api"),
)
