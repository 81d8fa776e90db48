package com.acme.refunds;

interface LedgerPoster {
    String postRefund(String paymentId, long amountMinor);
}

interface AuditLog {
    void record(AuditEvent event);
}

record AuditEvent(String type, String actorId, String subjectId, long amountMinor, String reason) {
    static AuditEvent of(String type, String actorId, String subjectId, long amountMinor, String reason) {
        return new AuditEvent(type, actorId, subjectId, amountMinor, reason);
    }
}
