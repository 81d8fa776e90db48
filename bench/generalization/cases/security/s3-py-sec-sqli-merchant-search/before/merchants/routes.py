from flask import Blueprint, jsonify, request

from .db import get_session
from .repository import MerchantRepository

bp = Blueprint("merchants", __name__, url_prefix="/merchants")


@bp.get("/<int:merchant_id>")
def show(merchant_id: int):
    repo = MerchantRepository(get_session())
    merchant = repo.get(merchant_id)
    return (jsonify(merchant), 200) if merchant else (jsonify(error="not found"), 404)
