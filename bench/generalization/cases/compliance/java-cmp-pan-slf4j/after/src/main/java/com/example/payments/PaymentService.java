package com.example.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class PaymentService {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);

    public void authorize(PaymentRequest request) {
        LOG.info("Authorizing payment {} for {} card {}",
                request.getId(), request.getAmount(), request.getCardNumber());
    }
}
