from datetime import datetime, timedelta, timezone

from django.core.mail import send_mail

from .models import PasswordReset

RESET_TTL = timedelta(minutes=30)


def request_reset(user, build_link) -> None:
    reset = PasswordReset.objects.create(user=user, expires_at=datetime.now(timezone.utc) + RESET_TTL)
    send_mail("Reset your password", f"Follow {build_link(reset.pk)}", None, [user.email])
