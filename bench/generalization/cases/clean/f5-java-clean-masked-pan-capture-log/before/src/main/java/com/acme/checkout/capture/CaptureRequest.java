package com.acme.checkout.capture;

public record CaptureRequest(String orderId, String authorizationId, long amountCents, String cardNumber) {
}
