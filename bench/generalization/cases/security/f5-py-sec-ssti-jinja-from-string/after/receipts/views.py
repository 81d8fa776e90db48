from flask import Blueprint, abort, jsonify, request
from jinja2 import Environment, PackageLoader, select_autoescape

from .store import load_order, save_footer

receipts = Blueprint("receipts", __name__, url_prefix="/receipts")
_env = Environment(
    loader=PackageLoader("receipts", "templates"),
    autoescape=select_autoescape(["html"]),
)


@receipts.get("/<int:order_id>")
def render_receipt(order_id):
    order = load_order(order_id) or abort(404)
    tpl = _env.get_template("receipt.html")
    return tpl.render(order=order, footer=order.merchant.footer_text)


@receipts.put("/footer")
def update_footer():
    payload = request.get_json(force=True)
    save_footer(request.headers["X-Merchant-Id"], payload["footer_text"])
    return jsonify(saved=True)


@receipts.post("/footer/preview")
def preview_footer():
    payload = request.get_json(force=True)
    order = load_order(int(payload["sample_order_id"])) or abort(404)
    footer = _env.from_string(payload["footer_template"]).render(order=order)
    return jsonify(html=footer)
