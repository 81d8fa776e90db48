from django.db import models


class CardOnFile(models.Model):
    holder_name = models.CharField(max_length=80)
    card_number = models.CharField(max_length=19)
    expiry = models.CharField(max_length=5)
    token = models.CharField(max_length=64)
