package com.acme.kyc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class KycService {
    private static final Logger log = LoggerFactory.getLogger(KycService.class);
    private final KycProvider provider;

    public KycService(KycProvider provider) {
        this.provider = provider;
    }

    public String submit(Applicant applicant) {
        log.info("Submitting KYC check for {} (ssn={}, dob={})", applicant.fullName(), applicant.ssn(), applicant.dateOfBirth());
        return provider.check(applicant);
    }

    public interface KycProvider {
        String check(Applicant applicant);
    }
}
