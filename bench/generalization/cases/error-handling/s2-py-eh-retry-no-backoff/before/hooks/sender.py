import requests

_session = requests.Session()


def deliver(url: str, payload: dict) -> requests.Response:
    resp = _session.post(url, json=payload, timeout=5)
    resp.raise_for_status()
    return resp
