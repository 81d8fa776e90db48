from dataclasses import dataclass


@dataclass
class Endpoint:
    id: str
    merchant_id: str
    url: str
    events: list


class _Endpoints:
    def __init__(self):
        self._rows = {}

    def create(self, merchant_id, url, events):
        ep = Endpoint(id=f"we_{len(self._rows) + 1}", merchant_id=merchant_id, url=url, events=events)
        self._rows[ep.id] = ep
        return ep

    def get(self, endpoint_id, merchant_id):
        ep = self._rows[endpoint_id]
        if ep.merchant_id != merchant_id:
            raise KeyError(endpoint_id)
        return ep


endpoints = _Endpoints()
