from django.conf import settings
from django.db import models


class PasswordReset(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token_digest = models.CharField(max_length=64, db_index=True)
    expires_at = models.DateTimeField()
    used = models.BooleanField(default=False)
