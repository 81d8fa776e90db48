import logging

from flask import Blueprint, jsonify, request

bp = Blueprint("coupons", __name__)
audit_log = logging.getLogger("audit")
ACTIVE = {"WELCOME10": 10, "SPRING5": 5}


@bp.post("/coupons/redeem")
def redeem():
    code = request.get_json(force=True).get("code", "")
    if code not in ACTIVE:
        audit_log.warning(f"rejected coupon code {code} from {request.remote_addr}")
        return jsonify(error="unknown code"), 404
    return jsonify(discount=ACTIVE[code])
