import functools

import jwt
from flask import abort, g, request

_DECODE_OPTIONS = {"verify_signature": False, "verify_exp": True}


def tenant_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        try:
            claims = jwt.decode(token, algorithms=["RS256"], options=_DECODE_OPTIONS)
        except jwt.InvalidTokenError:
            abort(401)
        g.tenant_id = claims["tid"]
        return view(*args, **kwargs)

    return wrapper
