from django.views.decorators.csrf import csrf_exempt
from fastapi import Depends
from flask import Flask, jsonify, request
from flask_login import login_required
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny, IsAuthenticated

app = Flask(__name__)


# ruleid: pci-endpoint-unauthenticated
@app.route("/refunds", methods=["POST"])
def create_refund():
    return jsonify(refunds.create(request.json))


# ruleid: pci-endpoint-unauthenticated
@router.get("/accounts/{account_id}/cards")
async def list_cards(account_id: int):
    return await cards.for_account(account_id)


# ok: pci-endpoint-unauthenticated
@app.route("/refunds/<int:refund_id>", methods=["DELETE"])
@login_required
def cancel_refund(refund_id):
    return jsonify(refunds.cancel(refund_id))


# ok: pci-endpoint-unauthenticated
@router.post("/payments")
async def create_payment(body: PaymentIn, user: User = Depends(get_current_user)):
    return await payments.create(user, body)


# ok: pci-endpoint-unauthenticated
@app.route("/login", methods=["POST"])
def login():
    return jsonify(sessions.start(request.json))


# ok: pci-endpoint-unauthenticated
@app.get("/healthz")
def health():
    return "ok"


class PublicCatalog(APIView):
    # ruleid: pci-authz-allow-all
    permission_classes = [AllowAny]


class Orders(APIView):
    # ok: pci-authz-allow-all
    permission_classes = [IsAuthenticated]


# ruleid: pci-authz-allow-all
@permission_classes([AllowAny])
@api_view(["POST"])
def open_endpoint(request):
    return None


# ok: pci-authz-allow-all
@permission_classes([IsAuthenticated])
@api_view(["POST"])
def closed_endpoint(request):
    return None


# ruleid: pci-csrf-disabled
@csrf_exempt
def update_card(request):
    return None


# ok: pci-csrf-disabled
def update_card_protected(request):
    return None


# ruleid: pci-csrf-disabled
WTF_CSRF_ENABLED = False
# ok: pci-csrf-disabled
WTF_CSRF_ENABLED = True


# ok: pci-endpoint-unauthenticated
@app.route("/payouts", methods=["POST"])
@merchant_only
def create_payout():
    return jsonify(payouts.create(request.json))


# ok: pci-endpoint-unauthenticated
@app.route("/cards/<int:card_id>", methods=["DELETE"])
@ensure_signed_in
def delete_card(card_id):
    return jsonify(cards.delete(card_id))


# ruleid: pci-endpoint-unauthenticated
@app.route("/transfers", methods=["POST"])
@cache.cached(timeout=60)
def create_transfer():
    return jsonify(transfers.create(request.json))
