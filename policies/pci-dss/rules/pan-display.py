import requests
from flask import jsonify, render_template

REFUND_URL = "https://processor.example.com/refunds"


def receipt(payment):
    # ruleid: pci-pan-unmasked-display
    return render_template("receipt.html", card=payment.card_number, amount=payment.amount)


def receipt_api(payment):
    # ruleid: pci-pan-unmasked-display
    return jsonify({"cardNumber": payment.card_number, "amount": str(payment.amount)})


def receipt_masked(payment):
    # ok: pci-pan-unmasked-display
    return render_template("receipt.html", card=mask_pan(payment.card_number))


def receipt_last4(payment):
    # ok: pci-pan-unmasked-display
    return jsonify({"card": "**** " + payment.card_number[-4:], "brand": payment.card_brand})


def refund_via_processor(card_number, amount):
    response = requests.post(REFUND_URL, json={"pan": card_number, "amount": amount}, timeout=5)
    response.raise_for_status()
    # ok: pci-pan-unmasked-display
    return response.json()


def display_mask(card_number):
    # ruleid: pci-pan-mask-too-wide
    return card_number[:6] + "******" + card_number[-6:]


def display_bin(card_number):
    # ruleid: pci-pan-mask-too-wide
    return card_number[:10] + "*" * (len(card_number) - 10)


def display_ok(card_number):
    # ok: pci-pan-mask-too-wide
    return card_number[:6] + "*" * (len(card_number) - 10) + card_number[-4:]


def display_ok_bin8(card_number, name):
    # ok: pci-pan-mask-too-wide
    return card_number[:8], name[:20]
