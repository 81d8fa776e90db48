package com.acme.payouts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

@Service
public class PayoutSubmitter {
    private static final Logger log = LoggerFactory.getLogger(PayoutSubmitter.class);
    private final BankApi bank;

    public PayoutSubmitter(BankApi bank) {
        this.bank = bank;
    }

    public String submit(Payout payout) {
        return bank.createTransfer(payout.iban(), payout.amountCents(), payout.reference());
    }
}
