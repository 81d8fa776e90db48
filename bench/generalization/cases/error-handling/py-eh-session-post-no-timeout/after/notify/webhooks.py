import requests


class WebhookNotifier:
    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint
        self.http = requests.Session()

    def send(self, event: str, data: dict) -> int:
        resp = self.http.post(self.endpoint, json={"event": event, "data": data})
        resp.raise_for_status()
        return resp.status_code
