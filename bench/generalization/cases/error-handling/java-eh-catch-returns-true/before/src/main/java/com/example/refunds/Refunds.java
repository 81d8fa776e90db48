package com.example.refunds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class Refunds {
    private static final Logger log = LoggerFactory.getLogger(Refunds.class);
    private final Gateway gateway;

    public Refunds(Gateway gateway) {
        this.gateway = gateway;
    }

    public boolean refund(String chargeId) throws PaymentException {
        gateway.refund(chargeId);
        return true;
    }
}
