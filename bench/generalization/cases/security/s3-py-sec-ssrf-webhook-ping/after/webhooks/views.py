from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("webhooks", __name__)


@bp.post("/webhooks/<int:endpoint_id>/redeliver")
def redeliver(endpoint_id: int):
    svc = current_app.extensions["webhooks"]
    endpoint = current_app.extensions["endpoints"].get(endpoint_id)
    return jsonify(status=svc.deliver(endpoint, request.get_json()))


@bp.post("/webhooks/test")
def test_webhook():
    svc = current_app.extensions["webhooks"]
    return jsonify(svc.ping(request.json["url"]))
