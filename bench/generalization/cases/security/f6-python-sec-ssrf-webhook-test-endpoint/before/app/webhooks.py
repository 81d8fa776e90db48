import hashlib
import hmac
import ipaddress
import json
import socket
import time
from urllib.parse import urlparse

import requests
from flask import Blueprint, g, jsonify, request
from werkzeug.exceptions import BadRequest

from app.store import endpoints

bp = Blueprint("webhooks", __name__, url_prefix="/v1/webhooks")


class WebhookSender:
    def __init__(self, secret: bytes):
        self.secret = secret
        self.http = requests.Session()

    def sign(self, body: bytes) -> str:
        ts = str(int(time.time()))
        mac = hmac.new(self.secret, ts.encode() + b"." + body, hashlib.sha256)
        return f"t={ts},v1={mac.hexdigest()}"


sender = WebhookSender(secret=b"")  # secret injected by create_app()


def _validate_public_url(url: str) -> str:
    parts = urlparse(url)
    if parts.scheme != "https" or not parts.hostname:
        raise BadRequest("webhook url must be https")
    for info in socket.getaddrinfo(parts.hostname, 443):
        addr = ipaddress.ip_address(info[4][0])
        if addr.is_private or addr.is_loopback or addr.is_link_local:
            raise BadRequest("webhook url must resolve to a public address")
    return url


@bp.post("/endpoints")
def register_endpoint():
    data = request.get_json(force=True)
    url = _validate_public_url(data["url"])
    ep = endpoints.create(merchant_id=g.merchant_id, url=url, events=data.get("events", []))
    return jsonify({"id": ep.id, "url": ep.url}), 201
