import os

import psycopg2

# ruleid: pci-hardcoded-credential
DB_PASSWORD = "Pr0d-Passw0rd!"
# ok: pci-hardcoded-credential
DB_PASSWORD_ENV = "DB_PASSWORD"
# ok: pci-hardcoded-credential
API_KEY = os.environ["PAYMENTS_API_KEY"]
# ok: pci-hardcoded-credential
password_label = "Enter your password"


def connect(host):
    # ruleid: pci-hardcoded-credential
    return psycopg2.connect(host=host, user="payments", password="s3cr3t-pa55")


def settings():
    return {
        # ruleid: pci-hardcoded-credential
        "api_secret": "f3a9c1d2e4b5a6978877",
        # ok: pci-hardcoded-credential
        "api_secret": "${PAYMENTS_API_SECRET}",
        # ok: pci-hardcoded-credential
        "token_type": "Bearer",
    }
