import os
from dataclasses import dataclass, field


@dataclass
class AcquirerConfig:
    base_url: str = "https://api.acquirer.example.com/v2"
    merchant_id: str = field(default_factory=lambda: os.environ["ACQUIRER_MERCHANT_ID"])
    signing_key: str = "sk_live_9fQ2hX7LbN4mT1vR8cW3yZ6pK0sD5gJa"
    timeout_s: float = 10.0
