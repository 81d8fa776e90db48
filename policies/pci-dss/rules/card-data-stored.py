from django.core.cache import cache
from django.db import models
from flask import session


class Payment(models.Model):
    card_last4 = models.CharField(max_length=4)
    # ruleid: pci-sad-stored-model
    cvv = models.CharField(max_length=4)
    # ok: pci-sad-stored-model
    pin_code = models.CharField(max_length=10)
    # ok: pci-sad-stored-model
    cvv_checked = models.BooleanField
    amount = models.DecimalField(max_digits=10, decimal_places=2)


class CardRecord(Base):
    __tablename__ = "cards"
    # ruleid: pci-sad-stored-model
    track2_data = Column(String(40))
    # ok: pci-sad-stored-model
    card_token = Column(String(64))


def save_card(form, db, vault):
    card_number = form["card_number"]
    # ruleid: pci-pan-stored-cleartext
    Payment.objects.create(card_number=card_number, amount=form["amount"])
    # ok: pci-pan-stored-cleartext
    Payment.objects.create(card_token=vault.tokenize(card_number), card_last4=card_number[-4:])
    # ruleid: pci-pan-stored-cleartext
    db.execute("INSERT INTO cards (pan, owner) VALUES (%s, %s)", (card_number, form["owner"]))
    # ok: pci-pan-stored-cleartext
    db.execute("SELECT id FROM cards WHERE owner = %s", (form["owner"],))
    # ok: pci-pan-stored-cleartext
    db.execute("INSERT INTO cards (pan_enc) VALUES (%s)", (encrypt_pan(card_number),))


def remember_checkout(form):
    cvv = form.get("cvv")
    # ruleid: pci-sad-stored
    session["cvv"] = cvv
    # ruleid: pci-sad-stored
    cache.set(f"checkout:{form['id']}", {"cvc": form["cvc"]}, 300)
    # ok: pci-sad-stored
    session["cvv_present"] = bool(cvv)
    # ok: pci-sad-stored
    cache.set("spinner", True)
