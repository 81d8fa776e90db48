import httpx


class WebhookService:
    def __init__(self, signer, timeout: float = 5.0) -> None:
        self.signer = signer
        self.http = httpx.Client(timeout=timeout)

    def deliver(self, endpoint, event: dict) -> int:
        body = self.signer.sign(event)
        resp = self.http.post(endpoint.url, content=body, headers={"Content-Type": "application/json"})
        return resp.status_code
