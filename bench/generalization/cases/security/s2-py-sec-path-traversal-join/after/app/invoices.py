import os

from flask import Blueprint, Response, abort, request

bp = Blueprint("invoices", __name__)
INVOICE_DIR = os.environ.get("INVOICE_DIR", "/srv/invoices")


@bp.get("/invoices/download")
def download_invoice():
    name = request.args.get("file", "")
    target = os.path.join(INVOICE_DIR, name)
    if not os.path.isfile(target):
        abort(404)
    with open(target, "rb") as fh:
        return Response(fh.read(), mimetype="application/pdf")
