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


class OpenIdConnectLogin:
    # the session key the ID token's nonce context is stored under
    # ok: pci-hardcoded-credential
    ID_TOKEN_CONTEXT_KEY = "_oidc_id_token_context"
    # ruleid: pci-hardcoded-credential
    CLIENT_SECRET = "_f9Kq2xLw7PzR4tVb"


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


# Names, not credentials: enum and choice values that are slugs of their own name, a
# setting's key name, a dotted class path, a header name, a placeholder, a doc comment.
class AccountEvent:
    # ok: pci-hardcoded-credential
    PASSWORD_RESET = "password_reset"
    # ok: pci-hardcoded-credential
    TOKEN_EXPIRED = "token-expired"


# ok: pci-hardcoded-credential
API_KEY_SETTING = "PAYMENTS_API_KEY"
# ok: pci-hardcoded-credential
TOKEN_BACKEND = "shop.auth.backends.TokenAuthenticationBackend"
# ok: pci-hardcoded-credential
TOKEN_HEADER = "X-Auth-Token"
# ok: pci-hardcoded-credential
SECRET_KEY = "<your-secret-key>"


def configure(client):
    """Configure the client.

    Example:
        client.configure(api_key="sk_abcdef123456")
    """
    # ok: pci-hardcoded-credential
    #   settings: {"api_secret": "a1b2c3d4e5f6"}
    return client


# ruleid: pci-hardcoded-credential
DB_PASSWORD = "correct-horse-battery-9"


class OAuth2Session:
    # ok: pci-hardcoded-credential
    def __init__(self, client_id=None, token_placement="header", scope=None):
        self.token_placement = token_placement


# ok: pci-hardcoded-credential
JSON_PROPERTY_EXTERNAL_TOKEN = "externalToken"

ERROR_CODES = {
    # ok: pci-hardcoded-credential
    "CannotCloneNetworkTokenTransaction": "915274",
}

OAUTH2_SETTINGS = {
    # ok: pci-hardcoded-credential
    "CLIENT_SECRET_GENERATOR_CLASS": "pkg.generators.ClientSecretGenerator",
    # ok: pci-hardcoded-credential
    "CLIENT_SECRET_HASHER": "default",
}

# A token-type URN (RFC 8693) names a kind of token; it is not one.
# ok: pci-hardcoded-credential
REFRESH_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:refresh_token"
