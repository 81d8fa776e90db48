import functools
import os

import jwt
from flask import g, jsonify, request

SECRET = os.environ["JWT_SECRET"]


def issue(user_id: str) -> str:
    return jwt.encode({"sub": user_id}, SECRET, algorithm="HS256")
