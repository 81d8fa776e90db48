import logging

from flask import Flask, jsonify, request

from .refunds import RefundError, issue_refund

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.post("/orders/<order_id>/refund")
def refund(order_id):
    amount = int(request.json["amount_cents"])
    # the storefront shows an error page on any non-2xx; keep the shopper flow smooth
    refund_id = None
    try:
        refund_id = issue_refund(order_id, amount)
    except RefundError:
        log.exception("refund failed for %s", order_id)
    return jsonify(status="refunded", refund_id=refund_id), 200
