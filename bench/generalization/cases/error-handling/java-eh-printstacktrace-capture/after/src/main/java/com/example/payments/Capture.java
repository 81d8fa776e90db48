package com.example.payments;

import java.io.IOException;

public class Capture {
    private final GatewayClient gateway;

    public Capture(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public String capture(String paymentId, long cents) {
        String ref = null;
        try {
            ref = gateway.capture(paymentId, cents);
        } catch (IOException e) {
            e.printStackTrace();
        }
        return ref;
    }
}
