import logging

import sentry_sdk

logger = logging.getLogger(__name__)


def charge(request, gateway):
    card_number = request.form["card_number"]
    # ruleid: pci-pan-logged
    logger.info("charging card %s", card_number)
    # ok: pci-pan-logged
    logger.info("charging card ending %s", card_number[-4:])
    # ok: pci-pan-logged
    logger.info("charging card %s", mask_pan(card_number))
    summary = f"card={request.form['card_number']} amount={request.form['amount']}"
    # ruleid: pci-pan-logged
    print(summary)
    try:
        return gateway.charge(card_number)
    except gateway.Declined:
        # ruleid: pci-pan-logged
        raise ValueError(f"card {card_number} was declined")


def on_failure(payment, err):
    # ruleid: pci-pan-logged
    sentry_sdk.capture_message(f"charge failed for {payment.pan}: {err}")
    # ok: pci-pan-logged
    sentry_sdk.capture_message(f"charge failed for token {payment.pan_token}: {err}")
    # ok: pci-pan-logged
    logger.warning("card %s declined", payment.card_last4)


def verify(card, cvv):
    # ruleid: pci-sad-logged
    logger.debug("verifying cvv=%s", cvv)
    # ruleid: pci-sad-logged
    logging.getLogger("pay").error("bad security code %s for %s", card.security_code, card.id)
    # ok: pci-sad-logged
    logger.debug("cvv supplied: %s", bool(cvv))
    # ok: pci-sad-logged
    logger.debug("cvv length %d", len(cvv))
    # ok: pci-sad-logged
    logger.info("spinner shown")
