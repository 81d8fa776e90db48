import json

from flask import request

DEFAULTS = {"theme": "light", "page_size": 25}


def load_prefs() -> dict:
    raw = request.cookies.get("prefs")
    if not raw:
        return dict(DEFAULTS)
    return {**DEFAULTS, **json.loads(raw)}
