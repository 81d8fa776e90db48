from flask import Blueprint, Response, request

from .export import transactions_csv

bp = Blueprint("reports", __name__)


@bp.get("/reports/transactions.csv")
def export_transactions():
    merchant = request.args.get("merchant", "")
    return Response(transactions_csv(merchant), mimetype="text/csv")
