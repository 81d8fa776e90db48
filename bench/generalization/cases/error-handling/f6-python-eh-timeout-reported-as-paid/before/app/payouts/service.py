import logging

from .bank import BankError, BankTimeout

log = logging.getLogger(__name__)


class PayoutFailed(Exception):
    pass


class PayoutService:
    def __init__(self, bank, repo):
        self.bank = bank
        self.repo = repo

    def execute(self, payout_id: str) -> dict:
        payout = self.repo.get(payout_id)
        try:
            transfer = self.bank.create_transfer(
                account=payout.destination_account,
                amount_minor=payout.amount_minor,
                currency=payout.currency,
                idempotency_key=payout.id,
            )
        except BankError as exc:
            log.error("payout %s failed: %s", payout.id, exc)
            self.repo.update_status(payout.id, "failed", reason=str(exc))
            raise PayoutFailed(payout.id) from exc
        self.repo.update_status(payout.id, "paid", bank_ref=transfer.reference)
        return {"id": payout.id, "status": "paid", "bank_ref": transfer.reference}
