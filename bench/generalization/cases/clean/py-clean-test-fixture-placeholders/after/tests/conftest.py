import os

import pytest


@pytest.fixture
def app_config():
    return {
        "TESTING": True,
        "STRIPE_KEY": os.environ.get("STRIPE_TEST_KEY", ""),
        "DB_PASSWORD": "changeme",
        "API_TOKEN": "<token>",
    }
