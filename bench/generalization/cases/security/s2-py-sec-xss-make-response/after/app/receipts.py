from flask import Blueprint, make_response, render_template, request

from .store import find_receipt

bp = Blueprint("receipts", __name__)


@bp.route("/receipts/lookup")
def lookup():
    ref = request.args.get("ref", "")
    receipt = find_receipt(ref)
    if receipt is None:
        body = f"<p>No receipt found for <b>{ref}</b>.</p>"
        return make_response(body, 404)
    return render_template("receipt.html", receipt=receipt)
