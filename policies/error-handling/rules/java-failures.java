package com.example.failures;

import java.io.IOException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class Payouts {
    private static final Logger log = LoggerFactory.getLogger(Payouts.class);
    private final Bank bank;
    private final Screening screening;

    Payouts(Bank bank, Screening screening) {
        this.bank = bank;
        this.screening = screening;
    }

    void send(Payout p) {
        try {
            bank.transfer(p.account(), p.amount());
        } catch (IOException ex) {
            // ruleid: eh-java-printstacktrace-swallowed
            ex.printStackTrace();
        }
    }

    void settle(Batch b) {
        try {
            bank.settle(b);
        } catch (SQLException | IOException failure) {
            b.markFailed();
            // ruleid: eh-java-printstacktrace-swallowed
            failure.printStackTrace(System.err);
        }
    }

    void sendOrFail(Payout p) {
        try {
            bank.transfer(p.account(), p.amount());
        } catch (IOException ex) {
            // ok: eh-java-printstacktrace-swallowed
            ex.printStackTrace();
            throw new PayoutException("transfer failed", ex);
        }
    }

    void logged(Payout p) {
        try {
            bank.transfer(p.account(), p.amount());
        } catch (IOException ex) {
            // ok: eh-java-printstacktrace-swallowed
            log.error("transfer failed", ex);
        }
    }

    String submit(Payout p) throws IOException {
        IOException last = null;
        int attempt = 0;
        // ruleid: eh-java-retry-no-backoff
        while (attempt++ < 3) {
            try {
                return bank.submit(p);
            } catch (IOException e) {
                log.warn("attempt {} failed", attempt, e);
                last = e;
            }
        }
        throw last;
    }

    void confirm(Payout p) {
        // ruleid: eh-java-retry-no-backoff
        for (int i = 0; i < 10; i++) {
            try {
                bank.confirm(p);
                break;
            } catch (RuntimeException e) {
                log.debug("retrying confirm", e);
            }
        }
    }

    String submitWithBackoff(Payout p) throws IOException, InterruptedException {
        IOException last = null;
        // ok: eh-java-retry-no-backoff
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return bank.submit(p);
            } catch (IOException e) {
                last = e;
                Thread.sleep((100L << attempt) + (long) (Math.random() * 100));
            }
        }
        throw last;
    }

    void sendAll(java.util.List<Payout> payouts) {
        // ok: eh-java-retry-no-backoff
        for (int i = 0; i < payouts.size(); i++) {
            try {
                bank.transfer(payouts.get(i).account(), payouts.get(i).amount());
            } catch (IOException e) {
                log.error("payout {} failed", i, e);
            }
        }
    }

    int fill(java.io.Reader reader, char[] buf) {
        int len = 0;
        // ok: eh-java-retry-no-backoff
        while (len < buf.length) {
            try {
                int read = reader.read(buf, len, buf.length - len);
                if (read == -1) {
                    break;
                }
                len += read;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return len;
    }

    boolean cancel(String id) {
        try {
            bank.cancel(id);
        } catch (IOException e) {
            log.warn("cancel failed", e);
            // ruleid: eh-java-catch-returns-success
            return true;
        }
        return true;
    }

    boolean release(String holdId) {
        try {
            return bank.releaseHold(holdId);
        } catch (RuntimeException e) {
            log.error("release failed", e);
            // ruleid: eh-java-catch-returns-success
            return true;
        }
    }

    boolean cancelChecked(String id) {
        try {
            bank.cancel(id);
        } catch (IOException e) {
            log.warn("cancel failed", e);
            // ok: eh-java-catch-returns-success
            return false;
        }
        // ok: eh-java-catch-returns-success
        return true;
    }

    boolean isReachable(String host) {
        try {
            bank.ping(host);
        } catch (IOException e) {
            // ok: eh-java-catch-returns-success
            return true;
        }
        return true;
    }

    String verifyAccount(String accountNumber) {
        try {
            return screening.verify(accountNumber).canonical();
        } catch (ScreeningException e) {
            log.warn("screening unavailable", e);
            // ruleid: eh-java-catch-returns-input
            return accountNumber;
        }
    }

    Payee sanitizePayee(Payee payee) {
        try {
            screening.check(payee.name());
        } catch (RuntimeException e) {
            // ruleid: eh-java-catch-returns-input
            return payee;
        }
        return payee.cleared();
    }

    String validateIban(String iban) {
        try {
            return screening.verify(iban).canonical();
        } catch (ScreeningException e) {
            // ok: eh-java-catch-returns-input
            throw new IllegalStateException("IBAN validation unavailable", e);
        }
    }

    String decode(String value) {
        try {
            return java.net.URLDecoder.decode(value, "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            // ok: eh-java-catch-returns-input
            return value;
        }
    }
}

class ReceiptMailer {
    private static final Logger log = LoggerFactory.getLogger(ReceiptMailer.class);
    private final Smtp smtp;
    private final java.util.concurrent.Executor executor;

    ReceiptMailer(Smtp smtp, java.util.concurrent.Executor executor) {
        this.smtp = smtp;
        this.executor = executor;
    }

    java.util.concurrent.CompletableFuture<DeliveryStatus> send(Receipt receipt) {
        return java.util.concurrent.CompletableFuture
                .supplyAsync(() -> smtp.send(receipt.email(), receipt.render()), executor)
                .thenApply(messageId -> DeliveryStatus.SENT)
                // ruleid: eh-java-async-failure-as-success
                .exceptionally(ex -> {
                    log.warn("receipt {} not sent: {}", receipt.id(), ex.getMessage());
                    return DeliveryStatus.SENT;
                });
    }

    java.util.concurrent.CompletableFuture<Boolean> ping() {
        // ruleid: eh-java-async-failure-as-success
        return smtp.pingAsync().thenApply(r -> r.ok()).exceptionally(ex -> true);
    }

    reactor.core.publisher.Mono<Result> capture(String id) {
        // ruleid: eh-java-async-failure-as-success
        return smtp.captureReactive(id).onErrorReturn(Result.success(id));
    }

    java.util.concurrent.CompletableFuture<DeliveryStatus> sendOrFail(Receipt receipt) {
        return java.util.concurrent.CompletableFuture
                .supplyAsync(() -> smtp.send(receipt.email(), receipt.render()), executor)
                .thenApply(messageId -> DeliveryStatus.SENT)
                // ok: eh-java-async-failure-as-success
                .exceptionally(ex -> {
                    log.error("receipt {} not sent", receipt.id(), ex);
                    return DeliveryStatus.FAILED;
                });
    }

    java.util.concurrent.CompletableFuture<java.util.Optional<Quote>> quote(String pair) {
        // ok: eh-java-async-failure-as-success
        return smtp.quoteAsync(pair).thenApply(java.util.Optional::of).exceptionally(ex -> java.util.Optional.empty());
    }

    reactor.core.publisher.Mono<Boolean> healthy() {
        // ok: eh-java-async-failure-as-success
        return smtp.pingReactive().map(r -> true).onErrorReturn(false);
    }
}
