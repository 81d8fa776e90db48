import logging

logger = logging.getLogger(__name__)


def refund(gateway, charge_id):
    # ruleid: soc2-cc7.2-swallowed-error
    try:
        gateway.refund(charge_id)
    except Exception:
        pass


def session_user(token):
    # ruleid: soc2-cc7.2-swallowed-error
    try:
        claims = jwt.decode(token, KEY, algorithms=["RS256"])
    except jwt.InvalidTokenError:
        return None
    return claims["sub"]


def refund_logged(gateway, charge_id):
    # ok: soc2-cc7.2-swallowed-error
    try:
        gateway.refund(charge_id)
    except gateway.Error:
        logger.exception("refund failed for charge %s", charge_id)
        raise


def load_theme(path):
    # ok: soc2-cc7.2-swallowed-error
    try:
        return open(path).read()
    except OSError:
        pass
