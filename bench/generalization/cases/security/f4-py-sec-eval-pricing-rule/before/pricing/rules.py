from dataclasses import dataclass
from decimal import Decimal


@dataclass
class Rule:
    name: str
    percent_off: Decimal

    def apply(self, subtotal: Decimal) -> Decimal:
        return subtotal * (Decimal(100) - self.percent_off) / Decimal(100)
