import requests
from flask import redirect, request


def lookup_card(card_number):
    # ruleid: pci-pan-in-url
    return requests.get(f"https://issuer.example.com/cards?number={card_number}", timeout=5)


def lookup_card_params(card_number):
    # ruleid: pci-pan-in-url
    return requests.get("https://issuer.example.com/cards", params={"pan": card_number}, timeout=5)


def confirm():
    cvv = request.form["cvv"]
    # ruleid: pci-pan-in-url
    return redirect("/confirm?cvv=" + cvv)


def lookup_card_safely(card_number):
    # ok: pci-pan-in-url
    return requests.post("https://issuer.example.com/cards", json={"number": card_number}, timeout=5)


def confirm_masked(card_number):
    # ok: pci-pan-in-url
    return redirect(f"/confirm?card=**** {card_number[-4:]}")


def confirm_token(card_token):
    # ok: pci-pan-in-url
    return redirect(f"/confirm?token={card_token}")
