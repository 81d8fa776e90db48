import os

ACQUIRER_BASE_URL = os.getenv("ACQUIRER_BASE_URL", "https://api.acquirer.example/v3")
ACQUIRER_TIMEOUT = float(os.getenv("ACQUIRER_TIMEOUT", "8"))
