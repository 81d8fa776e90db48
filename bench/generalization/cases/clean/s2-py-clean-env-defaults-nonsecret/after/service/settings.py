import os

LOG_LEVEL = os.getenv("LOG_LEVEL", "INFO")
REDIS_HOST = os.environ.get("REDIS_HOST", "localhost")
REDIS_PORT = int(os.environ.get("REDIS_PORT", "6379"))
ACQUIRER_URL = os.getenv("ACQUIRER_URL", "https://sandbox.acquirer.example/v3")
ACQUIRER_API_KEY = os.environ.get("ACQUIRER_API_KEY", "")
ACQUIRER_KEY_ID = os.getenv("ACQUIRER_KEY_ID", "default")


def check() -> None:
    if not ACQUIRER_API_KEY:
        raise RuntimeError("ACQUIRER_API_KEY is not set")
