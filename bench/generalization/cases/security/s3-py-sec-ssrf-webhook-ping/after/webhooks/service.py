import httpx


class WebhookService:
    def __init__(self, signer, timeout: float = 5.0) -> None:
        self.signer = signer
        self.http = httpx.Client(timeout=timeout)

    def deliver(self, endpoint, event: dict) -> int:
        body = self.signer.sign(event)
        resp = self.http.post(endpoint.url, content=body, headers={"Content-Type": "application/json"})
        return resp.status_code

    def ping(self, url: str) -> dict:
        sample = {"type": "ping", "data": {}}
        resp = self.http.post(url, content=self.signer.sign(sample))
        return {"status": resp.status_code, "body": resp.text[:500]}
