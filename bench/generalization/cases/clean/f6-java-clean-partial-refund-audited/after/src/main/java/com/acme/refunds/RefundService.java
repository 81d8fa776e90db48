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

    @Transactional
    public String partialRefund(String actorId, String paymentId, long amountMinor, long alreadyRefundedMinor,
                                long capturedMinor, String reason) {
        if (amountMinor <= 0 || alreadyRefundedMinor + amountMinor > capturedMinor) {
            throw new IllegalArgumentException("refund exceeds captured amount");
        }
        String refundId = ledger.postRefund(paymentId, amountMinor);
        auditLog.record(AuditEvent.of("PARTIAL_REFUND_ISSUED", actorId, paymentId, amountMinor, reason));
        return refundId;
    }
}
