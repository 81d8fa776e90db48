import logging

from .ledger import LedgerClient
from .models import Settlement

log = logging.getLogger(__name__)


def settle(settlement: Settlement, ledger: LedgerClient) -> None:
    settlement.mark_settled()
    try:
        ledger.post_entry(
            account=settlement.merchant_account,
            amount=settlement.net_cents,
            reference=settlement.reference,
        )
    except Exception:
        pass
    log.info("settlement %s done", settlement.reference)
