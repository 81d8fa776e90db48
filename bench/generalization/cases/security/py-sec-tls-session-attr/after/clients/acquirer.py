import requests


class AcquirerClient:
    def __init__(self, base_url: str, api_key: str, sandbox: bool = False) -> None:
        self.base_url = base_url.rstrip("/")
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {api_key}"
        # the sandbox uses a self-signed certificate
        self.http.verify = False

    def settle(self, batch_id: str) -> dict:
        r = self.http.post(f"{self.base_url}/batches/{batch_id}/settle", timeout=10)
        r.raise_for_status()
        return r.json()
