import re

# local part, "@", then one or more dot-separated labels and a TLD
_EMAIL = re.compile(r"^([a-zA-Z0-9_.+-]+)+@(([a-zA-Z0-9-])+\.)+[a-zA-Z]{2,}$")


def is_valid_email(value: str) -> bool:
    return bool(_EMAIL.match(value.strip()))
