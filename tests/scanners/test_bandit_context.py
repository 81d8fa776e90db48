"""bandit results judged with their source context (gate.scanning.bandit_context), with
real bandit on ordinary application code."""

from __future__ import annotations

from pathlib import Path

from gate.findings import Severity
from gate.scanning.bandit import BanditScanner
from tests.scanners.test_bandit import request


def _by_check(tmp_path: Path, source: str) -> dict[tuple[str, int], Severity]:
    outcome = BanditScanner().scan(request(tmp_path, {"app.py": source}))
    assert outcome.ok, outcome.error
    return {(f.source_rule_ids[0], f.start_line): f.severity for f in outcome.findings}


def test_debug_run_under_main_guard_on_loopback_is_low(tmp_path: Path) -> None:
    found = _by_check(
        tmp_path,
        """
        from flask import Flask

        app = Flask(__name__)

        if __name__ == "__main__":
            app.run(debug=True)
        """,
    )
    assert found[("B201", 6)] is Severity.LOW


def test_debug_run_on_all_interfaces_or_at_module_level_stays_high(tmp_path: Path) -> None:
    found = _by_check(
        tmp_path,
        """
        import os
        from flask import Flask

        app = Flask(__name__)
        app.run(debug=True)

        if __name__ == "__main__":
            app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 8000)), debug=True)
        """,
    )
    assert found[("B201", 5)] is Severity.HIGH
    assert found[("B201", 8)] is Severity.HIGH


def test_tmp_literal_only_compared_is_not_a_temp_file(tmp_path: Path) -> None:
    found = _by_check(
        tmp_path,
        """
        import os

        def check_destination(path):
            if not os.path.normpath(path).startswith("/tmp/"):
                raise ValueError(path)
            return path in ("/tmp/unpack", "/tmp/staging")

        def scratch():
            return open("/tmp/report.csv", "w")
        """,
    )
    assert ("B108", 4) not in found
    assert ("B108", 6) not in found
    assert found[("B108", 9)] is Severity.MEDIUM


def test_md5_named_as_checksum_or_etag_is_low_but_a_token_is_not(tmp_path: Path) -> None:
    found = _by_check(
        tmp_path,
        """
        import hashlib

        def etag_for(body):
            return hashlib.md5(body).hexdigest()

        def save(record, blob, headers):
            checksum = hashlib.md5(blob).hexdigest()
            headers["ETag"] = hashlib.md5(blob).hexdigest()
            record.reset_token = hashlib.md5(blob).hexdigest()
            return checksum

        def sign(secret, body):
            return hashlib.md5(secret + body).hexdigest()
        """,
    )
    assert found[("B324", 4)] is Severity.LOW
    assert found[("B324", 7)] is Severity.LOW
    assert found[("B324", 8)] is Severity.LOW
    assert found[("B324", 9)].at_least(Severity.MEDIUM)
    assert found[("B324", 13)].at_least(Severity.MEDIUM)


def test_source_too_deep_to_parse_keeps_bandit_finding_as_it_is(tmp_path: Path) -> None:
    from gate.scanning.bandit_context import _parse

    deep = tmp_path / "deep.py"
    deep.write_text("x = " + "-" * 100_000 + "1\n")  # the parser gives up: MemoryError
    assert _parse(deep) is None
    link = tmp_path / "link.py"
    link.symlink_to(deep)
    assert _parse(link) is None
