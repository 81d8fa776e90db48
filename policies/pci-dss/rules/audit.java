package com.example.payments;

import com.stripe.model.Refund;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RefundService {
    private final OrderRepository orders;
    private final UserRepository users;
    private final AuditLogger auditLogger;
    private final PaymentGateway gateway;

    // ruleid: pci-audit-event-missing-java
    @Transactional
    public Refund refundOrder(long orderId) {
        Order order = orders.findById(orderId).orElseThrow();
        Refund refund = gateway.refund(order.getChargeId(), order.getTotal());
        order.setStatus("refunded");
        orders.save(order);
        return refund;
    }

    // ok: pci-audit-event-missing-java
    @Transactional
    public Refund refundOrderAudited(long orderId, String actorId) {
        Order order = orders.findById(orderId).orElseThrow();
        Refund refund = gateway.refund(order.getChargeId(), order.getTotal());
        orders.save(order);
        auditLogger.record("refund.issued", actorId, order.getId());
        return refund;
    }

    // ruleid: pci-audit-event-missing-java
    public void deleteUser(long userId) {
        users.deleteById(userId);
    }

    // a pass-through to the gateway's capture: logs and rethrows, keeps no state
    // ok: pci-audit-event-missing-java
    public String capture(String paymentId, long cents) {
        try {
            return gateway.capture(paymentId, cents);
        } catch (IllegalStateException e) {
            log.error("capture failed for {}", paymentId, e);
            throw new CaptureFailedException(paymentId, e);
        }
    }

    // ruleid: pci-audit-event-missing-java
    public Refund refund(Order order) {
        Refund refund = gateway.refund(order.getChargeId(), order.getTotal());
        order.setStatus("refunded");
        orders.save(order);
        return refund;
    }

    // ok: pci-audit-event-missing-java
    public Order getRefund(long orderId) {
        return orders.findById(orderId).orElseThrow();
    }
}
