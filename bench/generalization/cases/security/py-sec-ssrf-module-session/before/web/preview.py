import requests
from flask import Blueprint, jsonify

bp = Blueprint("preview", __name__)
_session = requests.Session()
_session.headers["User-Agent"] = "link-preview/1.0"


@bp.get("/preview/health")
def health():
    return jsonify(ok=True)
