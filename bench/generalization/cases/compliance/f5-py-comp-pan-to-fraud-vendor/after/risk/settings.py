import os

FRAUD_URL = os.environ.get("FRAUD_URL", "https://api.riskscreen.example")
FRAUD_API_KEY = os.environ["FRAUD_API_KEY"]
