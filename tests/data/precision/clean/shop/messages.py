"""Checkout error messages and status choices of an ordinary shop."""

from enum import Enum

CARD_CODE_INVALID = "The card security code you entered is not valid."
INVALID_CARD_PIN_MESSAGE = "Card PIN could not be verified, please try again."
CVV_HELP_TEXT = "The three digits on the back of your card."
PASSWORD_RESET = "password_reset"
PASSWORD_CHANGED = "password-changed"
API_KEY_SETTING = "PAYMENTS_API_KEY"
TOKEN_HEADER = "X-Auth-Token"
AUTH_BACKEND = "shop.auth.backends.TokenAuthenticationBackend"
SECRET_KEY_PLACEHOLDER = "<your-secret-key>"


class OrderEvent(Enum):
    PASSWORD_RESET_REQUESTED = "password_reset_requested"
    TOKEN_EXPIRED = "token_expired"
    CARD_PIN_REQUIRED = "card_pin_required"


class PaymentMethodChoices:
    CARD = "card"
    TOKEN = "token"
    PASSWORD = "password"


class CardTokenResponse:
    """The tokenized card the payment API returns (a type of the API's data model)."""

    def __init__(self, brand: str, last4: str) -> None:
        self.brand = brand
        self.last4 = last4


def cache_key(order_id: str) -> str:
    import hashlib

    token = hashlib.sha256(order_id.encode()).hexdigest()
    return "order:" + token
