import logging

from .processor import ProcessorDeclined

log = logging.getLogger(__name__)


class ChargeService:
    def __init__(self, processor, repo):
        self.processor = processor
        self.repo = repo

    def charge(self, order, card):
        charge_req = {
            "amount": order.total_minor,
            "currency": order.currency,
            "card": {
                "number": card.number,
                "exp_month": card.exp_month,
                "exp_year": card.exp_year,
                "cvc": card.cvc,
            },
            "reference": order.id,
        }
        try:
            result = self.processor.authorize(**charge_req)
        except ProcessorDeclined as exc:
            log.warning("authorization declined code=%s request=%s", exc.code, charge_req)
            self.repo.mark_declined(order.id, exc.code)
            raise
        self.repo.mark_authorized(order.id, result.auth_code)
        return result
