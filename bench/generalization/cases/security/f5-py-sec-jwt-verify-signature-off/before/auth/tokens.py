import jwt

from .config import settings


class TokenError(Exception):
    pass


def decode_access_token(token: str) -> dict:
    try:
        claims = jwt.decode(
            token,
            key=settings.jwt_public_key,
            algorithms=["RS256"],
            audience=settings.jwt_audience,
            leeway=settings.jwt_leeway_seconds,
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if "sub" not in claims:
        raise TokenError("token has no subject")
    return claims
