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
