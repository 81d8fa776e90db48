from flask import Blueprint, g, jsonify, request

from .models import Order
from .wiring import billing

bp = Blueprint("billing", __name__)


@bp.post("/orders/<int:order_id>/capture")
def capture(order_id: int):
    billing.capture(Order.get(order_id), actor=g.user.email)
    return jsonify(ok=True)


@bp.post("/orders/<int:order_id>/refund")
def refund(order_id: int):
    billing.refund(Order.get(order_id), int(request.json["amount_cents"]), actor=g.user.email)
    return jsonify(ok=True)
