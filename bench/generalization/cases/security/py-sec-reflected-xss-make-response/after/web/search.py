from flask import Blueprint, jsonify, make_response, request

from .index import lookup

bp = Blueprint("search", __name__)


@bp.get("/api/search")
def api_search():
    return jsonify(results=lookup(request.args.get("q", "")))


@bp.get("/search")
def search_page():
    q = request.args.get("q", "")
    hits = lookup(q)
    body = f"<h2>{len(hits)} results for {q}</h2>"
    resp = make_response(body)
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    return resp
