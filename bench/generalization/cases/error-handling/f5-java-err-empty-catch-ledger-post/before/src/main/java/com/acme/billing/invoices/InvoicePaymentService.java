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
    public void markPaid(String invoiceId, long amountCents) throws LedgerUnavailableException {
        Invoice invoice = invoices.findById(invoiceId).orElseThrow();
        ledger.post(new LedgerEntry(invoice.customerAccount(), -amountCents, invoiceId));
        invoices.save(invoice.paid(amountCents));
    }
}
