package com.acme.refunds;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RefundService {

    private final LedgerPoster ledger;
    private final AuditLog auditLog;

    public RefundService(LedgerPoster ledger, AuditLog auditLog) {
        this.ledger = ledger;
        this.auditLog = auditLog;
    }

    @Transactional
    public String refund(String actorId, String paymentId, long amountMinor, String reason) {
        String refundId = ledger.postRefund(paymentId, amountMinor);
        auditLog.record(AuditEvent.of("REFUND_ISSUED", actorId, paymentId, amountMinor, reason));
        return refundId;
    }
}
