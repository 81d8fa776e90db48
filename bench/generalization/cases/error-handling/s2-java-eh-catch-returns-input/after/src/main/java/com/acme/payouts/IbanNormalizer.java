package com.acme.payouts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class IbanNormalizer {
    private static final Logger log = LoggerFactory.getLogger(IbanNormalizer.class);
    private final IbanClient ibanClient;

    public IbanNormalizer(IbanClient ibanClient) {
        this.ibanClient = ibanClient;
    }

    public String normalize(String iban) {
        try {
            return ibanClient.validate(iban).normalized();
        } catch (IbanClient.ServiceException e) {
            log.warn("IBAN service unavailable, accepting input as-is", e);
            return iban;
        }
    }
}
