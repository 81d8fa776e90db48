from flask import Blueprint, render_template

from receipts.models import Receipt

bp = Blueprint("receipts", __name__)


@bp.get("/receipts/<int:rid>")
def show(rid: int):
    return render_template("receipt.html", receipt=Receipt.get(rid))
