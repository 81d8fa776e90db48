from flask import Blueprint, jsonify, request

from reports import queries

bp = Blueprint("reports", __name__)


@bp.get("/reports/daily")
def daily():
    return jsonify(queries.totals_by_day())
