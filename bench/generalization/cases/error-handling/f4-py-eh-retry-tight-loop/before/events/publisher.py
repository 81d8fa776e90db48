import logging

import pika

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8


class Publisher:
    def __init__(self, channel: "pika.channel.Channel", exchange: str) -> None:
        self.channel = channel
        self.exchange = exchange

    def publish(self, routing_key: str, body: bytes) -> None:
        self.channel.basic_publish(self.exchange, routing_key, body)
