import pytest


@pytest.fixture
def app_config():
    return {"TESTING": True}
