package com.acme.billing.invoices;

public class LedgerUnavailableException extends Exception {
    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
