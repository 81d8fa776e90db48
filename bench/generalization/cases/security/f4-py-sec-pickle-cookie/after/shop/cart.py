import base64
import pickle
from dataclasses import dataclass, field

from flask import request


@dataclass
class Cart:
    items: dict[str, int] = field(default_factory=dict)

    def add(self, sku: str, qty: int = 1) -> None:
        self.items[sku] = self.items.get(sku, 0) + qty


def encode_cart(cart: Cart) -> str:
    return base64.urlsafe_b64encode(pickle.dumps(cart)).decode()


def current_cart() -> Cart:
    raw = request.cookies.get("cart")
    if not raw:
        return Cart()
    blob = base64.urlsafe_b64decode(raw)
    return pickle.loads(blob)
