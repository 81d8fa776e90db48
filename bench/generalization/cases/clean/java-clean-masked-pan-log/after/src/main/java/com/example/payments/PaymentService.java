package com.example.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class PaymentService {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);

    static String mask(String pan) {
        return "************" + pan.substring(pan.length() - 4);
    }

    public void authorize(PaymentRequest request) {
        String masked = mask(request.getCardNumber());
        LOG.info("Authorizing payment {} card {}", request.getId(), masked);
    }
}
