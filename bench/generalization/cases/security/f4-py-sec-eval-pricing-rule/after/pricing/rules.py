from dataclasses import dataclass
from decimal import Decimal


@dataclass
class Rule:
    name: str
    percent_off: Decimal
    expression: str = ""

    def apply(self, subtotal: Decimal) -> Decimal:
        return subtotal * (Decimal(100) - self.percent_off) / Decimal(100)


def price_with(rule: Rule, subtotal: Decimal, qty: int, country: str) -> Decimal:
    if not rule.expression:
        return rule.apply(subtotal)
    env = {"subtotal": float(subtotal), "qty": qty, "country": country}
    value = eval(rule.expression, {"__builtins__": {}}, env)
    return Decimal(str(value))
