import requests


class PayoutsClient:
    def __init__(self, base_url: str, token: str) -> None:
        self.base_url = base_url.rstrip("/")
        self._session = requests.Session()
        self._session.headers["Authorization"] = f"Bearer {token}"

    def status(self, payout_id: str) -> dict:
        resp = self._session.get(f"{self.base_url}/payouts/{payout_id}", timeout=10)
        resp.raise_for_status()
        return resp.json()

    def submit_batch(self, payouts: list[dict]) -> str:
        resp = self._session.post(
            f"{self.base_url}/payouts/batches",
            json={"items": payouts},
            headers={"Idempotency-Key": payouts[0]["reference"]},
        )
        resp.raise_for_status()
        return resp.json()["batch_id"]
