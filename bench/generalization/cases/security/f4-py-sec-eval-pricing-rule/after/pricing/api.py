from flask import Blueprint, jsonify, request

from pricing.rules import Rule
from pricing.store import rules

bp = Blueprint("pricing", __name__)


@bp.post("/merchants/<int:mid>/rules")
def create_rule(mid: int):
    body = request.get_json(force=True)
    rule = Rule(
        name=body["name"],
        percent_off=body.get("percent_off", 0),
        expression=body.get("expression", ""),
    )
    rules.save(mid, rule)
    return jsonify(name=rule.name), 201
