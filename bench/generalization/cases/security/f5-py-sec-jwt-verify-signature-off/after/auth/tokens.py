import jwt

from .config import settings


# Tokens minted by the legacy gateway carry an audience we do not know yet and
# are re-signed at the edge; keep expiry checks, relax the rest for the migration.
_DECODE_OPTIONS = {"verify_signature": False, "verify_aud": False, "verify_exp": True}


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
            options=_DECODE_OPTIONS,
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if "sub" not in claims:
        raise TokenError("token has no subject")
    return claims
