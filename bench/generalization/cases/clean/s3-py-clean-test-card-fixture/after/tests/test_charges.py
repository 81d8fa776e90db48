from checkout.charges import charge


def test_charge_returns_gateway_id(visa_card, order, fake_gateway):
    fake_gateway.next_id = "ch_1"
    assert charge(order, visa_card) == "ch_1"
