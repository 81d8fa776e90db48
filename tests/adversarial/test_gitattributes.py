"""A `.gitattributes` in the PR, or a filter driver on the machine, cannot switch gate off."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.change.diff import resolve_change
from gate.report import Verdict
from tests.adversarial.helpers import BANDIT_ONLY, active_rules, base_then_pr, run_pr
from tests.conftest import GitRepo


@pytest.mark.parametrize(
    "attributes", ["*.py binary\n", "*.py -diff\n", "* binary\n", "*.py diff=x\n"]
)
def test_gitattributes_in_the_pr_cannot_mark_python_binary(repo: GitRepo, attributes: str) -> None:
    repo.git("config", "diff.x.binary", "true")
    base_then_pr(repo, {".gitattributes": attributes, "evil.py": "x = 1\neval(data)\n"})
    report = run_pr(repo)
    assert ("mini-eval", "evil.py", 2) in active_rules(report)
    assert report.verdict is not Verdict.PASS
    coverage = {c.path: c for c in report.coverage}
    assert coverage["evil.py"].skipped == "" and coverage["evil.py"].scanners == ("semgrep",)


def test_a_textconv_driver_does_not_hide_the_added_lines(repo: GitRepo) -> None:
    repo.git("config", "diff.hide.textconv", "true")  # textconv output: nothing
    base_then_pr(repo, {".gitattributes": "*.py diff=hide\n", "evil.py": "eval(data)\n"})
    change = resolve_change(repo.path, base="HEAD~1")
    evil = next(f for f in change.files if f.path == "evil.py")
    assert evil.added == ((1, 1),) and not evil.is_binary


def test_real_binary_content_is_still_binary(repo: GitRepo) -> None:
    base_then_pr(repo, {"blob.py": b"\x00\x01eval(data)\n"})
    change = resolve_change(repo.path, base="HEAD~1")
    assert next(f for f in change.files if f.path == "blob.py").is_binary


def test_machine_filter_driver_never_runs_on_the_prs_files(repo: GitRepo, tmp_path: Path) -> None:
    marker = tmp_path / "filter-ran"
    for kind in ("clean", "smudge"):
        repo.git("config", f"filter.evil.{kind}", f"touch {marker}; cat")
    repo.git("config", "filter.evil.required", "true")
    base_then_pr(repo, {"README.md": "base\n"})
    repo.write(".gitattributes", "* filter=evil\n")
    repo.write("evil.py", "eval(data)\n")
    repo.write("staged.py", "eval(data)\n")
    repo.git("add", "staged.py")  # the test's own git runs the filter; gate's must not
    repo.write("README.md", "changed\n")  # a tracked file git must re-read
    marker.unlink(missing_ok=True)
    change = resolve_change(repo.path)  # local run: work tree against HEAD
    staged = resolve_change(repo.path, staged=True)  # exports the index
    assert not marker.exists()
    assert (staged.content_root / "staged.py").read_bytes() == b"eval(data)\n"
    assert {f.path for f in change.files} >= {"README.md", "evil.py"}


def test_cr_only_line_endings_keep_bandit_findings_inside_the_diff(repo: GitRepo) -> None:
    code = "import os\rx = 1\ry = 2\reval(data)\r"
    base_then_pr(repo, {"cr.py": code.encode()}, config=BANDIT_ONLY)
    report = run_pr(repo)
    evals = [f for f in report.findings if f.path == "cr.py" and f.start_line == 4]
    assert evals and all(f.is_active for f in evals), report.findings
    assert report.verdict is Verdict.FAIL


def test_cr_only_modification_maps_added_lines(repo: GitRepo) -> None:
    repo.write("m.py", b"a = 1\nb = 2\n")
    repo.commit("base")
    repo.write("m.py", b"a = 1\nb = 2\rc = 3\rd = 4\n")
    repo.commit("cr")
    change = resolve_change(repo.path, base="HEAD~1")
    assert change.files[0].added == ((2, 4),)


def test_large_files_are_sniffed_not_read_whole(repo: GitRepo) -> None:
    big_text = ("x = 1\n" * 1_600_000).encode()  # ~9.6 MB, over content.FULL_BYTES
    big_binary = b"\x00\x01" + b"a" * 9_000_000
    base_then_pr(repo, {"big.py": big_text, "big.bin": big_binary})
    change = resolve_change(repo.path, base="HEAD~1")
    by_path = {f.path: f for f in change.files}
    assert by_path["big.bin"].is_binary and not by_path["big.py"].is_binary
    assert by_path["big.py"].added == ((1, 1_600_000),)
