"""The baseline on real repositories: refactors pass, copies and changes still fail.

Every scenario is a PR branch off `main` in a real git repository, scanned with the real
scanners exactly as `gate run --base main` does. Most also run with `baseline: off` to
show the scenario fails on the added-lines filter alone (what gate did before).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from gate.reporters import json_report, markdown, sarif, terminal

from gate.change.model import ChangedFile, ChangeKind
from gate.change.removed import Removal
from gate.commands.cli import cli
from gate.decision import baseline as baseline_module
from gate.decision.baseline_code import Code, normalize_code
from gate.errors import ConfigError, GitError
from gate.findings import Status
from gate.policy.config import parse_config
from gate.report import Report, Verdict
from gate.runner import RunOptions, run_gate
from tests.conftest import GitRepo

RUN = """\
def run(cmd):
    subprocess.call(cmd, shell=True)
    return hashlib.md5(cmd.encode()).hexdigest()
"""
OTHER = """\
def other(data):
    return eval(data)
"""
HEADER = "import hashlib\nimport subprocess\n"


def _pr(repo: GitRepo, base: dict[str, str], head: dict[str, str | None]) -> None:
    for path, text in base.items():
        repo.write(path, text)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    for path, content in head.items():
        if content is None:
            repo.git("rm", "-q", path)
        else:
            repo.write(path, content)
    repo.commit("the PR")


def _gate(repo: GitRepo, **overrides: object) -> Report:
    return run_gate(RunOptions(cwd=repo.path, base="main", overrides=dict(overrides)))


def _active(report: Report) -> list[tuple[str, str, int]]:
    return sorted((f.rule_id, f.path, f.start_line) for f in report.active)


def _pre_existing(report: Report) -> list[tuple[str, str]]:
    return sorted((f.rule_id, f.path) for f in report.with_status(Status.PRE_EXISTING))


def _passes_only_with_baseline(repo: GitRepo) -> Report:
    report = _gate(repo)
    assert _active(report) == [], report.notes
    assert report.verdict is not Verdict.FAIL
    assert _pre_existing(report), "the refactored findings are kept, marked pre-existing"
    before = _gate(repo, baseline="off")
    assert before.verdict is Verdict.FAIL, "the scenario must fail on added lines alone"
    return report


def test_move_within_a_file_is_not_new(repo: GitRepo) -> None:
    _pr(repo, {"app.py": HEADER + "\n\n" + RUN + "\n\n" + OTHER}, {})
    repo.write("app.py", HEADER + "\n\n" + OTHER + "\n\n" + RUN)
    repo.commit("move run below other")
    report = _passes_only_with_baseline(repo)
    assert {f.baseline_state for f in report.with_status(Status.PRE_EXISTING)} <= {
        "unchanged",
        "updated",
    }


def test_move_across_files_is_not_new(repo: GitRepo) -> None:
    _pr(
        repo,
        {"app.py": HEADER + "\n\n" + RUN + "\n\n" + OTHER},
        {
            "app.py": "from pkg.tools import run\n\n\n" + OTHER,
            "pkg/tools.py": HEADER + "\n\n" + RUN,
        },
    )
    report = _passes_only_with_baseline(repo)
    moved = [f for f in report.with_status(Status.PRE_EXISTING) if f.path == "pkg/tools.py"]
    assert moved and all(f.baseline_state == "updated" for f in moved)
    assert all("app.py" in f.status_reason and "moved" in f.status_reason for f in moved)
    # the untouched eval() stays outside the diff, as before
    assert [f.rule_id for f in report.with_status(Status.OUTSIDE_DIFF)] == ["sec-eval-injection"]
    # what SARIF consumers and the JSON file see
    results = json.loads(sarif.render(report))["runs"][0]["results"]
    states = {(r["ruleId"], r["baselineState"], r["level"]) for r in results}
    assert ("sec-command-injection", "updated", "note") in states
    document = json.loads(json_report.render(report))
    jsonschema.Draft202012Validator(json_report.schema()).validate(document)
    assert Report.from_dict(document).findings == report.findings


def test_rename_with_edits_is_not_new(repo: GitRepo) -> None:
    safe = "".join(f"\n\ndef helper_{n}(value):\n    return value + {n}\n" for n in range(12))
    _pr(
        repo,
        {"app.py": HEADER + "\n\n" + RUN},
        {"app.py": None, "payments/service.py": HEADER + "\n\n" + RUN + safe},
    )
    report = _passes_only_with_baseline(repo)
    assert {f.path for f in report.with_status(Status.PRE_EXISTING)} == {"payments/service.py"}


def test_extract_to_a_new_module_is_not_new(repo: GitRepo) -> None:
    _pr(
        repo,
        {"app.py": HEADER + "\n\n" + RUN + "\n\n" + OTHER},
        {
            "app.py": HEADER + "\n\n" + RUN,
            "evaluation.py": OTHER,
        },
    )
    report = _gate(repo)
    assert _active(report) == []
    assert _pre_existing(report) == [("sec-eval-injection", "evaluation.py")]
    assert _gate(repo, baseline="off").verdict is Verdict.FAIL


def test_re_indent_into_an_if_is_not_new(repo: GitRepo) -> None:
    wrapped = "if True:\n" + textwrap.indent(RUN, "    ")
    _pr(repo, {"app.py": HEADER + "\n\n" + RUN}, {"app.py": HEADER + "\n\n" + wrapped})
    _passes_only_with_baseline(repo)


def test_whitespace_only_edit_is_not_new(repo: GitRepo) -> None:
    spaced = RUN.replace("call(cmd, shell=True)", "call( cmd,  shell = True )  ")
    _pr(repo, {"app.py": HEADER + "\n\n" + RUN}, {"app.py": HEADER + "\n\n" + spaced})
    _passes_only_with_baseline(repo)


def test_reformat_joining_and_splitting_lines_is_not_new(repo: GitRepo) -> None:
    base = HEADER + textwrap.dedent(
        """

        def run(cmd):
            subprocess.call(cmd,
                            shell=True)


        def digest(text):
            return hashlib.md5(text.encode()).hexdigest()
        """
    )
    head = HEADER + textwrap.dedent(
        """

        def run(cmd):
            subprocess.call(cmd, shell=True)


        def digest(text):
            return hashlib.md5(
                text.encode(),
            ).hexdigest()
        """
    )
    _pr(repo, {"app.py": base}, {"app.py": head})
    report = _passes_only_with_baseline(repo)
    assert ("pci-weak-crypto", "app.py") in _pre_existing(report)


def test_duplicates_are_counted_two_in_base_three_in_head_one_new(repo: GitRepo) -> None:
    def body(count: int) -> str:
        return HEADER + "".join(
            f"\n\ndef run_{n}(cmd):\n    subprocess.call(cmd, shell=True)\n" for n in range(count)
        )

    _pr(repo, {"app.py": body(2)}, {"app.py": body(3)})
    report = _gate(repo)
    assert [r for r, _, _ in _active(report) if r == "sec-command-injection"] == [
        "sec-command-injection"
    ]
    assert report.verdict is Verdict.FAIL


def test_duplicates_all_re_indented_plus_one_more_still_one_new(repo: GitRepo) -> None:
    line = "subprocess.call(cmd, shell=True)\n"
    base = HEADER + "\n\ndef run(cmd):\n" + ("    " + line) * 2
    head = HEADER + "\n\ndef run(cmd):\n    if cmd:\n" + ("        " + line) * 3
    _pr(repo, {"app.py": base}, {"app.py": head})
    report = _gate(repo)
    new = [f for f in report.active if f.rule_id == "sec-command-injection"]
    old = [f for f in report.with_status(Status.PRE_EXISTING) if f.rule_id == new[0].rule_id]
    assert (len(new), len(old)) == (1, 2)
    assert new[0].baseline_state == "new" and report.verdict is Verdict.FAIL


def test_a_copied_vulnerable_function_is_new(repo: GitRepo) -> None:
    _pr(
        repo,
        {"app.py": HEADER + "\n\n" + RUN},
        {"copy.py": HEADER + "\n\n" + RUN},
    )
    report = _gate(repo)
    assert report.verdict is Verdict.FAIL
    assert ("sec-command-injection", "copy.py", 6) in _active(report)
    assert _pre_existing(report) == []


def test_a_copy_within_the_same_file_is_new(repo: GitRepo) -> None:
    second = RUN.replace("def run(", "def run_again(")
    _pr(
        repo, {"app.py": HEADER + "\n\n" + RUN}, {"app.py": HEADER + "\n\n" + RUN + "\n\n" + second}
    )
    report = _gate(repo)
    assert report.verdict is Verdict.FAIL
    assert ("sec-command-injection", "app.py", 11) in _active(report)


def test_a_changed_vulnerable_line_is_new(repo: GitRepo) -> None:
    changed = RUN.replace("call(cmd, shell=True)", 'call(cmd + " --all", shell=True)')
    _pr(repo, {"app.py": HEADER + "\n\n" + RUN}, {"app.py": HEADER + "\n\n" + changed})
    report = _gate(repo)
    assert report.verdict is Verdict.FAIL
    assert ("sec-command-injection", "app.py", 6) in _active(report)
    assert report.active[0].baseline_state == "new"


def test_merge_commit_in_the_pr_history(repo: GitRepo) -> None:
    _pr(repo, {"app.py": HEADER + "\n\n" + RUN + "\n\n" + OTHER}, {"notes.txt": "start\n"})
    repo.git("checkout", "-q", "main")
    repo.write("lib.py", "def added_on_main(x):\n    return eval(x)\n")
    repo.commit("main moves on")
    repo.git("checkout", "-q", "feature")
    repo.git("merge", "-q", "--no-edit", "main")
    repo.write("app.py", "from pkg.tools import run\n\n\n" + OTHER)
    repo.write("pkg/tools.py", HEADER + "\n\n" + RUN)
    repo.write("new.py", "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n")
    repo.commit("move run, add a loader")
    report = _gate(repo)
    assert {p for _, p, _ in _active(report)} == {"new.py"}  # main's eval() is not in the PR
    assert ("sec-command-injection", "pkg/tools.py") in _pre_existing(report)


def test_shallow_clone_without_the_base_fails_closed_then_works_once_fetched(
    repo: GitRepo, tmp_path: Path
) -> None:
    _pr(
        repo,
        {"app.py": HEADER + "\n\n" + RUN},
        {"app.py": "from tools import run\n", "tools.py": HEADER + "\n\n" + RUN},
    )
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", "--branch", "feature", "--no-single-branch",
         f"file://{repo.path}", str(clone)],
        check=True,
    )  # fmt: skip
    with pytest.raises(GitError, match="shallow clone.*fetch-depth: 0"):
        run_gate(RunOptions(cwd=clone, base="origin/main"))
    subprocess.run(["git", "-C", str(clone), "fetch", "-q", "--unshallow"], check=True)
    report = run_gate(RunOptions(cwd=clone, base="origin/main"))
    assert _active(report) == []
    assert ("sec-command-injection", "tools.py") in _pre_existing(report)


def test_staged_and_local_runs_share_the_baseline(repo: GitRepo) -> None:
    repo.write("app.py", HEADER + "\n\n" + RUN)
    repo.commit("base")
    repo.write("app.py", HEADER + "\n\nif True:\n" + textwrap.indent(RUN, "    "))
    repo.git("add", "app.py")
    staged = run_gate(RunOptions(cwd=repo.path, staged=True))
    local = run_gate(RunOptions(cwd=repo.path))
    for report in (staged, local):
        assert _active(report) == [] and ("sec-command-injection", "app.py") in _pre_existing(
            report
        )


def test_cli_baseline_off_keeps_added_lines_behaviour(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pr(
        repo,
        {"app.py": HEADER + "\n\n" + RUN},
        {"app.py": HEADER + "\n\n" + RUN.replace("    ", "\t")},
    )
    monkeypatch.chdir(repo.path)
    on = CliRunner().invoke(cli, ["run", "--base", "main", "--no-color"])
    off = CliRunner().invoke(cli, ["run", "--base", "main", "--baseline", "off", "--no-color"])
    assert (on.exit_code, off.exit_code) == (0, 1), on.output + off.output
    assert "pre-existing findings on lines this change touched" in on.output


def test_newly_enabled_rule_is_reported_not_blocking_by_default(repo: GitRepo) -> None:
    base_config = "packs: [security, error-handling]\n"
    wrapped = "if True:\n" + textwrap.indent(RUN, "    ")
    _pr(
        repo,
        {".gate.yml": base_config, "app.py": HEADER + "\n\n" + RUN},
        {".gate.yml": "packs: [security, error-handling, pci-dss]\n", "app.py": HEADER + wrapped},
    )
    report = _gate(repo)
    weak = [f for f in report.findings if f.rule_id == "pci-weak-crypto"]
    assert weak and all(f.status is Status.PRE_EXISTING for f in weak)
    assert all(f.status_reason.startswith("newly enabled rule") for f in weak)
    old = [f for f in report.findings if f.rule_id == "sec-command-injection"]
    assert old and old[0].status_reason.startswith("pre-existing:")
    repo.write(
        ".gate.yml", "packs: [security, error-handling, pci-dss]\nnewly_enabled_rules: block\n"
    )
    repo.commit("block newly enabled rules")
    blocked = _gate(repo)
    assert [f.status for f in blocked.findings if f.rule_id == "pci-weak-crypto"] == [Status.ACTIVE]
    assert _pre_existing(blocked) and ("sec-command-injection", "app.py") in _pre_existing(blocked)
    for text in (terminal.render(blocked), markdown.render(blocked)):
        assert "newly enabled rule" in text  # the label shows on the counted finding
    assert "1 of them from newly enabled rules" in terminal.render(report)


def test_no_candidate_means_no_base_scan(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    scanned: list[tuple[str, ...]] = []
    real = baseline_module.scan_base

    def spy(change, blobs, *args):  # type: ignore[no-untyped-def]
        scanned.append(tuple(sorted(blobs)))
        return real(change, blobs, *args)

    monkeypatch.setattr(baseline_module, "scan_base", spy)
    _pr(repo, {"app.py": HEADER + "\n\n" + RUN}, {"app.py": HEADER + "\n\n" + RUN + "\nX = 1\n"})
    assert _gate(repo).verdict is not Verdict.FAIL and scanned == []  # no finding on a change
    repo.write("app.py", HEADER + "\n\n" + RUN.replace("(cmd, shell", "(cmd.strip(), shell"))
    repo.commit("change the line")
    assert _gate(repo).verdict is Verdict.FAIL and scanned == []  # its code is not in the base
    repo.write("app.py", "X = 1\n")
    repo.write("b.py", "import os\n")
    repo.write("c.py", HEADER + "\n\n" + RUN)
    repo.commit("move it")
    assert _active(_gate(repo)) == [] and scanned == [("app.py",)]  # only where it came from


def test_across_shards_a_move_counts_as_new(repo: GitRepo) -> None:
    _pr(
        repo,
        {"a.py": HEADER + "\n\n" + RUN},
        {"a.py": "X = 1\n", "b.py": HEADER + "\n\n" + RUN},
    )
    one, two = (run_gate(RunOptions(cwd=repo.path, base="main", shard=(k, 2))) for k in (1, 2))
    assert two.verdict is Verdict.FAIL and one.verdict is not Verdict.FAIL


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("f(a, b)", "f(a,\n  b)"),
        ("f(a, b)", "f(\n    a,\n    b,\n)"),
        ("x = a + \\\n    b", "x = a + b"),
        ("\tif x:\n\t\treturn y", "if x:\n    return y"),
    ],
)
def test_normalized_code_ignores_layout(before: str, after: str) -> None:
    assert normalize_code(before) == normalize_code(after)


@pytest.mark.parametrize(
    ("one", "other"),
    [("return x", "returnx"), ("f(a, b)", "f(a, c)"), ("not x", "notx"), ("[1, 2]", "[12]")],
)
def test_normalized_code_keeps_real_differences(one: str, other: str) -> None:
    assert normalize_code(one) != normalize_code(other)


def test_identity_reads_the_whole_statement_whichever_line_a_scanner_points_at() -> None:
    split = Code(["x = 1", "subprocess.call(cmd,", "                shell=True)  # (", "y = 2"])
    joined = Code(["subprocess.call(cmd, shell=True)  # ("])
    assert split.span(3, 3) == (2, 3) and split.span(1, 1) == (1, 1)
    assert split.identity(3, 3) == joined.identity(1, 1)
    strings = Code(['s = "(" + f(a,', "  b)", "t = ')'"])
    assert strings.span(2, 2) == (1, 2) and strings.span(3, 3) == (3, 3)


def test_a_changed_comment_on_the_line_makes_it_new(repo: GitRepo) -> None:
    _pr(
        repo,
        {"app.py": OTHER.replace("eval(data)", "eval(data)  # TODO")},
        {"app.py": OTHER},
    )
    report = _gate(repo)
    assert ("sec-eval-injection", "app.py", 2) in _active(report)


def test_pre_push_shares_the_baseline(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    wrapped = "if True:\n" + textwrap.indent(RUN, "    ")
    _pr(repo, {"app.py": HEADER + "\n\n" + RUN}, {"app.py": HEADER + "\n\n" + wrapped})
    main, head = (repo.git("rev-parse", ref).strip() for ref in ("main", "HEAD"))
    push = f"refs/heads/feature {head} refs/heads/feature {main}\n"
    monkeypatch.chdir(repo.path)
    on = CliRunner().invoke(cli, ["run", "--pre-push", "--no-color"], input=push)
    off = CliRunner().invoke(cli, ["run", "--pre-push", "--baseline", "off"], input=push)
    assert (on.exit_code, off.exit_code) == (0, 1), on.output + off.output
    assert "pre-existing findings on lines this change touched" in on.output


def test_a_scanner_failing_on_the_base_side_leaves_findings_new(
    repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = shutil.which("semgrep") or str(Path(sys.executable).parent / "semgrep")
    fake_dir = tmp_path / "fakebin"
    fake_dir.mkdir()
    fake = fake_dir / "semgrep"
    fake.write_text(f'#!/bin/sh\ncase "$PWD $*" in *gate-base-*) exit 2;; esac\nexec {real} "$@"\n')
    fake.chmod(0o755)
    only_semgrep = "scanners: {bandit: {enabled: false}, heuristics: {enabled: false}}\n"
    wrapped = "if True:\n" + textwrap.indent(OTHER, "    ")
    _pr(
        repo,
        {".gate.yml": only_semgrep, "app.py": OTHER},
        {"app.py": wrapped},
    )
    monkeypatch.setenv("PATH", f"{fake_dir}{os.pathsep}{os.environ['PATH']}")
    report = _gate(repo)
    assert ("sec-eval-injection", "app.py", 3) in _active(report)
    assert report.verdict is Verdict.FAIL  # the head scan decides; it succeeded
    assert any("semgrep failed on the base side" in n for n in report.notes), report.notes


def test_a_deleted_module_merged_into_another_is_not_new(repo: GitRepo) -> None:
    _pr(
        repo,
        {"a.py": HEADER + "\n\n" + RUN, "b.py": "import os\n\n\n" + OTHER},
        {"a.py": None, "b.py": "import os\n" + HEADER + "\n\n" + OTHER + "\n\n" + RUN},
    )
    report = _passes_only_with_baseline(repo)
    assert {p for _, p in _pre_existing(report)} == {"b.py"}


def test_code_moved_from_a_laxer_path_policy_is_new(repo: GitRepo) -> None:
    relaxed = 'overrides:\n  - paths: ["tests/**"]\n    fail_on: never\n'
    _pr(
        repo,
        {".gate.yml": relaxed, "tests/helpers.py": HEADER + "\n\n" + RUN},
        {"tests/helpers.py": "X = 1\n", "src/helpers.py": HEADER + "\n\n" + RUN},
    )
    report = _gate(repo)
    assert report.verdict is Verdict.FAIL
    assert ("sec-command-injection", "src/helpers.py", 6) in _active(report)


def test_code_moved_between_paths_under_the_same_override_is_not_new(repo: GitRepo) -> None:
    override = 'overrides:\n  - paths: ["lib/**"]\n    disable_rules: [eh-assert-for-validation]\n'
    _pr(
        repo,
        {".gate.yml": override, "lib/a.py": HEADER + "\n\n" + RUN},
        {"lib/a.py": "X = 1\n", "lib/b.py": HEADER + "\n\n" + RUN},
    )
    _passes_only_with_baseline(repo)


@pytest.mark.parametrize(
    ("text", "expected"), [("baseline: on\n", "on"), ("baseline: off\n", "off"), ("", "on")]
)
def test_baseline_key_reads_yaml_on_and_off(text: str, expected: str) -> None:
    assert parse_config(text, ".gate.yml")["baseline"] == expected


def test_baseline_key_rejects_other_values_with_file_and_line() -> None:
    with pytest.raises(
        ConfigError, match=r"^\.gate\.yml:2: baseline: 'maybe' is not one of on, off"
    ):
        parse_config("fail_on: high\nbaseline: maybe\n", ".gate.yml")
    with pytest.raises(
        ConfigError, match="newly_enabled_rules: 'warn' is not one of report, block"
    ):
        parse_config("newly_enabled_rules: warn\n", ".gate.yml")


def test_in_ci_the_base_commit_decides_the_baseline_setting(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrapped = "if True:\n" + textwrap.indent(RUN, "    ")
    _pr(
        repo,
        {".gate.yml": "baseline: off\n", "app.py": HEADER + "\n\n" + RUN},
        {".gate.yml": "baseline: on\n", "app.py": HEADER + "\n\n" + wrapped},
    )
    monkeypatch.chdir(repo.path)
    monkeypatch.setenv("CI", "true")  # what the Action's `gate run --base ...` sees
    result = CliRunner().invoke(cli, ["run", "--base", "main", "--no-color"])
    assert result.exit_code == 1, result.output  # the PR cannot switch its own baseline on
    assert "baseline changed from" in result.output
    repo.git("checkout", "-q", "main")
    repo.write(".gate.yml", "baseline: on\n")
    repo.commit("turn the baseline on")
    repo.git("checkout", "-q", "feature")
    repo.git("merge", "-q", "--no-edit", "main")
    result = CliRunner().invoke(cli, ["run", "--base", "main", "--no-color"])
    assert result.exit_code == 0, result.output


def test_when_the_two_diffs_disagree_the_baseline_is_not_trusted() -> None:
    files = {"a.py": ChangedFile(path="a.py", kind=ChangeKind.MODIFIED, added=((3, 4),))}
    agree = {"a.py": Removal(path="a.py", base_path="a.py", removed=((3, 3),), added=((3, 4),))}
    differ = {"a.py": Removal(path="a.py", base_path="a.py", removed=((3, 3),), added=((3, 5),))}
    assert baseline_module._disagreement(files, agree) == ""
    assert baseline_module._disagreement(files, differ) == "a.py"
    assert baseline_module._disagreement(files, {}) == "a.py"


# A finding over a whole block (a CSRF-exempt view, a refund handler without an audit
# call) is identified by the block's head: an edit inside the block, or type hints added to
# its parameters, does not make it new; a new block with the same head, or a removed
# audit call, does.
VIEWS = """\
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def webhook(request):
    payload = request.body
    return handle(payload)


@csrf_exempt
def callback(request):
    return handle(request.body)
"""
REFUND = """\
import stripe


def issue_refund(request, order_id):
    order = Order.objects.get(pk=order_id)
    refund = stripe.Refund.create(payment_intent=order.payment_intent, amount=order.total)
    order.status = "refunded"
    order.save(update_fields=["status"])
    return refund
"""


def _block_findings(report: Report, rule: str) -> tuple[list[int], list[int]]:
    active = [f.start_line for f in report.active if f.rule_id == rule]
    kept = [f.start_line for f in report.with_status(Status.PRE_EXISTING) if f.rule_id == rule]
    return active, kept


def test_an_edit_inside_a_csrf_exempt_view_is_not_new(repo: GitRepo) -> None:
    edited = VIEWS.replace(
        "def webhook(request):\n    payload = request.body\n",
        "def webhook(request: HttpRequest) -> HttpResponse:\n"
        "    payload = request.body\n    log.debug('webhook %d bytes', len(payload))\n",
    )
    _pr(repo, {"shop/views.py": VIEWS}, {"shop/views.py": edited})
    report = _gate(repo)
    active, kept = _block_findings(report, "pci-csrf-disabled")
    assert active == [], report.notes
    assert kept == [4]
    reason = next(f.status_reason for f in report.findings if f.start_line == 4)
    assert "same block `@csrf_exempt` at shop/views.py:4 in the base; edited inside" in reason
    before = _block_findings(_gate(repo, baseline="off"), "pci-csrf-disabled")
    assert before[0] == [4], "without the baseline the edited view is reported"


def test_a_new_csrf_exempt_view_with_the_same_head_is_new(repo: GitRepo) -> None:
    second = VIEWS + "\n\n@csrf_exempt\ndef callback(request, token):\n    return token\n"
    edited = second.replace("return handle(request.body)", "return handle(request.body, 1)")
    _pr(repo, {"shop/views.py": VIEWS}, {"shop/views.py": edited})
    report = _gate(repo)
    active, kept = _block_findings(report, "pci-csrf-disabled")
    assert active == [15], "the added view (same head as the edited one) is new"
    assert kept == [10], "the edited one is not"


def test_a_removed_audit_call_makes_the_handler_new(repo: GitRepo) -> None:
    audited = REFUND.replace(
        "    return refund\n",
        '    audit_log("refund.issued", order_id=order.id)\n    return refund\n',
    )
    _pr(repo, {"pay/refunds.py": audited}, {"pay/refunds.py": REFUND})
    report = _gate(repo)
    assert _block_findings(report, "pci-audit-event-missing") == ([4], [])


def test_type_hints_on_an_unaudited_handler_are_not_new(repo: GitRepo) -> None:
    hinted = REFUND.replace(
        "def issue_refund(request, order_id):", "def issue_refund(request: Request, order_id: int):"
    ).replace('order.status = "refunded"', "order.status = OrderStatus.REFUNDED")
    _pr(repo, {"pay/refunds.py": REFUND}, {"pay/refunds.py": hinted})
    report = _gate(repo)
    assert _block_findings(report, "pci-audit-event-missing") == ([], [4]), report.notes
    assert _block_findings(_gate(repo, baseline="off"), "pci-audit-event-missing")[0] == [4]


def test_an_unaudited_handler_moved_to_another_file_is_not_new(repo: GitRepo) -> None:
    _pr(
        repo,
        {"pay/refunds.py": REFUND, "pay/__init__.py": ""},
        {
            "pay/refunds.py": "from pay.stripe_refunds import issue_refund\n",
            "pay/stripe_refunds.py": REFUND,
        },
    )
    report = _gate(repo)
    assert _block_findings(report, "pci-audit-event-missing") == ([], [4]), report.notes


@pytest.mark.parametrize(
    ("lines", "head"),
    [
        (
            ["@csrf_exempt", "@atomic", "def refund(self, amount: int) -> None:", "    pass"],
            "@csrf_exempt\n@atomic\ndef refund():",
        ),
        (
            ['@app.route("/pay", methods=["POST"])', "def pay():", "    return 1"],
            '@app.route("/pay",methods=["POST"])\ndef pay():',
        ),
        (
            ["func (s *Server) Refund(ctx context.Context) (err error) {", "\treturn nil", "}"],
            "func()Refund()(){",
        ),
        (
            ["  async refund(amount: number): Promise<void> {", "    await x()", "  }"],
            "async refund(){",
        ),
        (['app.post("/pay", (req, res) => {', "  res.send(1)", "});"], 'app.post("/pay",()=>{'),
        (["x = compute(", "    1, 2)"], None),
    ],
)
def test_block_head_keeps_the_opening_line_without_parameters(
    lines: list[str], head: str | None
) -> None:
    assert Code(lines).block_head(1, len(lines)) == head


def test_a_statement_inside_a_brace_block_is_its_own_identity() -> None:
    code = Code(
        [
            'app.post("/pay", (req, res) => {',
            "  const row = db.query(",
            "    sql);",
            "  res.send(row);",
            "});",
            "const after = 1;",
        ]
    )
    assert code.span(3, 3) == (2, 3)
    assert code.identity(4, 4) == "res.send(row);"
    assert code.identity(6, 6) == "const after=1;"


SWALLOW_JAVA = """\
class Loader {
    void load() {
        try {
            read();
        } catch (Exception e) {
        }
    }
}
"""


def test_a_new_swallowing_try_replacing_one_in_a_deleted_file_is_new(repo: GitRepo) -> None:
    """`try {` names nothing: a swallowing try block in a new file is not the one a deleted
    file had (holdout8, AuthorizeNet sdk-java d93e0ce9: a log4j2 converter replacing the
    log4j1 layout)."""
    other = SWALLOW_JAVA.replace("Loader", "Converter").replace("read();", "compile(patterns);")
    _pr(
        repo,
        {"src/Loader.java": SWALLOW_JAVA},
        {"src/Loader.java": None, "src/Converter.java": other},
    )
    report = _gate(repo)
    active, kept = _block_findings(report, "eh-java-swallowed-catch")
    assert (active, kept) == ([3], []), report.notes


def test_a_swallowing_try_re_indented_is_not_new(repo: GitRepo) -> None:
    wrapped = SWALLOW_JAVA.replace(
        "    void load() {\n", "    void load() {\n        if (ready) {\n"
    )
    wrapped = wrapped.replace(
        "        try {\n            read();\n        } catch (Exception e) {\n        }\n",
        "            try {\n                read();\n"
        "            } catch (Exception e) {\n            }\n        }\n",
    )
    _pr(repo, {"src/Loader.java": SWALLOW_JAVA}, {"src/Loader.java": wrapped})
    report = _gate(repo)
    assert _block_findings(report, "eh-java-swallowed-catch") == ([], [4]), report.notes
    assert _block_findings(_gate(repo, baseline="off"), "eh-java-swallowed-catch")[0] == [4]
