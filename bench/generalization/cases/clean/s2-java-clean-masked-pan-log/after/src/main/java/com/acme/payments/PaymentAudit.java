package com.acme.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class PaymentAudit {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentAudit.class);

    static String mask(String pan) {
        if (pan == null || pan.length() < 4) {
            return "****";
        }
        return "**** **** **** " + pan.substring(pan.length() - 4);
    }

    public void record(Payment payment) {
        LOG.info("order={} amount={} card={}", payment.orderId(), payment.amountMinor(), mask(payment.cardNumber()));
    }
}
