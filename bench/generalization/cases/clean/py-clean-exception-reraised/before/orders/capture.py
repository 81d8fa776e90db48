import logging

log = logging.getLogger(__name__)


class CaptureFailed(Exception):
    pass
