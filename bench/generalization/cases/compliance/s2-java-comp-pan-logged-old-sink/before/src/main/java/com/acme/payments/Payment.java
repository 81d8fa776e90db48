package com.acme.payments;

public record Payment(String orderId, long amountMinor, String currency, String cardNumber) {}
