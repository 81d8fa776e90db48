from flask import Blueprint, jsonify, request

from .index import lookup

bp = Blueprint("search", __name__)


@bp.get("/api/search")
def api_search():
    return jsonify(results=lookup(request.args.get("q", "")))
