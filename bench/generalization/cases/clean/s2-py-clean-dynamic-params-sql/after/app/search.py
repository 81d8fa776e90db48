from flask import Blueprint, jsonify, request

from flask_login import login_required

from .db import get_conn

bp = Blueprint("search", __name__)
FILTERABLE = {"status": "status", "currency": "currency", "merchant": "merchant_id"}


@bp.get("/payouts/search")
@login_required
def search_payouts():
    clauses, values = [], []
    for arg, column in FILTERABLE.items():
        if arg in request.args:
            clauses.append(f"{column} = %s")
            values.append(request.args[arg])
    where = " AND ".join(clauses) or "TRUE"
    with get_conn() as conn, conn.cursor() as cur:
        cur.execute(f"SELECT id, amount, status FROM payouts WHERE {where} LIMIT 200", values)
        rows = cur.fetchall()
    return jsonify([{"id": r[0], "amount": str(r[1]), "status": r[2]} for r in rows])
