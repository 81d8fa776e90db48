from dataclasses import dataclass

from .audit import AuditTrail
from .gateway import Gateway
from .repo import PaymentRepo


@dataclass
class RefundRequest:
    payment_id: str
    amount_cents: int
    reason: str


class RefundService:
    def __init__(self, repo: PaymentRepo, gateway: Gateway, audit: AuditTrail):
        self.repo = repo
        self.gateway = gateway
        self.audit = audit

    def refund(self, req: RefundRequest, actor, origin_ip: str):
        payment = self.repo.get(req.payment_id)
        result = self.gateway.refund(payment.processor_ref, req.amount_cents)
        self.repo.record_refund(payment.id, req.amount_cents, result.status)
        self.audit.record(
            "payment.refund",
            actor=actor.id,
            target=payment.id,
            amount=req.amount_cents,
            reason=req.reason,
            outcome=result.status,
            origin=origin_ip,
        )
        return result
