import logging
import random
import time

import requests

log = logging.getLogger(__name__)


def ping(url: str) -> bool:
    return requests.head(url, timeout=5).ok
