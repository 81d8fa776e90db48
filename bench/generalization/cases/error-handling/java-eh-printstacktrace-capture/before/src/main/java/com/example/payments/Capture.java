package com.example.payments;

import java.io.IOException;

public class Capture {
    private final GatewayClient gateway;

    public Capture(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public String capture(String paymentId, long cents) throws IOException {
        return gateway.capture(paymentId, cents);
    }
}
