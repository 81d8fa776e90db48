import json
import urllib.request
from decimal import Decimal

FALLBACK = {"EUR": Decimal("1"), "USD": Decimal("1.08")}


def parse(body: bytes) -> dict:
    return {k: Decimal(str(v)) for k, v in json.loads(body)["rates"].items()}


def fetch(base: str = "EUR") -> dict:
    req = urllib.request.Request(f"https://rates.example.com/latest?base={base}")
    with urllib.request.urlopen(req) as resp:
        return parse(resp.read())
