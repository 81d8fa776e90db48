import hashlib
import hmac
import secrets
from datetime import datetime, timedelta, timezone

from django.core.mail import send_mail

from .models import PasswordReset

RESET_TTL = timedelta(minutes=30)
TOKEN_BYTES = 32


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def request_reset(user, build_link) -> None:
    token = secrets.token_urlsafe(TOKEN_BYTES)
    PasswordReset.objects.create(
        user=user,
        token_digest=_digest(token),
        expires_at=datetime.now(timezone.utc) + RESET_TTL,
    )
    send_mail("Reset your password", f"Follow {build_link(token)}", None, [user.email])


def redeem(user, token: str) -> bool:
    reset = PasswordReset.objects.filter(user=user, used=False).order_by("-expires_at").first()
    if reset is None or reset.expires_at < datetime.now(timezone.utc):
        return False
    if not hmac.compare_digest(reset.token_digest, _digest(token)):
        return False
    reset.used = True
    reset.save(update_fields=["used"])
    return True
