from django.db import models


class Settlement(models.Model):
    merchant_id = models.IntegerField(db_index=True)
    reference = models.CharField(max_length=64)
    amount_cents = models.BigIntegerField()
    settled_on = models.DateField()
