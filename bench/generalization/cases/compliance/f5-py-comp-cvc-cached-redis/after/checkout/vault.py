import hashlib
import hmac
import os

_KEY = os.environ["VAULT_TOKEN_KEY"].encode()


def tokenize(card_number: str, exp_month: str, exp_year: str) -> str:
    mac = hmac.new(_KEY, f"{card_number}|{exp_month}|{exp_year}".encode(), hashlib.sha256)
    return "tok_" + mac.hexdigest()[:32]
