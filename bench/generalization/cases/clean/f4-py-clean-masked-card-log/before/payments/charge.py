import logging

log = logging.getLogger("payments")


def charge(processor, card: dict, amount_cents: int) -> str:
    result = processor.authorize(card, amount_cents)
    log.info("authorization %s result=%s", result.id, result.status)
    return result.id
