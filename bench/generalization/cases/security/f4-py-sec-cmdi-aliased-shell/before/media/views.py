from flask import Blueprint, jsonify, request


bp = Blueprint("media", __name__)


@bp.get("/media/health")
def health():
    return jsonify(ok=True)
