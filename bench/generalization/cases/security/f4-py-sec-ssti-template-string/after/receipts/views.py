from flask import Blueprint, render_template, render_template_string, request

from receipts.models import Receipt

bp = Blueprint("receipts", __name__)


@bp.get("/receipts/<int:rid>")
def show(rid: int):
    return render_template("receipt.html", receipt=Receipt.get(rid))


@bp.post("/receipts/<int:rid>/preview")
def preview(rid: int):
    note = request.form.get("note", "")
    source = "<h2>Receipt {{ r.number }}</h2><p>" + note + "</p>"
    return render_template_string(source, r=Receipt.get(rid))
