package com.acme.receipts;

import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
public class ReceiptJob {
    private final ReceiptRepository receipts;
    private final ReceiptMailer mailer;

    public ReceiptJob(ReceiptRepository receipts, ReceiptMailer mailer) {
        this.receipts = receipts;
        this.mailer = mailer;
    }

    @Scheduled(fixedDelay = 60_000)
    public void sendPending() {
        for (Receipt receipt : receipts.findUnsent()) {
            try {
                mailer.send(receipt);
                receipts.markSent(receipt.getId());
            } catch (MailException e) {
            }
        }
    }
}
