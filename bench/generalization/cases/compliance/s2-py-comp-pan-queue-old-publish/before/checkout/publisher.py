import json

import pika

_params = pika.URLParameters("amqp://guest:guest@localhost:5672/%2F")


def publish_charge(order, form) -> None:
    message = {
        "order_id": order.id,
        "amount": str(order.total),
        "currency": order.currency,
    }
    with pika.BlockingConnection(_params) as conn:
        channel = conn.channel()
        channel.basic_publish(exchange="", routing_key="charges", body=json.dumps(message))
