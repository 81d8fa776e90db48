"""The hook's sliced view of a large Python file (gate.scanning.slices): unit cases on the
slicer, then real staged runs (semgrep, bandit, heuristics, secrets) that compare the
sliced scan with the whole-file scan of the same change."""

from __future__ import annotations

import pytest

from gate.report import Report
from gate.runner import RunOptions, run_gate
from gate.scanning import slices
from gate.scanning.slices import slice_source
from tests.conftest import GitRepo

HEADER = "import json\nimport subprocess\n\nPREFIX = 'v'\n\n\n"


def _function(i: int) -> str:
    return (
        f"def handler{i}(request, x):\n"
        f"    value = request.args.get(PREFIX + '{i}')\n"
        f"    data = json.dumps({{'v': x + {i}, 'w': value}})\n"
        "    return data\n\n\n"
    )


LARGE = HEADER + "".join(_function(i) for i in range(260))  # ~30 KB
RISKY = (
    "    subprocess.call(request.args.get('cmd'), shell=True)\n"
    "    key = 'ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'\n"
    "    return eval(request.args.get('expr'))\n"
)


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


# --- the slicer ---------------------------------------------------------------------------


def test_slice_keeps_line_numbers_module_code_and_the_changed_function_only() -> None:
    data = LARGE.encode()
    start = LARGE.splitlines().index("def handler100(request, x):") + 1
    cut = slice_source(data, [(start + 1, start + 1)])
    assert cut is not None
    assert len(_lines(cut.text)) == len(_lines(data))
    kept = cut.text.decode().splitlines()
    assert kept[:4] == ["import json", "import subprocess", "", "PREFIX = 'v'"]
    assert kept[start - 1] == "def handler100(request, x):"
    assert kept[start] == "    value = request.args.get(PREFIX + '100')"
    assert "def handler99(request, x):" not in kept and "def handler101(request, x):" not in kept
    assert cut.kept == ("handler100",) and cut.left_out == 259
    assert len(cut.text) < len(data) // 10


def test_slice_keeps_a_changed_methods_class_whole_and_blanks_decorated_functions() -> None:
    source = (
        "import functools\n\n\n"
        "@functools.lru_cache\n"
        "def cached(x):\n    return x\n\n\n"
        "class Shop:\n    def a(self):\n        return 1\n\n    def b(self):\n        return 2\n"
        + "".join(_function(i) for i in range(40))
    )
    b_line = source.splitlines().index("        return 2") + 1
    cut = slice_source(source.encode(), [(b_line, b_line)])
    assert cut is not None and cut.kept == ("Shop",)
    kept = cut.text.decode().splitlines()
    assert "@functools.lru_cache" not in kept and "def cached(x):" not in kept
    assert "    def a(self):" in kept and "        return 2" in kept


def test_a_module_level_change_keeps_the_definitions_that_use_its_names() -> None:
    source = LARGE.replace("PREFIX = 'v'\n", "PREFIX = 'v'\nCMD = input()\nALIAS = CMD\n").replace(
        "def handler7(request, x):\n", "def handler7(request, x):\n    os.system(ALIAS)\n"
    )
    cut = slice_source(source.encode(), [(5, 5)])  # CMD = input(): reaches handler7 via ALIAS
    assert cut is not None and cut.kept == ("handler7",) and cut.left_out == 259
    assert "    os.system(ALIAS)" in cut.text.decode().splitlines()


def test_a_module_level_line_no_definition_uses_is_sliced_to_the_module_code() -> None:
    cut = slice_source(LARGE.encode(), [(2, 2)])  # `import subprocess`: no handler uses it
    assert cut is not None and cut.kept == ("(none)",) and cut.left_out == 260
    blank = slice_source(LARGE.encode(), [(5, 5)])
    assert blank is not None and blank.left_out == 260


@pytest.mark.parametrize(
    ("source", "changed_line", "why"),
    [
        (LARGE, 4, "PREFIX: every function uses it"),
        (LARGE, 1, "import json: every function uses it"),
        (LARGE.replace("import subprocess\n", "from shlex import *\n"), 2, "a star import"),
    ],
)
def test_a_module_level_change_every_function_may_see_scans_the_file_whole(
    source: str, changed_line: int, why: str
) -> None:
    assert slice_source(source.encode(), [(changed_line, changed_line)]) is None, why


def test_a_file_that_does_not_parse_or_barely_shrinks_is_scanned_whole() -> None:
    broken = (LARGE + "def broken(:\n").encode()
    assert slice_source(broken, [(8, 8)]) is None
    few = HEADER + _function(0) + _function(1)
    assert slice_source(few.encode(), [(8, 8)]) is None  # would save less than half


# --- real staged runs ---------------------------------------------------------------------


def _stage_risky_change(repo: GitRepo, text: str = LARGE) -> None:
    repo.write("big.py", text)
    repo.commit("base")
    marker = "def handler130(request, x):\n"
    repo.write("big.py", text.replace(marker, marker + RISKY))
    repo.git("add", "big.py")


def _active(report: Report) -> list[tuple[str, int]]:
    return sorted((f.rule_id, f.start_line) for f in report.findings if f.status.value == "active")


def test_staged_change_in_a_large_file_finds_what_the_whole_file_scan_finds(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write(".gate.yml", "cache: {enabled: false}\n")
    _stage_risky_change(repo)
    sliced = run_gate(RunOptions(cwd=repo.path, staged=True))
    monkeypatch.setattr(slices, "SLICE_MIN_BYTES", 10**9)
    whole = run_gate(RunOptions(cwd=repo.path, staged=True))

    found = _active(sliced)
    assert found == _active(whole)
    rules = {rule for rule, _ in found}
    assert {"sec-command-injection", "sec-eval-injection"} <= rules  # semgrep and bandit
    assert any(f.sources == ("secrets",) for f in sliced.findings), "the staged token"
    assert any("hook: big.py: scanned the definition(s) handler130" in n for n in sliced.notes)
    assert not any(n.startswith("hook: ") for n in whole.notes)
    covered = {c.path: set(c.scanners) for c in sliced.coverage}
    assert {"semgrep", "bandit", "secrets"} <= covered["big.py"]


def test_staged_module_level_change_finds_the_taint_it_sends_into_a_function(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed module-level source reaches an unchanged function's sink: the sliced scan
    keeps that function and reports what the whole-file scan reports."""
    repo.write(".gate.yml", "cache: {enabled: false}\n")
    marker = "def handler130(request, x):\n"
    base = LARGE.replace("PREFIX = 'v'\n", "PREFIX = 'v'\nTARGET = 'uptime'\n").replace(
        marker, marker + "    subprocess.call(TARGET, shell=True)\n"
    )
    repo.write("big.py", base)
    repo.commit("base")
    repo.write("big.py", base.replace("TARGET = 'uptime'", "TARGET = input()"))
    repo.git("add", "big.py")
    sliced = run_gate(RunOptions(cwd=repo.path, staged=True))
    monkeypatch.setattr(slices, "SLICE_MIN_BYTES", 10**9)
    whole = run_gate(RunOptions(cwd=repo.path, staged=True))
    assert _active(sliced) == _active(whole)
    assert "sec-command-injection" in {rule for rule, _ in _active(sliced)}
    assert any("hook: big.py: scanned the definition(s) handler130" in n for n in sliced.notes)


def test_the_whole_file_mode_is_never_sliced(repo: GitRepo) -> None:
    repo.write(".gate.yml", "cache: {enabled: false}\nfilter_mode: file\n")
    _stage_risky_change(repo)
    report = run_gate(RunOptions(cwd=repo.path, staged=True))
    assert not any(n.startswith("hook: ") for n in report.notes)


def test_windows_line_ends_and_a_byte_order_mark() -> None:
    crlf = LARGE.replace("\n", "\r\n").encode()
    cut = slice_source(crlf, [(8, 8)])  # inside handler0
    assert cut is not None and cut.text.count(b"\r\n") == crlf.count(b"\r\n")
    assert b"\n" not in cut.text.replace(b"\r\n", b"")
    assert slice_source(b"\xef\xbb\xbf" + LARGE.encode(), [(8, 8)]) is None
