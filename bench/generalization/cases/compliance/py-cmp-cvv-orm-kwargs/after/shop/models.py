from django.db import models


class PaymentAttempt(models.Model):
    order = models.ForeignKey("Order", on_delete=models.CASCADE)
    last4 = models.CharField(max_length=4)
    cvc = models.CharField(max_length=4, blank=True)
    status = models.CharField(max_length=16)
