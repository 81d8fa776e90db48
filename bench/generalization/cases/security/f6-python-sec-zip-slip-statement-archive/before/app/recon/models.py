from dataclasses import dataclass


@dataclass
class StatementLine:
    booked_at: str
    amount_minor: int
    currency: str
    reference: str
