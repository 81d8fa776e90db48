"""Session calls without a timeout: the receiver is a requests.Session by assignment."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scanners.test_heuristics_support import hits, line_of, scan

RULE = "eh-network-no-timeout"

FIRES = [
    (
        "attribute-session-set-in-init",
        """
        import requests

        class Notifier:
            def __init__(self, endpoint):
                self.endpoint = endpoint
                self.http = requests.Session()

            def send(self, event):
                resp = self.http.post(self.endpoint, json={"event": event})
                return resp.status_code
        """,
        "self.http.post(",
    ),
    (
        "module-level-private-client",
        """
        import requests as rq

        _client = rq.session()

        def fetch(url):
            return _client.get(url).json()
        """,
        "_client.get(",
    ),
    (
        "local-session-in-with",
        """
        import requests

        def push(url, body):
            with requests.Session() as conn:
                conn.put(url, data=body)
        """,
        "conn.put(",
    ),
    (
        "explicit-timeout-none",
        """
        from requests import Session

        api = Session()

        def ping(url):
            return api.head(url, timeout=None)
        """,
        "api.head(",
    ),
]

QUIET = [
    (
        "timeout-given",
        """
        import requests

        class Client:
            def __init__(self):
                self.http = requests.Session()

            def send(self, url):
                return self.http.post(url, timeout=(3, 10))
        """,
    ),
    (
        "kwargs-may-carry-timeout",
        """
        import requests

        _s = requests.Session()

        def call(url, **kw):
            return _s.get(url, **kw)
        """,
    ),
    (
        "adapter-mounted",
        """
        import requests

        session = requests.Session()
        session.mount("https://", TimeoutAdapter(timeout=5))

        def call(url):
            return session.get(url)
        """,
    ),
    (
        "same-name-is-a-parameter-elsewhere",
        """
        import requests

        session = requests.Session()

        def load(session, model_id):
            return session.get(Model, model_id)
        """,
    ),
    (
        "not-a-requests-session",
        """
        from sqlalchemy.orm import Session

        class Repo:
            def __init__(self, engine):
                self.session = Session(engine)

            def find(self, pk):
                return self.session.get(Order, pk)
        """,
    ),
]


@pytest.mark.parametrize(("src", "needle"), [pytest.param(s, n, id=i) for i, s, n in FIRES])
def test_call_on_a_constructed_session_without_timeout_fires(
    tmp_path: Path, src: str, needle: str
) -> None:
    outcome = scan(tmp_path, src)
    assert (RULE, line_of(src, needle)) in hits(outcome)


@pytest.mark.parametrize("src", [pytest.param(s, id=i) for i, s in QUIET])
def test_session_call_with_timeout_or_unknown_receiver_stays_quiet(
    tmp_path: Path, src: str
) -> None:
    outcome = scan(tmp_path, src)
    assert RULE not in {rule for rule, _ in hits(outcome)}
