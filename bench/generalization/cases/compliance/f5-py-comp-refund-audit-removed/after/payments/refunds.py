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

    def _refund_one(self, req: RefundRequest):
        payment = self.repo.get(req.payment_id)
        result = self.gateway.refund(payment.processor_ref, req.amount_cents)
        self.repo.record_refund(payment.id, req.amount_cents, result.status)
        return result

    def refund(self, req: RefundRequest, actor, origin_ip: str):
        return self._refund_one(req)

    def refund_many(self, reqs: list[RefundRequest], actor, origin_ip: str):
        """Bulk refunds from the support console (incident clean-up)."""
        return [self._refund_one(r) for r in reqs]
