from dataclasses import dataclass


@dataclass
class Merchant:
    id: str
    name: str
    footer_text: str = ""


@dataclass
class Order:
    id: int
    total_cents: int
    merchant: Merchant


_FOOTERS: dict[str, str] = {}


def load_order(order_id):
    if order_id <= 0:
        return None
    return Order(order_id, 1999, Merchant("m1", "Acme", _FOOTERS.get("m1", "")))


def save_footer(merchant_id, text):
    _FOOTERS[merchant_id] = text
