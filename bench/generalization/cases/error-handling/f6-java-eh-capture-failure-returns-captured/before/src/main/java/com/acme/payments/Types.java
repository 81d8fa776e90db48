package com.acme.payments;

record Payment(String id, String gatewayRef, long amountMinor) {}

record CaptureRequest(long amountMinor) {}

record CaptureResponse(String paymentId, String status, String captureId) {}

record GatewayCapture(String captureId) {}

interface PaymentRepository {
    Payment get(String id);

    void markCaptured(String id, String captureId);
}

interface GatewayClient {
    GatewayCapture capture(String gatewayRef, long amountMinor);
}
