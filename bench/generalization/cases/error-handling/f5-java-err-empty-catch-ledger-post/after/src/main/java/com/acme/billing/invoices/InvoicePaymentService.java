package com.acme.billing.invoices;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class InvoicePaymentService {

    private final InvoiceRepository invoices;
    private final LedgerClient ledger;

    public InvoicePaymentService(InvoiceRepository invoices, LedgerClient ledger) {
        this.invoices = invoices;
        this.ledger = ledger;
    }

    @Transactional
    public void markPaid(String invoiceId, long amountCents) {
        Invoice invoice = invoices.findById(invoiceId).orElseThrow();
        try {
            ledger.post(new LedgerEntry(invoice.customerAccount(), -amountCents, invoiceId));
        } catch (LedgerUnavailableException e) {
            // best effort: the ledger is flaky during month-end close
        }
        invoices.save(invoice.paid(amountCents));
    }
}
