import requests

_http = requests.Session()
_http.headers.update({"Accept": "application/json"})
RISK_URL = "https://risk.partner.example/v1/score"


def _post(url, body):
    return _http.post(url, json=body)


def score(order) -> float:
    resp = _post(RISK_URL, {"amount": order.total, "country": order.country})
    resp.raise_for_status()
    return float(resp.json()["score"])
