import requests

_session = requests.Session()
MAX_ATTEMPTS = 5


def deliver(url: str, payload: dict) -> requests.Response:
    last_error = None
    for attempt in range(MAX_ATTEMPTS):
        try:
            resp = _session.post(url, json=payload, timeout=5)
            resp.raise_for_status()
            return resp
        except (requests.ConnectionError, requests.HTTPError) as exc:
            last_error = exc
            continue
    raise RuntimeError(f"webhook delivery failed after {MAX_ATTEMPTS} attempts") from last_error
