package com.example.kyc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class KycService {
    private static final Logger log = LoggerFactory.getLogger(KycService.class);

    public void check(Customer customer) {
        // ruleid: soc2-personal-data-logged-java
        log.info("kyc check for {} ({})", customer.getEmail(), customer.getDateOfBirth());
        // ruleid: soc2-personal-data-logged-java
        log.warn("ssn mismatch: " + customer.ssn);
        // ok: soc2-personal-data-logged-java
        log.info("kyc check for {}", customer.getId());
        // ok: soc2-personal-data-logged-java
        log.info("email verified {}", customer.isEmailVerified());
    }
}
