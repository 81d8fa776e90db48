"""Diff awareness and robustness: only added lines count; unparsable files are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.change.model import ChangedFile, ChangeKind
from gate.scanning.base import ScanRequest, ScanTarget
from gate.scanning.heuristics import HeuristicsScanner
from tests.scanners.test_heuristics_support import catalog, hits, line_of, rules, scan

HANDLER = """
import requests

def sync(items):
    count = len(items)
    try:
        push(items)
    except Exception:
        pass
    data = requests.get("https://example.com/items")
    return count
"""


def test_whole_file_counts_every_line(tmp_path: Path) -> None:
    assert hits(scan(tmp_path, HANDLER)) == {
        ("eh-swallowed-exception", line_of(HANDLER, "except Exception:")),
        ("eh-network-no-timeout", line_of(HANDLER, "requests.get")),
    }


def test_unchanged_code_near_an_added_line_stays_quiet(tmp_path: Path) -> None:
    count_line = line_of(HANDLER, "count = len(items)")
    assert hits(scan(tmp_path, HANDLER, added=((count_line, count_line),))) == set()


def test_added_except_line_fires(tmp_path: Path) -> None:
    line = line_of(HANDLER, "except Exception:")
    assert rules(scan(tmp_path, HANDLER, added=((line, line),))) == {"eh-swallowed-exception"}


def test_added_handler_body_fires(tmp_path: Path) -> None:
    line = line_of(HANDLER, "pass")
    assert rules(scan(tmp_path, HANDLER, added=((line, line),))) == {"eh-swallowed-exception"}


def test_added_try_body_alone_does_not_blame_old_handler(tmp_path: Path) -> None:
    line = line_of(HANDLER, "push(items)")
    assert rules(scan(tmp_path, HANDLER, added=((line, line),))) == set()


def test_added_call_without_timeout_fires(tmp_path: Path) -> None:
    line = line_of(HANDLER, "requests.get")
    assert rules(scan(tmp_path, HANDLER, added=((line, line),))) == {"eh-network-no-timeout"}


def test_response_check_blames_the_added_use(tmp_path: Path) -> None:
    src = """
    import requests

    def rates():
        resp = requests.get("https://api.example.com/rates", timeout=5)
        log(resp.url)
        return resp.json()
    """
    use = line_of(src, "resp.json()")
    log_line = line_of(src, "log(resp.url)")
    assert hits(scan(tmp_path, src, added=((use, use),))) == {("eh-response-unchecked", use)}
    assert hits(scan(tmp_path, src, added=((log_line, log_line),))) == set()


def test_multiline_call_with_added_argument_line_fires(tmp_path: Path) -> None:
    src = """
    import requests

    def notify(url, body):
        return requests.post(
            url,
            json=body,
        )
    """
    line = line_of(src, "json=body")
    assert hits(scan(tmp_path, src, added=((line, line),))) == {
        ("eh-network-no-timeout", line_of(src, "requests.post("))
    }


def test_todo_only_when_the_comment_is_added(tmp_path: Path) -> None:
    src = """
    def pay(order):
        # TODO: handle errors
        return gateway.charge(order)
    """
    todo = line_of(src, "TODO")
    call = line_of(src, "gateway.charge")
    assert rules(scan(tmp_path, src, added=((call, call),))) == set()
    assert rules(scan(tmp_path, src, added=((todo, todo),))) == {"eh-todo-error-handling"}


def test_syntax_error_is_reported_not_passed(tmp_path: Path) -> None:
    src = "def broken(:\n    pass\n"
    outcome = scan(tmp_path, src, path="app/broken.py")
    assert outcome.files == ()
    assert outcome.unanalysed == (("app/broken.py", "syntax error at line 1: invalid syntax"),)
    (finding,) = outcome.findings
    assert (finding.rule_id, finding.start_line) == ("eh-file-not-analysed", 1)
    assert "syntax error at line 1" in finding.message


def test_syntax_error_on_later_line_points_there(tmp_path: Path) -> None:
    src = "def fine():\n    return 1\n\n\nprint 'python 2'\n"
    outcome = scan(tmp_path, src, added=((1, 1),))
    assert hits(outcome) == {("eh-file-not-analysed", 5)}


def test_null_bytes_are_not_analysed(tmp_path: Path) -> None:
    outcome = scan(tmp_path, b"x = 1\x00\n")
    assert outcome.files == ()
    assert rules(outcome) == {"eh-file-not-analysed"}


def test_non_utf8_bytes_are_replaced_and_analysed(tmp_path: Path) -> None:
    data = (
        b"def sync(items):\n"
        b"    label = 'caf\xe9'\n"
        b"    try:\n"
        b"        push(items)\n"
        b"    except Exception:\n"
        b"        pass\n"
    )
    outcome = scan(tmp_path, data)
    assert outcome.files == ("app/service.py",)
    assert hits(outcome) == {("eh-swallowed-exception", 5)}


def test_coding_cookie_is_honoured(tmp_path: Path) -> None:
    data = "# -*- coding: latin-1 -*-\n# TODO: gérer les erreurs, handle errors\n".encode("latin-1")
    outcome = scan(tmp_path, data)
    assert hits(outcome) == {("eh-todo-error-handling", 2)}


def test_missing_file_is_reported(tmp_path: Path) -> None:
    file = ChangedFile(path="gone.py", kind=ChangeKind.WHOLE)
    request = ScanRequest(
        root=tmp_path,
        targets=(ScanTarget(file=file, language="python"),),
        catalog=catalog(),
        timeout=60.0,
    )
    outcome = HeuristicsScanner().scan(request)
    assert outcome.ok and outcome.files == ()
    assert outcome.unanalysed[0][0] == "gone.py"
    assert {f.rule_id for f in outcome.findings} == {"eh-file-not-analysed"}


@pytest.mark.parametrize(
    "file",
    [
        ChangedFile(path="x.py", kind=ChangeKind.WHOLE, is_symlink=True),
        ChangedFile(path="x.py", kind=ChangeKind.WHOLE, is_binary=True),
        ChangedFile(path="x.py", kind=ChangeKind.WHOLE, is_submodule=True),
    ],
    ids=["symlink", "binary", "submodule"],
)
def test_non_source_targets_are_skipped(tmp_path: Path, file: ChangedFile) -> None:
    (tmp_path / "x.py").write_text("try:\n    f()\nexcept Exception:\n    pass\n")
    request = ScanRequest(
        root=tmp_path,
        targets=(ScanTarget(file=file, language="python"),),
        catalog=catalog(),
        timeout=60.0,
    )
    outcome = HeuristicsScanner().scan(request)
    assert outcome.findings == () and outcome.files == ()


def test_path_escaping_the_root_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text("try:\n    f()\nexcept Exception:\n    pass\n")
    root = tmp_path / "root"
    root.mkdir()
    (root / "link.py").symlink_to(outside)
    file = ChangedFile(path="link.py", kind=ChangeKind.WHOLE)
    request = ScanRequest(
        root=root,
        targets=(ScanTarget(file=file, language="python"),),
        catalog=catalog(),
        timeout=60.0,
    )
    outcome = HeuristicsScanner().scan(request)
    assert rules(outcome) == {"eh-file-not-analysed"}


def test_expired_timeout_fails_closed(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    file = ChangedFile(path="a.py", kind=ChangeKind.WHOLE)
    request = ScanRequest(
        root=tmp_path,
        targets=(ScanTarget(file=file, language="python"),) * 2,
        catalog=catalog(),
        timeout=-1.0,
    )
    outcome = HeuristicsScanner().scan(request)
    assert not outcome.ok
    assert "2 file(s) not analysed" in outcome.error
