from flask import Blueprint, jsonify, request

from reports import queries

bp = Blueprint("reports", __name__)


@bp.get("/reports/daily")
def daily():
    return jsonify(queries.totals_by_day())


@bp.get("/reports/settlements")
def settlements():
    wanted = {k: v for k, v in request.args.items() if k in ("merchant", "day")}
    return jsonify(queries.settlements(wanted))
