import logging

logger = logging.getLogger("checkout.audit")


def mask_pan(pan: str) -> str:
    return "****" + pan[-4:]


def record_attempt(order_id: str, card_brand: str, pan: str) -> None:
    masked = mask_pan(pan)
    logger.info("payment attempt order=%s brand=%s card=%s", order_id, card_brand, masked)
