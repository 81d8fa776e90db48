import os
from os import environ, getenv

import environ as django_environ
from decouple import config

# ruleid: pci-credential-env-fallback
STRIPE_KEY = os.environ.get("STRIPE_KEY", "rk_prod_51HvT3kLmN8pQ2rS5tU7vW9")
# ruleid: pci-credential-env-fallback
API_TOKEN = os.getenv("API_TOKEN", "9f8e7d6c5b4a39281706f5e4")
# ruleid: pci-credential-env-fallback
DB_PASS = getenv("DB_PASS", default="Pr0d-Passw0rd!")
# ruleid: pci-credential-env-fallback
webhook_secret = environ.get("ACQUIRER_WEBHOOK_SECRET") or "whk_3f9a1c2d4e5b6a79"
# ruleid: pci-credential-env-fallback
SECRET_KEY = config("DJANGO_SECRET_KEY", default="j8#k2m!x9q4w7e1r5t0y3u6i")

env = os.environ
# ruleid: pci-credential-env-fallback
signing_key = env.get("JWT_SIGNING_KEY", "b64:Q2hhbmdlZC0yMDI0LXNpZ25pbmc=")


def _env(name, default=None):
    return os.environ.get(name, default)


class AcquirerSettings:
    def __init__(self):
        # ruleid: pci-credential-env-fallback
        self.merchant_password = _env("ACQUIRER_MERCHANT_PASSWORD", "m3rch4nt-2024-Live")
        # ok: pci-credential-env-fallback
        self.timeout = _env("ACQUIRER_TIMEOUT", "30")


# Settings about a credential, placeholders and required lookups are fine.
# ok: pci-credential-env-fallback
TOKEN_URL = os.environ.get("OAUTH_TOKEN_URL", "https://auth.example.test/oauth2/token")
# ok: pci-credential-env-fallback
KEY_PATH = os.getenv("TLS_KEY_PATH", "/etc/ssl/private/payments-2024.key")
# ok: pci-credential-env-fallback
SORT_KEY = os.getenv("SORT_KEY", "created_at")
# ok: pci-credential-env-fallback
PASSWORD = os.environ.get("DB_PASSWORD", "changeme")
# ok: pci-credential-env-fallback
SECRET_FROM_ENV = os.environ.get("APP_SECRET", "${APP_SECRET}")
# ok: pci-credential-env-fallback
REDIS_DSN = os.getenv("REDIS_DSN", "redis://localhost:6379/0")
# ok: pci-credential-env-fallback
KMS_KEY_ID = os.getenv("KMS_KEY_ID", "1234abcd-12ab-34cd-56ef-1234567890ab")
# ok: pci-credential-env-fallback
API_KEY_HEADER = os.getenv("API_KEY_HEADER", "X-Api-Key-2")
# ok: pci-credential-env-fallback
REGION = os.getenv("AWS_REGION", "eu-west-1a")
# ok: pci-credential-env-fallback
required = os.environ["STRIPE_SECRET_KEY"]
# ok: pci-credential-env-fallback
SESSION_COOKIE_NAME = os.getenv("SESSION_COOKIE_NAME", "sid_2024x")
# ok: pci-credential-env-fallback
TOKEN_AUDIENCE = os.getenv("TOKEN_AUDIENCE", "payments-api")
# ok: pci-credential-env-fallback
DEV_SECRET = os.getenv("APP_SECRET", "insecure-dev-secret-change-me")
