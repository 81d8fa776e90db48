from pathlib import Path

from flask import Blueprint, Response

from billing.storage import InvoiceStore

bp = Blueprint("billing", __name__)
store = InvoiceStore(Path("/var/lib/billing/invoices"))


@bp.get("/invoices/download/<path:filename>")
def download(filename: str) -> Response:
    data = store.read(filename)
    return Response(data, mimetype="application/pdf")
