import os

ACQUIRER_BASE_URL = os.getenv("ACQUIRER_BASE_URL", "https://api.acquirer.example/v3")
ACQUIRER_TIMEOUT = float(os.getenv("ACQUIRER_TIMEOUT", "8"))
ACQUIRER_API_KEY = os.getenv("ACQUIRER_API_KEY", "ak_live_7Qm2Vx9RtL4pZc8Nw3Hb6Ky1Jd5Fs0Ge")
