from pathlib import Path

from flask import Blueprint, Response

from billing.storage import InvoiceStore

bp = Blueprint("billing", __name__)
store = InvoiceStore(Path("/var/lib/billing/invoices"))
