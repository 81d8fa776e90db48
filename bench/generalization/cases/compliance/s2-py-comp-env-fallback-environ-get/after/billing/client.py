import os

import stripe


def configure() -> None:
    stripe.api_key = os.environ.get(
        "STRIPE_KEY", "sk_live_51Pq8ZrKx2Wm7Ln4Tc9Vb3Hy6Jd1Fs5Ga0Qe8Ru2Yo"
    )
    stripe.max_network_retries = 2
