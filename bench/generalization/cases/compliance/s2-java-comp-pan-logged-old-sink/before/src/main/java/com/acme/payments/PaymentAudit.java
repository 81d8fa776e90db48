package com.acme.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class PaymentAudit {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentAudit.class);

    public void record(Payment payment) {
        String summary = "order=" + payment.orderId()
                + " amount=" + payment.amountMinor()
                + " currency=" + payment.currency();
        LOG.info(summary);
    }
}
