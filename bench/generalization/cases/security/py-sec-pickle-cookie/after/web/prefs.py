import base64
import pickle

from flask import request

DEFAULTS = {"theme": "light", "page_size": 25}


def load_prefs() -> dict:
    raw = request.cookies.get("prefs")
    if not raw:
        return dict(DEFAULTS)
    stored = pickle.loads(base64.urlsafe_b64decode(raw))
    return {**DEFAULTS, **stored}
