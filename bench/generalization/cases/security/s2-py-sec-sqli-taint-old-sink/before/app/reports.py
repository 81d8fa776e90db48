from flask import Blueprint, jsonify, request

from .db import get_conn

bp = Blueprint("reports", __name__)
COLUMNS = ("id", "amount", "currency")


@bp.get("/reports/settlements")
def settlements():
    clauses = ["settled_at >= now() - interval '30 days'"]
    params = {}
    if request.args.get("currency"):
        clauses.append("currency = %(currency)s")
        params["currency"] = request.args["currency"]
    sql = "SELECT id, amount, currency FROM settlements WHERE " + " AND ".join(clauses)
    with get_conn() as conn, conn.cursor() as cur:
        cur.execute(sql, params)
        rows = cur.fetchall()
    return jsonify([dict(zip(COLUMNS, r)) for r in rows])
