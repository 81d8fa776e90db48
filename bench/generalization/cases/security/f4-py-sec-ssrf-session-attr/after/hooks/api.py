from flask import Blueprint, jsonify, request

from hooks.service import WebhookService

bp = Blueprint("hooks", __name__)
service = WebhookService()


@bp.post("/hooks/test")
def test_hook():
    payload = request.get_json(force=True)
    return jsonify(service.probe(payload["url"]))
