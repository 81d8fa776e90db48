import re

SLUG = re.compile(r"^[a-z0-9-]{1,64}$")


def valid_slug(value: str) -> bool:
    return bool(SLUG.match(value))
