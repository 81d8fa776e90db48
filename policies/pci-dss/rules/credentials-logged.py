import logging

import structlog

log = logging.getLogger(__name__)
slog = structlog.get_logger()


class TokenClient:
    def refresh(self, user, access_token, api_key, token):
        # ruleid: pci-credential-logged
        log.debug(f"refreshed session for {user.id}: access_token={access_token}")
        # ruleid: pci-credential-logged
        log.info("calling acquirer with key %s", api_key)
        # ruleid: pci-credential-logged
        self.logger.warning("token: " + token)
        # ruleid: pci-credential-logged
        logging.getLogger("auth").info("login {} {}".format(user.name, user.password))
        # ruleid: pci-credential-logged
        slog.info("token_refreshed", refresh_token=self.refresh_token)
        # ruleid: pci-credential-logged
        log.info("outbound call", extra={"authorization": self.session.headers["Authorization"]})
        # ruleid: pci-credential-logged
        print("DEBUG secret", self.client_secret)

        # ok: pci-credential-logged
        log.info("token refreshed for %s, expires in %s", user.id, token.expires_in)
        # ok: pci-credential-logged
        log.debug("api key present: %s", api_key is not None)
        # ok: pci-credential-logged
        log.debug("token length %d", len(access_token))
        # ok: pci-credential-logged
        log.info("using key ending %s", api_key[-4:])
        # ok: pci-credential-logged
        log.info("key %s", mask_secret(api_key))
        # ok: pci-credential-logged
        log.info("password reset requested for user %s", user.id)
        # ok: pci-credential-logged
        log.info("token type %s scope %s", self.token_type, self.token_scope)
        # ok: pci-credential-logged
        slog.info("login", user_id=user.id, password_changed=False)
        # ok: pci-credential-logged
        log.info("using token service %s", self.token_service)
