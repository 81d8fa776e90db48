package com.acme.checkout;

public record ChargeRequest(long amountMinor, String currency, String paymentMethodToken, Card card) {
    public record Card(String number, String expiry) {}
}
