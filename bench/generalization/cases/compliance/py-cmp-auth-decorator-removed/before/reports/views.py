from flask import Blueprint, Response
from flask_login import current_user, login_required

from .export import transactions_csv

bp = Blueprint("reports", __name__)


@bp.get("/reports/transactions.csv")
@login_required
def export_transactions():
    return Response(transactions_csv(current_user.merchant_id), mimetype="text/csv")
