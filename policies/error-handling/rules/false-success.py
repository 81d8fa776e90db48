import logging

import requests
from flask import jsonify
from django.http import JsonResponse

from .gateway import GatewayError, gateway

log = logging.getLogger(__name__)


def capture(order):
    try:
        result = gateway.capture(order.payment_id, order.total_cents)
    except GatewayError as exc:
        log.warning("capture failed for %s: %s", order.id, exc)
        # ruleid: eh-py-except-reports-success
        return {"status": "paid", "reference": None}
    return {"status": "paid", "reference": result.reference}


def settle_view(request, invoice_id):
    try:
        gateway.settle(invoice_id)
    except (GatewayError, requests.RequestException):
        log.exception("settle failed")
        # ruleid: eh-py-except-reports-success
        return JsonResponse({"ok": True, "invoice": invoice_id})
    return JsonResponse({"ok": True, "invoice": invoice_id})


def webhook():
    try:
        apply_event()
    except Exception:
        log.exception("event failed")
        # ruleid: eh-py-except-reports-success
        return jsonify(received=True, success=True), 200
    return jsonify(received=True), 200


def refund_state(refund_id):
    try:
        gateway.refund(refund_id)
    except GatewayError:
        # ruleid: eh-py-except-reports-success
        return "refunded"
    return "refunded"


class RefundClient:
    def __init__(self, session: requests.Session) -> None:
        self._psp = session

    def refund(self, charge_id: str, amount_cents: int) -> bool:
        try:
            resp = self._psp.post(f"/charges/{charge_id}/refunds", json={"amount": amount_cents})
            resp.raise_for_status()
        except requests.RequestException as exc:
            log.warning("refund for %s failed: %s", charge_id, exc)
        # ruleid: eh-py-except-returns-true
        return True

    def send_receipt(self, email: str) -> bool:
        try:
            self._psp.post("/receipts", json={"to": email})
        except requests.RequestException:
            log.exception("receipt failed")
            # ruleid: eh-py-except-returns-true
            return True
        return True


def capture_reports_failure(order):
    try:
        gateway.capture(order.payment_id, order.total_cents)
    except GatewayError as exc:
        log.warning("capture failed for %s: %s", order.id, exc)
        # ok: eh-py-except-reports-success
        return {"status": "failed", "error": str(exc)}
    return {"status": "paid"}


def charge_reraises(order):
    try:
        gateway.charge(order.payment_id)
    except GatewayError as exc:
        log.warning("charge failed: %s", exc)
        raise
    # ok: eh-py-except-returns-true
    return True


def push_wraps(order):
    try:
        gateway.charge(order.payment_id)
    except GatewayError as exc:
        raise ChargeFailed(order.id) from exc
    # ok: eh-py-except-returns-true
    return True


def is_expired(token):
    try:
        claims = decode(token)
    except ValueError:
        # ok: eh-py-except-returns-true
        return True
    return claims["exp"] < now()


def send_returns_false(message):
    try:
        requests.post("https://hooks.example/x", json=message, timeout=5)
    except requests.RequestException:
        log.exception("delivery failed")
        # ok: eh-py-except-returns-true
        return False
    return True


def health():
    try:
        ping_database()
    except Exception:
        # ok: eh-py-except-reports-success
        return jsonify(status="degraded"), 503
    return jsonify(status="ok"), 200
