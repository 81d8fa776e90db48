import requests

CA_BUNDLE = "/etc/ssl/certs/acquirer-ca.pem"


class AcquirerClient:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.http = requests.Session()
        self.http.verify = CA_BUNDLE

    def status(self, batch_id: str) -> dict:
        r = self.http.get(f"{self.base_url}/batches/{batch_id}", timeout=(3.05, 15), verify=True)
        r.raise_for_status()
        return r.json()
