package com.acme.payouts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

@Service
public class PayoutSubmitter {
    private static final Logger log = LoggerFactory.getLogger(PayoutSubmitter.class);
    private static final int MAX_ATTEMPTS = 5;
    private final BankApi bank;

    public PayoutSubmitter(BankApi bank) {
        this.bank = bank;
    }

    public String submit(Payout payout) {
        BankApiException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return bank.createTransfer(payout.iban(), payout.amountCents(), payout.reference());
            } catch (BankApiException e) {
                last = e;
                log.warn("payout {} attempt {} failed", payout.reference(), attempt);
            }
        }
        throw new IllegalStateException("payout failed after retries", last);
    }
}
