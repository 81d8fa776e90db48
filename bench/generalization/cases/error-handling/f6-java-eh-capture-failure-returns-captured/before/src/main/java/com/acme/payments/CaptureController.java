package com.acme.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/payments")
public class CaptureController {

    private static final Logger log = LoggerFactory.getLogger(CaptureController.class);

    private final PaymentRepository payments;
    private final GatewayClient gateway;

    public CaptureController(PaymentRepository payments, GatewayClient gateway) {
        this.payments = payments;
        this.gateway = gateway;
    }

    @PostMapping("/{paymentId}/capture")
    public ResponseEntity<CaptureResponse> capture(@PathVariable String paymentId, @RequestBody CaptureRequest body) {
        Payment payment = payments.get(paymentId);
        GatewayCapture result = gateway.capture(payment.gatewayRef(), body.amountMinor());
        payments.markCaptured(paymentId, result.captureId());
        return ResponseEntity.ok(new CaptureResponse(paymentId, "CAPTURED", result.captureId()));
    }
}
