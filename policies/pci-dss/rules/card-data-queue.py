import json

import pika
from kafka import KafkaProducer

from .tasks import charge_card

_params = pika.URLParameters("amqp://localhost:5672/%2F")
producer = KafkaProducer(bootstrap_servers="kafka:9092")


def publish_charge(order, form) -> None:
    message = {"order_id": order.id, "card_number": form["card_number"]}
    with pika.BlockingConnection(_params) as conn:
        channel = conn.channel()
        # ruleid: pci-pan-to-queue
        channel.basic_publish(exchange="", routing_key="charges", body=json.dumps(message))


def publish_tokenized(order, form) -> None:
    message = {"order_id": order.id, "last4": form["card_number"][-4:], "token": form["token"]}
    with pika.BlockingConnection(_params) as conn:
        # ok: pci-pan-to-queue
        conn.channel().basic_publish(exchange="", routing_key="charges", body=json.dumps(message))


def stream_charge(order, card_number: str) -> None:
    # ruleid: pci-pan-to-queue
    producer.send("charges", json.dumps({"order": order.id, "pan": card_number}).encode())


def stream_masked(order, card_number: str) -> None:
    # ok: pci-pan-to-queue
    producer.send("charges", json.dumps({"order": order.id, "pan": mask_pan(card_number)}).encode())


def enqueue(order, payload) -> None:
    # ruleid: pci-pan-to-queue
    charge_card.delay(order.id, payload["pan"])
    # ok: pci-pan-to-queue
    charge_card.delay(order.id, payload["psp_token"])
