from flask import g, request


def current_tenant() -> str:
    return g.get("tenant", "public")


def bearer() -> str:
    header = request.headers.get("Authorization", "")
    return header.removeprefix("Bearer ").strip()
