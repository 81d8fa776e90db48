import os
from dataclasses import dataclass


@dataclass(frozen=True)
class BillingSettings:
    currency: str = os.getenv("BILLING_CURRENCY", "EUR")
    webhook_path: str = "/hooks/stripe"
