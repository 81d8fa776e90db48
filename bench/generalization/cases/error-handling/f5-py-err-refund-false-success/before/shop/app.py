import logging

from flask import Flask, jsonify, request

from .refunds import RefundError, issue_refund

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.post("/orders/<order_id>/refund")
def refund(order_id):
    amount = int(request.json["amount_cents"])
    try:
        refund_id = issue_refund(order_id, amount)
    except RefundError as exc:
        log.warning("refund failed for %s: %s", order_id, exc)
        return jsonify(status="failed", error=str(exc)), 502
    return jsonify(status="refunded", refund_id=refund_id), 200
