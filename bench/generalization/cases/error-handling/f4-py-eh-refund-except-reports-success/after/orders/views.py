from flask import Blueprint, jsonify

from orders.models import Order
from orders.refunds import refund_order

bp = Blueprint("orders", __name__)


@bp.post("/orders/<int:order_id>/refund")
def refund(order_id: int):
    order = Order.get(order_id)
    return jsonify(refund_order(order)), 200
