from .audit import audit_log
from .gateway import PaymentGateway
from .models import Order


class BillingService:
    def __init__(self, gateway: PaymentGateway) -> None:
        self.gateway = gateway

    def capture(self, order: Order, actor: str) -> None:
        self.gateway.capture(order.payment_id, order.total_cents)
        order.status = "captured"
        order.save()
        audit_log.record("payment.capture", actor=actor, order_id=order.id, amount=order.total_cents)

    def refund(self, order: Order, amount_cents: int, actor: str) -> None:
        self.gateway.refund(order.payment_id, amount_cents)
        order.refunded_cents += amount_cents
        order.status = "refunded" if order.refunded_cents >= order.total_cents else "partially_refunded"
        order.save()
