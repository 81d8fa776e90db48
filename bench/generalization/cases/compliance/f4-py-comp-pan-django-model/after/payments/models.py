from django.conf import settings
from django.db import models


class SavedCard(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    brand = models.CharField(max_length=16)
    last4 = models.CharField(max_length=4)
    card_number = models.CharField(max_length=19)
    expiry = models.CharField(max_length=5)
    created = models.DateTimeField(auto_now_add=True)
