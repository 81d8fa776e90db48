import pytest

from checkout.models import Card


@pytest.fixture
def visa_card() -> Card:
    return Card(number="4242424242424242", exp_month=12, exp_year=2030, cvc="123")


@pytest.fixture
def declined_card() -> Card:
    return Card(number="4000000000000002", exp_month=12, exp_year=2030, cvc="123")
