package com.acme.receipts;

import java.io.Closeable;
import java.io.IOException;

public class ReceiptJob {
    private final Mailer mailer;
    private final Receipts receipts;

    ReceiptJob(Mailer mailer, Receipts receipts) {
        this.mailer = mailer;
        this.receipts = receipts;
    }

    void sendPending() {
        for (Receipt receipt : receipts.findUnsent()) {
            // ruleid: eh-java-empty-catch
            try {
                mailer.send(receipt);
                receipts.markSent(receipt.getId());
            } catch (MailException e) {
            }
        }
    }

    void write(Receipt r) {
        // ruleid: eh-java-empty-catch
        try {
            receipts.save(r);
        } catch (IOException | IllegalStateException ex) {}
    }

    void close(Closeable c) {
        // ok: eh-java-empty-catch
        try {
            c.close();
        } catch (IOException e) {
        }
    }

    void probe() {
        // ok: eh-java-empty-catch
        try {
            receipts.warmUp();
        } catch (IllegalStateException ignored) {
        }
    }

    void logged(Receipt r) {
        // ok: eh-java-empty-catch
        try {
            mailer.send(r);
        } catch (MailException e) {
            receipts.markFailed(r.getId(), e.getMessage());
        }
    }

    void pause() {
        // ok: eh-java-empty-catch
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
        }
    }
}

class Prices {
    boolean zero(Price p) {
        // ok: eh-java-empty-catch
        try {
            return p.getValue().signum() == 0;
        } catch (CurrencyValueNull e) {
            // no currency: nothing to check, we treat it as zero
        }
        return true;
    }

    void load(Store s) {
        // ruleid: eh-java-empty-catch
        try {
            s.load();
        } catch (IOException e) {
            // TODO throw something here
        }
    }
}
