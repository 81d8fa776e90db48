import re

SLUG = re.compile(r"^[a-z0-9-]{1,64}$")
DOMAIN = re.compile(r"^([a-zA-Z0-9]+\.?)+[a-zA-Z]{2,}$")


def valid_slug(value: str) -> bool:
    return bool(SLUG.match(value))


def valid_domain(value: str) -> bool:
    return bool(DOMAIN.match(value))
