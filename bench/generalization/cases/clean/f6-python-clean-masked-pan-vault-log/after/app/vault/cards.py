import logging
import secrets

log = logging.getLogger(__name__)


def mask_pan(pan: str) -> str:
    digits = "".join(ch for ch in pan if ch.isdigit())
    return f"****{digits[-4:]}"


class CardVault:
    def __init__(self, hsm, store):
        self.hsm = hsm
        self.store = store

    def vault(self, customer_id: str, card) -> str:
        token = "tok_" + secrets.token_urlsafe(24)
        ciphertext = self.hsm.encrypt(card.number.encode())
        self.store.save(token=token, customer_id=customer_id, ciphertext=ciphertext, last4=card.number[-4:])
        log.info("vaulted card %s for customer %s as %s", mask_pan(card.number), customer_id, token)
        return token
