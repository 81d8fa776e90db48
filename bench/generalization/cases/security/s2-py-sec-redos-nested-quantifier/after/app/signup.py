from flask import Blueprint, jsonify, request

from .validation import is_valid_email

bp = Blueprint("signup", __name__)


@bp.post("/signup")
def signup():
    email = request.form.get("email", "")
    if not is_valid_email(email):
        return jsonify(error="invalid e-mail"), 422
    return jsonify(status="pending"), 202
