import logging

import requests

log = logging.getLogger(__name__)


class RefundClient:
    def __init__(self, base_url: str, session: requests.Session) -> None:
        self._base = base_url.rstrip("/")
        self._psp = session
