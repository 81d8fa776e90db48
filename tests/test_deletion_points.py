"""A change that only deletes code (a timeout argument, a verify flag) adds no line, yet it
changes the statement it deleted from. Such a file is scanned, and a finding whose
statement spans the deletion counts as introduced; a deletion of a comment or a blank
line, or one outside the flagged statement, introduces nothing. Real git, real semgrep."""

from __future__ import annotations

from gate.change.patch import _parse_patch
from gate.findings import Status
from gate.report import Report, Verdict
from gate.runner import RunOptions, run_gate
from tests.conftest import GitRepo

ONLY_SEMGREP = (
    "packs: [error-handling]\n"
    "scanners:\n"
    "  bandit: {enabled: false}\n"
    "  heuristics: {enabled: false}\n"
    "  secrets: {enabled: false}\n"
)

CLIENT = """\
export async function send(baseUrl: string, body: string): Promise<number> {
  const res = await fetch(`${baseUrl}/v1/transfers`, {
    method: "POST",
    body,
    signal: AbortSignal.timeout(10_000),
  });
  return res.status;
}

export function describe(): string {
  // the payout client
  return "payouts";
}
"""


def _run(repo: GitRepo, before: str, after: str) -> Report:
    repo.write(".gate.yml", ONLY_SEMGREP)
    repo.write("src/client.ts", before)
    repo.commit("base")
    repo.write("src/client.ts", after)
    repo.commit("change")
    return run_gate(RunOptions(cwd=repo.path, base="HEAD~1"))


def test_deleting_the_timeout_argument_introduces_the_missing_timeout(repo: GitRepo) -> None:
    report = _run(repo, CLIENT, CLIENT.replace("    signal: AbortSignal.timeout(10_000),\n", ""))
    introduced = [f for f in report.active if f.rule_id == "eh-js-fetch-no-timeout"]
    assert [(f.path, f.start_line) for f in introduced] == [("src/client.ts", 2)]
    assert "deleted code after line 4" in introduced[0].status_reason
    assert report.verdict is not Verdict.PASS


def test_deleting_a_comment_or_code_elsewhere_introduces_nothing(repo: GitRepo) -> None:
    without_timeout = CLIENT.replace("    signal: AbortSignal.timeout(10_000),\n", "")
    after = without_timeout.replace("  // the payout client\n", "").replace(
        '  return "payouts";\n', ""
    )
    # the base already lacked the timeout; the change deletes a comment and another line
    report = _run(repo, without_timeout, after)
    fetches = [f for f in report.findings if f.rule_id == "eh-js-fetch-no-timeout"]
    assert fetches and all(f.status is not Status.ACTIVE for f in fetches)
    assert not report.active


def test_deletion_points_sit_between_new_lines_and_skip_comments_blanks_and_replacements() -> None:
    patch = (
        b"diff --git a/x.ts b/x.ts\n--- a/x.ts\n+++ b/x.ts\n"
        b"@@ -1 +0,0 @@\n"
        b"-import x\n"
        b"@@ -10,5 +10,4 @@ function f() {\n"
        b"   const r = await fetch(url, {\n"
        b'     method: "POST",\n'
        b"-    signal: AbortSignal.timeout(5000),\n"
        b"     body,\n"
        b"   });\n"
        b"@@ -30,2 +29,0 @@\n"
        b"-  // a comment\n"
        b"-\n"
        b"@@ -40 +38,0 @@\n"
        b"-  verify()\n"
        b"@@ -50,2 +48,2 @@\n"
        b"-  timeout = 5\n"
        b"+  timeout = 50\n"
        b"   return timeout\n"
    )
    added, hunks, deleted_after, binary = _parse_patch(patch)["x.ts"]
    assert deleted_after == (0, 11, 38)
    assert added == ((48, 48),) and hunks == ((10, 13), (48, 49)) and not binary
