import logging

log = logging.getLogger(__name__)


def refresh(user, customer, access_token):
    # ruleid: soc2-personal-data-logged
    log.debug(f"refreshed session for {user.email}")
    # ruleid: soc2-personal-data-logged
    log.info("kyc check for ssn %s", customer.ssn)
    # ruleid: soc2-personal-data-logged
    logging.warning("payout to %s failed", customer["iban"])
    # ruleid: soc2-personal-data-logged
    log.info("signup", extra={"email": user.email_address})
    # ok: soc2-personal-data-logged
    log.info("refreshed session for user %s", user.id)
    # ok: soc2-personal-data-logged
    log.info("email verified: %s", user.email_verified)
    # ok: soc2-personal-data-logged
    log.info("sending receipt via %s", settings.email_backend)
    # ok: soc2-personal-data-logged
    log.info("email sent to customer %s", customer.id)
    # ok: soc2-personal-data-logged
    log.info("shipping to %s", customer.shipping_address)
