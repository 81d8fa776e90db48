from .gateway import gateway


def charge(order, card) -> str:
    return gateway.charge(amount=order.total_cents, currency=order.currency, card=card).id
