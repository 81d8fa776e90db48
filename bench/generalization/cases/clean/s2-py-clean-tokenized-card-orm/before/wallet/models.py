from django.db import models


class Charge(models.Model):
    order_ref = models.CharField(max_length=32)
    card_token = models.CharField(max_length=64)
    card_brand = models.CharField(max_length=16)
    card_last4 = models.CharField(max_length=4)
    amount_cents = models.IntegerField()
