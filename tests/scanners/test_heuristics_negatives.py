"""Code a careful reviewer would accept: none of these may raise the named rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scanners.test_heuristics_support import rules, scan

# (case id, source, rule that must stay quiet)
NEGATIVES = [
    (
        "narrow-keyerror-default",
        """
        def lookup(table, key, default):
            try:
                return table[key]
            except KeyError:
                return default
        """,
        "eh-swallowed-exception",
    ),
    (
        "narrow-keyerror-pass",
        """
        def forget(cache, key):
            try:
                del cache[key]
            except KeyError:
                pass
        """,
        "eh-swallowed-exception",
    ),
    (
        "suppress-file-not-found",
        """
        import contextlib, os

        def clean(path):
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)
        """,
        "eh-swallowed-exception",
    ),
    (
        "reraise-after-cleanup",
        """
        def write(tmp, data):
            try:
                tmp.write(data)
            except BaseException:
                tmp.discard()
                raise
        """,
        "eh-bare-except",
    ),
    (
        "log-exception-and-raise",
        """
        import logging
        logger = logging.getLogger(__name__)

        def charge(card, amount):
            try:
                return gateway.charge(card, amount)
            except Exception:
                logger.exception("charge failed")
                raise
        """,
        "eh-critical-error-hidden",
    ),
    (
        "critical-logged-with-traceback",
        """
        import logging
        log = logging.getLogger(__name__)

        def refund(order):
            try:
                gateway.refund(order.id)
            except Exception:
                log.error("refund failed for %s", order.id, exc_info=True)
                return RefundResult.failed(order)
        """,
        "eh-critical-error-hidden",
    ),
    (
        "import-fallback",
        """
        try:
            import ujson as json
        except ImportError:
            fallback = None
        """,
        "eh-swallowed-exception",
    ),
    (
        "generator-exit",
        """
        def stream(source):
            try:
                for chunk in source:
                    yield chunk
            except GeneratorExit:
                return
        """,
        "eh-swallowed-exception",
    ),
    (
        "predicate-returns-false",
        """
        def is_number(text) -> bool:
            try:
                float(text)
                return True
            except Exception:
                return False
        """,
        "eh-swallowed-exception",
    ),
    (
        "commented-deliberate-swallow",
        """
        def fileno(stream):
            try:
                return stream.fileno()
            except Exception:
                # file-like objects in the wild raise anything from fileno()
                return None
        """,
        "eh-swallowed-exception",
    ),
    (
        "bare-except-keeps-exception",
        """
        import threading

        class Worker(threading.Thread):
            def run(self):
                try:
                    self.target()
                except BaseException as exc:
                    self.error = exc
        """,
        "eh-bare-except",
    ),
    (
        "raise-from",
        """
        def parse_port(text):
            try:
                return int(text)
            except ValueError as exc:
                raise ConfigError(f"bad port {text!r}") from exc
        """,
        "eh-raise-without-cause",
    ),
    (
        "raise-same-exception",
        """
        def parse_port(text):
            try:
                return int(text)
            except ValueError as exc:
                exc.add_note(text)
                raise exc
        """,
        "eh-raise-without-cause",
    ),
    (
        "log-narrow-and-continue",
        """
        def parse_all(lines, log):
            for line in lines:
                try:
                    yield int(line)
                except ValueError as exc:
                    log.warning("skipping %r: %s", line, exc)
        """,
        "eh-log-and-continue",
    ),
    (
        "requests-timeout",
        """
        import requests

        def fetch(url):
            return requests.get(url, timeout=(3.05, 27))
        """,
        "eh-network-no-timeout",
    ),
    (
        "requests-star-kwargs",
        """
        import requests

        def fetch(url, **kwargs):
            return requests.get(url, **kwargs)
        """,
        "eh-network-no-timeout",
    ),
    (
        "session-subclass",
        """
        import requests

        class TimeoutSession(requests.Session):
            def request(self, method, url, **kwargs):
                kwargs.setdefault("timeout", 10)
                return super().request(method, url, **kwargs)

        def fetch(url):
            session = TimeoutSession()
            return session.get(url)
        """,
        "eh-network-no-timeout",
    ),
    (
        "session-request-wrapper",
        """
        def call(session, method, url):
            return session.request(method, url)
        """,
        "eh-network-no-timeout",
    ),
    (
        "functools-partial",
        """
        import functools
        import requests

        get = functools.partial(requests.get, timeout=5)

        def fetch(url):
            return get(url)
        """,
        "eh-network-no-timeout",
    ),
    (
        "httpx-default-timeout",
        """
        import httpx

        def fetch(url):
            with httpx.Client() as client:
                return client.get(url)
        """,
        "eh-network-no-timeout",
    ),
    (
        "urlopen-positional-timeout",
        """
        from urllib.request import urlopen

        def fetch(url):
            with urlopen(url, None, 10) as resp:
                return resp.read()
        """,
        "eh-network-no-timeout",
    ),
    (
        "psycopg-dsn-from-env",
        """
        import os
        import psycopg

        def connect():
            return psycopg.connect(os.environ["DATABASE_URL"])
        """,
        "eh-network-no-timeout",
    ),
    (
        "status-checked",
        """
        import requests

        def rates():
            resp = requests.get("https://api.example.com/rates", timeout=5)
            resp.raise_for_status()
            return resp.json()
        """,
        "eh-response-unchecked",
    ),
    (
        "status-code-compared",
        """
        import requests

        def rates():
            resp = requests.get("https://api.example.com/rates", timeout=5)
            if resp.status_code != 200:
                raise RatesError(resp.status_code)
            return resp.json()
        """,
        "eh-response-unchecked",
    ),
    (
        "status-checked-by-helper",
        """
        import requests

        def rates():
            resp = requests.get("https://api.example.com/rates", timeout=5)
            ensure_ok(resp)
            return resp.json()
        """,
        "eh-response-unchecked",
    ),
    (
        "subprocess-check-true",
        """
        import subprocess

        def deploy():
            subprocess.run(["make", "deploy"], check=True)
        """,
        "eh-subprocess-unchecked",
    ),
    (
        "subprocess-returncode-inspected",
        """
        import subprocess

        def dirty():
            result = subprocess.run(["git", "diff", "--quiet"])
            return result.returncode != 0
        """,
        "eh-subprocess-unchecked",
    ),
    (
        "subprocess-in-main-block",
        """
        import subprocess

        if __name__ == "__main__":
            subprocess.run(["make", "docs"])
        """,
        "eh-subprocess-unchecked",
    ),
    (
        "open-with",
        """
        def load(path):
            with open(path) as f:
                return f.read()
        """,
        "eh-resource-leak",
    ),
    (
        "open-finally",
        """
        def load(path):
            f = open(path)
            try:
                return f.read()
            finally:
                f.close()
        """,
        "eh-resource-leak",
    ),
    (
        "open-returned",
        """
        def open_log(path):
            handle = open(path, "a")
            return handle
        """,
        "eh-resource-leak",
    ),
    (
        "open-wrapped-by-a-writer-that-is-returned",
        """
        import csv

        class Export:
            def __init__(self, handle, writer):
                self.handle, self.writer = handle, writer

        def start_export(path):
            out = open(path, "w", newline="")
            writer = csv.writer(out)
            export = Export(out, writer)
            return export

        def reader_for(path):
            raw = open(path, "rb")
            text = TextIOWrapper(raw, encoding="utf-8")
            return text
        """,
        "eh-resource-leak",
    ),
    (
        "open-wrapped-by-a-writer-in-finally",
        """
        import csv

        def export(rows, path):
            out = open(path, "w", newline="")
            try:
                writer = csv.DictWriter(out, fieldnames=["batch"])
                writer.writerows(rows)
            finally:
                out.close()
        """,
        "eh-resource-leak",
    ),
    (
        "lock-released-in-finally",
        """
        def bump(self):
            self.lock.acquire()
            try:
                self.count += 1
            finally:
                self.lock.release()
        """,
        "eh-resource-leak",
    ),
    (
        "commit-with-rollback",
        """
        def save(conn, row):
            try:
                conn.execute("insert into t values (?)", row)
                conn.commit()
            except Exception:
                conn.rollback()
                raise
        """,
        "eh-commit-without-rollback",
    ),
    (
        "commit-on-a-connection-closed-in-finally",
        """
        import mysql.connector

        def buy(username, stock, qty):
            db = mysql.connector.connect(host="db", user="app", database="shop")
            cursor = db.cursor()
            try:
                cursor.execute("INSERT INTO orders VALUES (%s, %s, %s)", (username, stock, qty))
                db.commit()
                return "ok"
            except mysql.connector.Error as e:
                return f"error: {e}"
            finally:
                cursor.close()
                db.close()
        """,
        "eh-commit-without-rollback",
    ),
    (
        "commit-in-context-manager",
        """
        def save(session, obj):
            with session.begin():
                session.add(obj)
                session.commit()
        """,
        "eh-commit-without-rollback",
    ),
    (
        "git-commit",
        """
        def record(repo, path):
            repo.index.add([path])
            repo.index.commit()
        """,
        "eh-commit-without-rollback",
    ),
    (
        "bounded-retry-with-backoff",
        """
        import random, time
        import requests

        def fetch(url):
            for attempt in range(5):
                try:
                    return requests.get(url, timeout=5)
                except requests.ConnectionError:
                    time.sleep(min(30, 2 ** attempt) * random.random())
            raise FetchError(url)
        """,
        "eh-retry-no-backoff",
    ),
    (
        "while-true-with-attempt-limit",
        """
        import time

        def fetch(session, url):
            attempts = 0
            delay = 1.0
            while True:
                try:
                    return session.get(url)
                except ConnectionError:
                    attempts += 1
                    if attempts > 5:
                        raise
                    time.sleep(delay)
                    delay *= 2
        """,
        "eh-retry-unbounded",
    ),
    (
        "retry-with-own-backoff-helper",
        """
        class Client:
            def _send(self, request):
                return self._session.request("POST", request.url, timeout=10)

            def send(self, request):
                retries = 0
                while True:
                    try:
                        return self._send(request)
                    except ConnectionError:
                        retries += 1
                        if retries > 3:
                            raise
                        self._sleep_backoff(retries)
        """,
        "eh-retry-no-backoff",
    ),
    (
        "handler-always-gives-up",
        """
        def publish(channel, body):
            for attempt in range(3):
                try:
                    channel.basic_publish("events", "k", body)
                except ValueError:
                    if attempt:
                        raise
                    else:
                        return None
        """,
        "eh-retry-no-backoff",
    ),
    (
        "counted-while-pagination",
        """
        def all_pages(session, url):
            page = 0
            while page < 10:
                try:
                    yield session.get(url, params={"page": page})
                except ConnectionError:
                    pass
                page += 1
        """,
        "eh-retry-no-backoff",
    ),
    (
        "drain-loop-not-network",
        """
        def drain(queue, handler):
            count = 0
            while count < 100:
                try:
                    handler(queue.get_nowait())
                except Exception:
                    pass
                count += 1
        """,
        "eh-retry-no-backoff",
    ),
    (
        "pagination-not-retry",
        """
        def pages(session, url):
            for page in range(10):
                try:
                    yield session.get(url, params={"page": page})
                except ConnectionError:
                    continue
        """,
        "eh-retry-no-backoff",
    ),
    (
        "assert-private-helper",
        """
        def _scale(value, factor):
            assert factor > 0
            return value * factor
        """,
        "eh-assert-validation",
    ),
    (
        "assert-isinstance-narrowing",
        """
        def render(node):
            assert isinstance(node, Element)
            return node.tag
        """,
        "eh-assert-validation",
    ),
    (
        "create-task-kept",
        """
        import asyncio

        async def handle(event):
            task = asyncio.create_task(audit(event))
            await task
        """,
        "eh-task-fire-and-forget",
    ),
    (
        "task-group",
        """
        import asyncio

        async def handle(events):
            async with asyncio.TaskGroup() as tg:
                for event in events:
                    tg.create_task(audit(event))
        """,
        "eh-task-fire-and-forget",
    ),
    (
        "todo-unrelated",
        """
        def render(page):
            # TODO: support dark mode
            return page.html
        """,
        "eh-todo-error-handling",
    ),
    (
        "todo-mentions-except-clause",
        """
        def probe():
            try:
                return check()
            except SystemError:
                # TODO: remove this except clause when python/cpython#103632 is fixed.
                return False
        """,
        "eh-todo-error-handling",
    ),
    (
        "todo-mentions-retry-class",
        """
        def allowed(self):
            # TODO: For now favor if the Retry implementation sets its own whitelist
            return self.methods
        """,
        "eh-todo-error-handling",
    ),
    (
        "critical-name-predicate-narrow",
        """
        def has_commit(location, rev) -> bool:
            try:
                run_command(["rev-parse", rev], cwd=location)
            except InstallationError:
                return False
            else:
                return True
        """,
        "eh-critical-error-hidden",
    ),
    # -- from the noise corpus (bench/noise_corpus.py): released code of Django 5.1 --------
    (
        "critical-narrow-returns-functions-own-none",
        # django/db/backends/postgresql/operations.py: None is this function's "no query".
        """
        class DatabaseOperations:
            def last_executed_query(self, cursor, sql, params):
                if self.connection.features.uses_server_side_binding:
                    try:
                        return self.compose_sql(sql, params)
                    except errors.DataError:
                        return None
                if cursor._query is not None:
                    return cursor._query.query.decode()
                return None
        """,
        "eh-critical-error-hidden",
    ),
    (
        "critical-narrow-with-explaining-comment",
        # django/contrib/auth/management/__init__.py (auth is a critical path)
        """
        import getpass

        def get_system_username():
            try:
                result = getpass.getuser()
            except (ImportError, KeyError, OSError):
                # KeyError or OSError is raised by os.getpwuid() if there is no entry
                # in /etc/passwd (for example in a very restricted chroot environment).
                return ""
            return result
        """,
        "eh-critical-error-hidden",
    ),
    (
        "error-in-string-not-comment",
        """
        def message():
            return "TODO: handle errors"
        """,
        "eh-todo-error-handling",
    ),
]


@pytest.mark.parametrize(
    ("src", "rule"),
    [pytest.param(s, r, id=i) for i, s, r in NEGATIVES],
)
def test_rule_stays_quiet(tmp_path: Path, src: str, rule: str) -> None:
    outcome = scan(tmp_path, src)
    assert rule not in rules(outcome)


def test_narrow_fallbacks_stay_quiet_on_a_critical_path(tmp_path: Path) -> None:
    cases = {i: s for i, s, _ in NEGATIVES}
    for case_id, path in (
        ("critical-narrow-returns-functions-own-none", "django/db/backends/operations.py"),
        ("critical-narrow-with-explaining-comment", "django/contrib/auth/management.py"),
    ):
        outcome = scan(
            tmp_path, cases[case_id], path=path, critical_paths=("**/db/**", "**/auth*/**")
        )
        assert "eh-critical-error-hidden" not in rules(outcome), case_id


def test_critical_narrow_fallback_still_fires_without_comment_or_shared_value(
    tmp_path: Path,
) -> None:
    # The success value the function returns elsewhere is no "no result".
    src = """
    def refund(order):
        if order.refunded:
            return True
        try:
            gateway.refund(order.charge_id)
        except GatewayError:
            return True
        return True
    """
    assert "eh-critical-error-hidden" in rules(scan(tmp_path, src))


def test_assert_in_test_files_is_fine(tmp_path: Path) -> None:
    src = "def check(value):\n    assert value > 0\n"
    assert "eh-assert-validation" in rules(scan(tmp_path, src, path="app/checks.py"))
    for path in ("tests/util.py", "pkg/test_checks.py", "pkg/checks_test.py", "conftest.py"):
        assert "eh-assert-validation" not in rules(scan(tmp_path, src, path=path))


def test_negative_cases_produce_no_findings_at_all_where_code_is_clean(tmp_path: Path) -> None:
    # The showcase negatives from the brief are clean code: nothing else may fire on them.
    clean = {
        "narrow-keyerror-default",
        "suppress-file-not-found",
        "reraise-after-cleanup",
        "log-exception-and-raise",
        "import-fallback",
        "status-checked-by-helper",
        "functools-partial",
        "session-subclass",
        "requests-star-kwargs",
    }
    for case_id, src, _ in NEGATIVES:
        if case_id in clean:
            assert rules(scan(tmp_path, src)) == set(), case_id


def _severities(outcome: object, rule: str) -> list[str]:
    return [f.severity.value for f in outcome.findings if f.rule_id == rule]  # type: ignore[attr-defined]


def test_optional_platform_probe_for_telemetry_is_low_not_medium(tmp_path: Path) -> None:
    src = """
    import hashlib
    import platform
    import socket

    def client_fingerprint():
        try:
            parts = list(platform.uname())
            try:
                parts.append(socket.gethostname())
            except Exception:
                pass
            return hashlib.sha256(" ".join(parts).encode()).hexdigest()
        except Exception:
            return None
    """
    assert _severities(scan(tmp_path, src), "eh-swallowed-exception") == ["low", "low"]


def test_swallowed_exception_around_real_work_stays_medium(tmp_path: Path) -> None:
    src = """
    def sync_orders(client, orders):
        try:
            client.push(orders)
        except Exception:
            pass
    """
    assert _severities(scan(tmp_path, src), "eh-swallowed-exception") == ["medium"]


def test_swallow_around_a_mocked_call_in_a_unit_test_is_not_critical(tmp_path: Path) -> None:
    src = """
    def test_update_sends_the_payment_resource(gateway, request_body):
        try:
            gateway.payment_resource.update(request_body)
        except:
            pass
        gateway.http().put.assert_called_once_with("/payment_resource", request_body)
    """
    outcome = scan(tmp_path, src, path="tests/unit/test_payment_resource_gateway.py")
    assert "eh-critical-error-hidden" not in rules(outcome)
    assert _severities(outcome, "eh-swallowed-exception") == ["low"]
    same_in_app = scan(tmp_path, src.replace("def test_", "def "), path="shop/payments.py")
    assert "eh-critical-error-hidden" in rules(same_in_app)
