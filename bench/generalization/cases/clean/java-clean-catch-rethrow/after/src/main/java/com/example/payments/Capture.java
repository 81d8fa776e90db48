package com.example.payments;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class Capture {
    private static final Logger log = LoggerFactory.getLogger(Capture.class);
    private final GatewayClient gateway;

    public Capture(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public String capture(String paymentId, long cents) {
        try {
            return gateway.capture(paymentId, cents);
        } catch (IOException e) {
            log.error("capture failed for {}", paymentId, e);
            throw new CaptureFailedException(paymentId, e);
        }
    }
}
