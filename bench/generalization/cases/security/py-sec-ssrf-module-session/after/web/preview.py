import requests
from flask import Blueprint, jsonify, request

bp = Blueprint("preview", __name__)
_session = requests.Session()
_session.headers["User-Agent"] = "link-preview/1.0"


@bp.get("/preview/health")
def health():
    return jsonify(ok=True)


@bp.get("/preview")
def preview():
    target = request.args.get("url", "")
    page = _session.get(target, timeout=5)
    title = page.text.split("<title>")[-1].split("</title>")[0]
    return jsonify(url=target, title=title[:200])
