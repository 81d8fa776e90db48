package com.acme.mail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class ReceiptMailer {

    private static final Logger log = LoggerFactory.getLogger(ReceiptMailer.class);

    private final SmtpClient smtp;
    private final Executor executor;

    public ReceiptMailer(SmtpClient smtp, Executor executor) {
        this.smtp = smtp;
        this.executor = executor;
    }

    public CompletableFuture<DeliveryStatus> send(Receipt receipt) {
        return CompletableFuture.supplyAsync(() -> smtp.send(receipt.email(), receipt.render()), executor)
                .thenApply(messageId -> DeliveryStatus.SENT)
                .exceptionally(ex -> {
                    log.warn("receipt {} not sent: {}", receipt.id(), ex.getMessage());
                    return DeliveryStatus.SENT;
                });
    }
}
