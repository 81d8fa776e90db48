import functools
import os

import jwt
from flask import abort, g, request

_PUBLIC_KEY = open(os.environ["JWT_PUBLIC_KEY_FILE"], encoding="utf-8").read()


def tenant_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        try:
            claims = jwt.decode(token, _PUBLIC_KEY, algorithms=["RS256"], audience="payments-api")
        except jwt.InvalidTokenError:
            abort(401)
        g.tenant_id = claims["tid"]
        return view(*args, **kwargs)

    return wrapper
