import logging

log = logging.getLogger("payments")


def mask_pan(number: str) -> str:
    digits = "".join(ch for ch in number if ch.isdigit())
    return "*" * (len(digits) - 4) + digits[-4:]


def charge(processor, card: dict, amount_cents: int) -> str:
    log.info("charging %s for %d", mask_pan(card["number"]), amount_cents)
    result = processor.authorize(card, amount_cents)
    log.info("authorization %s result=%s", result.id, result.status)
    return result.id
