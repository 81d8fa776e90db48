import jwt

NO_SIG = {"verify_signature": False}
LAX = dict(verify_signature=False, verify_aud=False)
STRICT = {"verify_signature": True, "require": ["exp"]}


def peek_user(token):
    # ruleid: sec-jwt-unverified-options
    return jwt.decode(token, options=NO_SIG, algorithms=["RS256"])["sub"]


def peek_tenant(raw):
    # ruleid: sec-jwt-unverified-options
    claims = jwt.decode(raw, key="", algorithms=["HS256"], options=LAX)
    return claims["tid"]


def strict_user(token, key):
    # ok: sec-jwt-unverified-options
    return jwt.decode(token, key, options=STRICT, algorithms=["RS256"])


def verified(token, key):
    # ok: sec-jwt-unverified-options
    return jwt.decode(token, key, algorithms=["RS256"])
