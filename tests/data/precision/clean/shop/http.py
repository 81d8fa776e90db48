"""A small HTTP client library: `verify` is the caller's option, passed through."""

import requests


class Client:
    def __init__(self, base_url: str, verify: bool = True, timeout: float = 10.0) -> None:
        self.base_url = base_url
        self.verify = verify
        self.timeout = timeout
        self.session = requests.Session()

    def get_json(self, path: str) -> dict:
        response = self.session.get(
            self.base_url + path, verify=self.verify, timeout=self.timeout
        )
        response.raise_for_status()
        return response.json()

    def post_json(self, path: str, payload: dict, verify: bool = True) -> dict:
        response = requests.post(
            self.base_url + path, json=payload, verify=verify, timeout=self.timeout
        )
        response.raise_for_status()
        return response.json()
