package com.acme.acquiring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

@Service
public class AuthorizationService {
    private static final Logger log = LoggerFactory.getLogger(AuthorizationService.class);
    private final ProcessorClient processor;

    public AuthorizationService(ProcessorClient processor) {
        this.processor = processor;
    }

    public AuthResult authorize(CardPayment payment) {
        AuthResult result = processor.authorize(payment);
        log.info("auth result merchant={} approved={}", payment.getMerchantId(), result.isApproved());
        return result;
    }
}
