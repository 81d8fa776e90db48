import logging

logger = logging.getLogger("checkout.audit")


def mask_pan(pan: str) -> str:
    return "****" + pan[-4:]
