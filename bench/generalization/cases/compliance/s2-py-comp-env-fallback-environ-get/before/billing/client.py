import stripe


def configure() -> None:
    stripe.max_network_retries = 2
