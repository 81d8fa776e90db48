"""HeuristicsScanner: one positive (rule id + line) and tricky negatives per heuristic."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.change.model import ChangedFile, ChangeKind
from gate.findings import Category
from gate.scanning.base import ScanTarget
from gate.scanning.heuristics import HeuristicsScanner
from tests.scanners.test_heuristics_support import catalog, hits, line_of, rules, scan

# (case id, source, rule that must fire, substring of the line it must fire on)
POSITIVES = [
    (
        "except-exception-pass",
        """
        def sync(items):
            try:
                push(items)
            except Exception:
                pass
        """,
        "eh-swallowed-exception",
        "except Exception:",
    ),
    (
        "except-exception-continue",
        """
        def sync(items):
            for item in items:
                try:
                    push(item)
                except Exception:
                    continue
        """,
        "eh-swallowed-exception",
        "except Exception:",
    ),
    (
        "bare-except-return-none",
        """
        def load(path):
            try:
                return parse(path)
            except:
                return None
        """,
        "eh-swallowed-exception",
        "except:",
    ),
    (
        "broad-returns-success",
        """
        def publish(event):
            try:
                bus.send(event)
            except (ValueError, Exception):
                return True
        """,
        "eh-swallowed-exception",
        "except (ValueError, Exception):",
    ),
    (
        "suppress-exception",
        """
        import contextlib

        def warm_cache():
            with contextlib.suppress(Exception):
                cache.fill()
        """,
        "eh-swallowed-exception",
        "with contextlib.suppress(Exception):",
    ),
    (
        "bare-except-handled",
        """
        def run(job):
            try:
                job()
            except:
                job.state = "failed"
        """,
        "eh-bare-except",
        "except:",
    ),
    (
        "base-exception-no-reraise",
        """
        def run(job):
            try:
                job()
            except BaseException:
                job.state = "failed"
                notify(job)
        """,
        "eh-bare-except",
        "except BaseException:",
    ),
    (
        "critical-function-name",
        """
        def charge_card(card, amount):
            try:
                return gateway.charge(card, amount)
            except Exception as exc:
                log.warning("charge failed: %s", exc)
                return {"status": "ok"}
        """,
        "eh-critical-error-hidden",
        "except Exception as exc:",
    ),
    (
        "critical-narrow-swallowed",
        """
        class PaymentService:
            def settle(self, batch):
                try:
                    self.api.post_batch(batch)
                except GatewayError:
                    pass
        """,
        "eh-critical-error-hidden",
        "except GatewayError:",
    ),
    (
        "log-and-continue",
        """
        import logging
        logger = logging.getLogger(__name__)

        def refresh_all(feeds):
            for feed in feeds:
                try:
                    feed.refresh()
                except Exception as exc:
                    logger.error("refresh failed: %s", exc)
        """,
        "eh-log-and-continue",
        "except Exception as exc:",
    ),
    (
        "raise-without-from",
        """
        def parse_port(text):
            try:
                return int(text)
            except ValueError:
                raise ConfigError(f"bad port {text!r}")
        """,
        "eh-raise-without-cause",
        "raise ConfigError",
    ),
    (
        "requests-no-timeout",
        """
        import requests

        def fetch(url):
            r = requests.get(url)
            r.raise_for_status()
            return r.json()
        """,
        "eh-network-no-timeout",
        "requests.get(url)",
    ),
    (
        "requests-request-aliased",
        """
        import requests as rq

        def call(method, url, body):
            resp = rq.request(method, url, json=body)
            resp.raise_for_status()
        """,
        "eh-network-no-timeout",
        "rq.request(",
    ),
    (
        "from-import-post",
        """
        from requests import post

        def notify(url, body):
            return post(url, json=body)
        """,
        "eh-network-no-timeout",
        "post(url",
    ),
    (
        "timeout-none",
        """
        import requests

        def fetch(url):
            return requests.get(url, timeout=None)
        """,
        "eh-network-no-timeout",
        "timeout=None",
    ),
    (
        "httpx-timeout-none",
        """
        import httpx

        client = httpx.Client(timeout=None)
        """,
        "eh-network-no-timeout",
        "httpx.Client",
    ),
    (
        "urlopen",
        """
        from urllib.request import urlopen

        def fetch(url):
            with urlopen(url) as resp:
                return resp.read()
        """,
        "eh-network-no-timeout",
        "urlopen(url)",
    ),
    (
        "socket-create-connection",
        """
        import socket

        def probe(host):
            sock = socket.create_connection((host, 443))
            try:
                return True
            finally:
                sock.close()
        """,
        "eh-network-no-timeout",
        "socket.create_connection",
    ),
    (
        "smtplib",
        """
        import smtplib

        def mail(msg):
            with smtplib.SMTP("mail.example.com", 25) as smtp:
                smtp.send_message(msg)
        """,
        "eh-network-no-timeout",
        "smtplib.SMTP(",
    ),
    (
        "http-client",
        """
        import http.client

        def ping():
            conn = http.client.HTTPSConnection("api.example.com")
            return conn
        """,
        "eh-network-no-timeout",
        "HTTPSConnection",
    ),
    (
        "redis-no-socket-timeout",
        """
        import redis

        cache = redis.Redis(host="cache", port=6379)
        """,
        "eh-network-no-timeout",
        "redis.Redis(",
    ),
    (
        "psycopg-keywords",
        """
        import psycopg2

        def connect():
            return psycopg2.connect(host="db", dbname="app")
        """,
        "eh-network-no-timeout",
        "psycopg2.connect(",
    ),
    (
        "response-json-unchecked",
        """
        import requests

        def rates():
            resp = requests.get("https://api.example.com/rates", timeout=5)
            return resp.json()["rates"]
        """,
        "eh-response-unchecked",
        "return resp.json()",
    ),
    (
        "response-chained",
        """
        import requests

        def rates():
            return requests.get("https://api.example.com/rates", timeout=5).json()
        """,
        "eh-response-unchecked",
        ".json()",
    ),
    (
        "session-response-text",
        """
        def page(session, url):
            r = session.get(url)
            return r.text
        """,
        "eh-response-unchecked",
        "return r.text",
    ),
    (
        "subprocess-discarded",
        """
        import subprocess

        def deploy():
            subprocess.run(["make", "deploy"])
            announce()
        """,
        "eh-subprocess-unchecked",
        "subprocess.run(",
    ),
    (
        "subprocess-output-only",
        """
        import subprocess

        def version():
            result = subprocess.run(["git", "describe"], capture_output=True, text=True)
            return result.stdout.strip()
        """,
        "eh-subprocess-unchecked",
        "subprocess.run(",
    ),
    (
        "open-without-with",
        """
        import json

        def load(path):
            f = open(path)
            data = json.load(f)
            f.close()
            return data
        """,
        "eh-resource-leak",
        "f = open(path)",
    ),
    (
        "open-wrapped-by-a-local-writer-never-closed",
        """
        import csv

        def export(rows, path):
            out = open(path, "w", newline="")
            writer = csv.DictWriter(out, fieldnames=["batch", "amount"])
            writer.writeheader()
            for row in rows:
                writer.writerow(row)
            return len(rows)
        """,
        "eh-resource-leak",
        'out = open(path, "w", newline="")',
    ),
    (
        "lock-acquire-no-finally",
        """
        def bump(self):
            self.lock.acquire()
            self.count += 1
            self.lock.release()
        """,
        "eh-resource-leak",
        "self.lock.acquire()",
    ),
    (
        "connection-never-closed",
        """
        import sqlite3

        def count(path):
            conn = sqlite3.connect(path)
            return conn.execute("select count(*) from t").fetchone()[0]
        """,
        "eh-resource-leak",
        "conn = sqlite3.connect(path)",
    ),
    (
        "commit-without-rollback",
        """
        def save(conn, row):
            cur = conn.cursor()
            cur.execute("insert into t values (?)", row)
            conn.commit()
        """,
        "eh-commit-without-rollback",
        "conn.commit()",
    ),
    (
        "commit-with-the-connection-closed-on-the-happy-path-only",
        """
        def save(conn, row):
            cur = conn.cursor()
            try:
                cur.execute("insert into t values (?)", row)
                conn.commit()
            finally:
                cur.close()
            conn.close()
        """,
        "eh-commit-without-rollback",
        "conn.commit()",
    ),
    (
        "retry-forever",
        """
        import time
        import requests

        def wait_ready(url):
            while True:
                try:
                    requests.get(url, timeout=2).raise_for_status()
                    return
                except requests.RequestException:
                    time.sleep(5)
        """,
        "eh-retry-unbounded",
        "while True:",
    ),
    (
        "retry-constant-sleep",
        """
        import time

        def fetch(session, url):
            for attempt in range(5):
                try:
                    return session.get(url)
                except ConnectionError:
                    time.sleep(1)
        """,
        "eh-retry-no-backoff",
        "for attempt in range(5):",
    ),
    (
        "retry-no-sleep",
        """
        def send(client, message):
            for _ in range(3):
                try:
                    client.send(message)
                    break
                except OSError:
                    pass
        """,
        "eh-retry-no-backoff",
        "for _ in range(3):",
    ),
    (
        "retry-publish-budget-check-in-handler",
        """
        import pika

        MAX_ATTEMPTS = 8

        class Publisher:
            def __init__(self, channel, exchange):
                self.channel = channel
                self.exchange = exchange

            def publish(self, routing_key, body):
                attempt = 0
                while True:
                    try:
                        self.channel.basic_publish(self.exchange, routing_key, body)
                        return
                    except pika.exceptions.AMQPError:
                        attempt += 1
                        if attempt >= MAX_ATTEMPTS:
                            raise
        """,
        "eh-retry-no-backoff",
        "while True:",
    ),
    (
        "retry-counted-while-helper",
        """
        import requests

        _http = requests.Session()

        def _post(url, payload):
            return _http.post(url, json=payload, timeout=5)

        def notify(url, payload):
            tries = 0
            while tries < 5:
                try:
                    return _post(url, payload)
                except requests.ConnectionError:
                    tries += 1
        """,
        "eh-retry-no-backoff",
        "while tries < 5:",
    ),
    (
        "retry-tiny-constant-sleep",
        """
        import time

        def charge(client, request):
            for attempt in range(10):
                try:
                    return client.post("/charges", json=request)
                except ConnectionError:
                    if attempt == 9:
                        raise
                    time.sleep(0.05)
        """,
        "eh-retry-no-backoff",
        "for attempt in range(10):",
    ),
    (
        "assert-argument",
        """
        def transfer(amount, account):
            assert amount > 0, "amount must be positive"
            return account.move(amount)
        """,
        "eh-assert-validation",
        "assert amount > 0",
    ),
    (
        "create-task-discarded",
        """
        import asyncio

        async def handle(event):
            asyncio.create_task(audit(event))
            return "ok"
        """,
        "eh-task-fire-and-forget",
        "asyncio.create_task(",
    ),
    (
        "loop-create-task-discarded",
        """
        def schedule(loop, job):
            loop.create_task(job())
        """,
        "eh-task-fire-and-forget",
        "loop.create_task(",
    ),
    (
        "todo-handle-later",
        """
        def pay(order):
            # TODO: handle later
            return gateway.charge(order)
        """,
        "eh-todo-error-handling",
        "# TODO: handle later",
    ),
    (
        "fixme-error-handling",
        """
        def pay(order):
            result = gateway.charge(order)  # FIXME add error handling
            return result
        """,
        "eh-todo-error-handling",
        "FIXME",
    ),
]


@pytest.mark.parametrize(
    ("src", "rule", "needle"),
    [pytest.param(s, r, n, id=i) for i, s, r, n in POSITIVES],
)
def test_rule_fires_on_its_line(tmp_path: Path, src: str, rule: str, needle: str) -> None:
    outcome = scan(tmp_path, src)
    assert (rule, line_of(src, needle)) in hits(outcome)


def test_every_native_rule_has_a_positive_case() -> None:
    native = {r.id for r in catalog().rules_for_engine("heuristics")}
    covered = {rule for _, _, rule, _ in POSITIVES} | {"eh-file-not-analysed"}
    assert native == covered


def test_finding_carries_rule_metadata_and_snippet(tmp_path: Path) -> None:
    src = POSITIVES[0][1]
    (finding,) = scan(tmp_path, src).findings
    assert finding.sources == ("heuristics",)
    assert finding.category is Category.ERROR_HANDLING
    assert finding.cwe == ("CWE-390", "CWE-396")
    assert finding.snippet == "except Exception:"
    assert finding.end_line == finding.start_line + 1
    assert finding.remediation


def test_critical_handler_carries_soc2_control(tmp_path: Path) -> None:
    outcome = scan(tmp_path, POSITIVES[7][1])
    (finding,) = [f for f in outcome.findings if f.rule_id == "eh-critical-error-hidden"]
    assert finding.controls == ("soc2:CC7.2",)


def test_critical_path_glob_makes_broad_handler_critical(tmp_path: Path) -> None:
    src = """
    def sync(items):
        try:
            push(items)
        except Exception:
            return None
    """
    inside = scan(tmp_path, src, path="src/payments/sync.py", critical_paths=("src/payments/*",))
    outside = scan(tmp_path, src, path="src/reports/sync.py", critical_paths=("src/payments/*",))
    assert rules(inside) == {"eh-critical-error-hidden"}
    assert rules(outside) == {"eh-swallowed-exception"}


def test_double_star_glob_matches_top_level_directory(tmp_path: Path) -> None:
    src = "def f():\n    try:\n        g()\n    except Exception:\n        x = 1\n"
    outcome = scan(tmp_path, src, path="auth/views.py", critical_paths=("**/auth/**",))
    assert rules(outcome) == {"eh-critical-error-hidden"}


def test_retry_without_any_pause_is_medium_and_fixed_sleep_low(tmp_path: Path) -> None:
    immediate = """
    import requests

    _http = requests.Session()

    def deliver(url, payload):
        for attempt in range(4):
            try:
                return _http.post(url, json=payload, timeout=5)
            except requests.ConnectionError:
                continue
    """
    fixed = immediate.replace("continue", "time.sleep(2)").replace(
        "import requests", "import time\n    import requests"
    )
    severities = {
        name: {f.severity.value for f in scan(tmp_path / name, src).findings}
        for name, src in (("immediate", immediate), ("fixed", fixed))
    }
    assert severities == {"immediate": {"medium"}, "fixed": {"low"}}


def test_retry_with_a_fixed_fraction_of_a_second_is_medium(tmp_path: Path) -> None:
    src = """
    import time

    def fetch(session, url):
        for attempt in range(5):
            try:
                return session.get(url)
            except ConnectionError:
                time.sleep(0.2)
    """
    outcome = scan(tmp_path, src)
    assert {(f.rule_id, f.severity.value) for f in outcome.findings} == {
        ("eh-retry-no-backoff", "medium")
    }


def test_accepts_python_only() -> None:
    scanner = HeuristicsScanner()
    file = ChangedFile(path="a.js", kind=ChangeKind.WHOLE)
    assert scanner.accepts(ScanTarget(file=file, language="python"), catalog())
    assert not scanner.accepts(ScanTarget(file=file, language="javascript"), catalog())
    assert scanner.name == "heuristics"
