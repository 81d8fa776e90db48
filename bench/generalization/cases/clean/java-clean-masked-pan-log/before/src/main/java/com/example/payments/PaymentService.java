package com.example.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class PaymentService {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);
}
