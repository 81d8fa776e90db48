from flask import Blueprint, jsonify, request

from media import thumbs

bp = Blueprint("media", __name__)


@bp.post("/media/<name>/thumbnail")
def thumbnail(name: str):
    size = int(request.args.get("size", "256"))
    return jsonify(path=str(thumbs.make_thumbnail(name, size)))


@bp.get("/media/health")
def health():
    return jsonify(ok=True)
