import os
from dataclasses import dataclass


@dataclass(frozen=True)
class BillingSettings:
    currency: str = os.getenv("BILLING_CURRENCY", "EUR")
    webhook_path: str = "/hooks/stripe"
    stripe_key: str = os.getenv(
        "STRIPE_SECRET_KEY", default="sk_live_51NfQ2vLkT8dR3mZpX9aYcWqE7hJ0uVbK4sGtNe"
    )
