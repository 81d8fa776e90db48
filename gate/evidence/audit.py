"""The auditor's period report: every change merged to a branch, and the gate's record of it.

`gate audit --branch main --since DATE [--until DATE]` walks the branch's first-parent
history. For each merged change it looks for the record of the run that judged it: a
note on the commit itself (push runs, fast-forward merges), on its second parent (merge
commits: the PR head), or a record naming the same pull request number ("(#12)",
"Merge pull request #12") or the same tree (squash merges). The latest run wins. Each
record is checked (signature, subject, chain), so a change shows as merged with pass,
warn, fail or error (and who merged it anyway), with waivers (and who approved them),
with a TAMPERED record, or with NO RECORD at all. Control coverage counts what the
records evidence for PCI DSS 6.2.3, 6.2.3.1, 6.2.4, 6.3.x and SOC 2 CC8.1, CC7.1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gate.change.git import git
from gate.evidence.store import NOTES_REF, Stored, check_chain, check_record, read_records

_PR_NUMBER = re.compile(r"(?:\(#(\d+)\)\s*$|^Merge pull request #(\d+)\b|!(\d+)\s*$)")
NO_RECORD, TAMPERED = "no record", "tampered"


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditedChange:
    commit: str
    date: str  # YYYY-MM-DD (committer date)
    subject: str
    merged_by: str
    status: str  # pass | warn | fail | error | no record | tampered
    pull_request: int = 0
    record_commit: str = ""
    waivers: tuple[str, ...] = ()  # "W-1 (approved by bob)"
    problems: tuple[str, ...] = ()
    signed: bool = False
    tier: int = -1

    @property
    def overridden(self) -> bool:
        return self.status in ("fail", "error")


@dataclass(frozen=True, slots=True, kw_only=True)
class ControlCount:
    framework: str
    control: str
    title: str
    evidenced: int
    total: int
    rule: str  # what counts as evidence for this control


@dataclass(frozen=True, slots=True, kw_only=True)
class Audit:
    branch: str
    since: str
    until: str
    changes: tuple[AuditedChange, ...] = ()
    controls: tuple[ControlCount, ...] = ()
    chain_problems: tuple[str, ...] = field(default_factory=tuple)
    signatures_checked: bool = False

    def counts(self) -> dict[str, int]:
        names = ("pass", "warn", "fail", "error", TAMPERED, NO_RECORD)
        return {n: sum(1 for c in self.changes if c.status == n) for n in names}


def run_audit(
    root: Path,
    *,
    branch: str,
    since: str,
    until: str = "",
    keys: Iterable[bytes] = (),
    require_signature: bool = False,
    ref: str = NOTES_REF,
) -> Audit:
    keys = list(keys)
    records = read_records(root, ref)
    chain = check_chain(records, _branch_name(branch))
    checks = {id(r): check_record(r, keys, require_signature=require_signature) for r in records}
    by_commit: dict[str, list[Stored]] = {}
    by_pr: dict[int, list[Stored]] = {}
    by_tree: dict[str, list[Stored]] = {}
    for record in records:
        by_commit.setdefault(record.commit, []).append(record)
        change = record.predicate.get("change")
        if isinstance(change, Mapping):
            if isinstance(change.get("pullRequest"), int) and change["pullRequest"]:
                by_pr.setdefault(change["pullRequest"], []).append(record)
            if change.get("headTree"):
                by_tree.setdefault(str(change["headTree"]), []).append(record)
    changes = []
    for commit, date, tree, parents, who, subject in _history(root, branch, since, until):
        number = _pr_number(subject)
        candidates = (
            by_commit.get(commit)
            or (by_commit.get(parents[1]) if len(parents) > 1 else None)
            or (by_pr.get(number) if number else None)
            or by_tree.get(tree)
            or []
        )
        changes.append(_audited(commit, date, subject, who, number, candidates, checks, chain))
    return Audit(
        branch=branch,
        since=since,
        until=until,
        changes=tuple(changes),
        controls=control_counts(changes),
        chain_problems=tuple(chain.get("", [])),
        signatures_checked=bool(keys),
    )


def _branch_name(branch: str) -> str:
    return branch.removeprefix("refs/heads/").removeprefix("origin/")


def _history(
    root: Path, branch: str, since: str, until: str
) -> list[tuple[str, str, str, list[str], str, str]]:
    args = ["log", "--first-parent", "--format=%H%x00%cs%x00%T%x00%P%x00%an%x00%cn%x00%s", branch]
    if since:
        args.append(f"--since={since}T00:00:00Z" if len(since) == 10 else f"--since={since}")
    if until:
        args.append(f"--until={until}T23:59:59Z" if len(until) == 10 else f"--until={until}")
    out = git(root, *args).stdout.decode("utf-8", "replace")
    rows = []
    for line in out.splitlines():
        commit, date, tree, parents, author, committer, subject = line.split("\x00", 6)
        # Who merged: on a merge commit its author (GitHub makes the merging user the
        # author and itself the committer); otherwise the committer, unless that is the
        # forge itself (squash and rebase merges), then the author.
        merge = len(parents.split()) > 1
        who = author if merge or committer in ("GitHub", "GitLab") else committer
        rows.append((commit, date, tree, parents.split(), who, subject))
    return rows


def _pr_number(subject: str) -> int:
    match = _PR_NUMBER.search(subject)
    if not match:
        return 0
    return int(next(g for g in match.groups() if g))


def _audited(
    commit: str,
    date: str,
    subject: str,
    who: str,
    number: int,
    candidates: list[Stored],
    checks: Mapping[int, Any],
    chain: Mapping[str, list[str]],
) -> AuditedChange:
    if not candidates:
        return AuditedChange(
            commit=commit,
            date=date,
            subject=subject,
            merged_by=who,
            status=NO_RECORD,
            pull_request=number,
        )
    record = max(candidates, key=lambda r: (r.sequence, str(r.predicate.get("run", {}))))
    check = checks[id(record)]
    problems = tuple(check.problems) + tuple(chain.get(record.digest, []))
    predicate = record.predicate
    waivers = tuple(
        f"{w.get('id')} (approved by {', '.join(w.get('approvedBy') or []) or 'nobody'})"
        for w in predicate.get("waivers", [])
        if isinstance(w, Mapping) and w.get("status") == "applied"
    )
    found = predicate.get("change")
    change: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
    return AuditedChange(
        commit=commit,
        date=date,
        subject=subject,
        merged_by=who,
        status=TAMPERED if problems else str(predicate.get("verdict", "error")),
        pull_request=number or int(change.get("pullRequest") or 0),
        record_commit=record.commit,
        waivers=waivers,
        problems=problems,
        signed=bool(check.signed_by),
        tier=int(predicate.get("tier", -1)) if isinstance(predicate.get("tier"), int) else -1,
    )


_CONTROLS = (
    ("PCI DSS 4.0", "6.2.3", "Bespoke software reviewed before release", "a valid record"),
    (
        "PCI DSS 4.0",
        "6.2.3.1",
        "Reviews by someone other than the author, approved",
        "a valid record whose waivers were all approved by a non-author",
    ),
    ("PCI DSS 4.0", "6.2.4", "Engineering techniques prevent common attacks", "pass or warn"),
    (
        "PCI DSS 4.0",
        "6.3.x",
        "Security vulnerabilities identified and managed",
        "a valid record (findings fixed, or waived with approval)",
    ),
    ("SOC 2", "CC8.1", "Changes authorized, tested and approved", "a valid signed record"),
    ("SOC 2", "CC7.1", "Detection of vulnerabilities and configuration changes", "any record"),
)


def control_counts(changes: Iterable[AuditedChange]) -> tuple[ControlCount, ...]:
    items = list(changes)
    valid = [c for c in items if c.status not in (NO_RECORD, TAMPERED)]
    rules = {
        "6.2.3": valid,
        "6.2.3.1": [c for c in valid if all("approved by nobody" not in w for w in c.waivers)],
        "6.2.4": [c for c in valid if c.status in ("pass", "warn")],
        "6.3.x": valid,
        "CC8.1": [c for c in valid if c.signed],
        "CC7.1": [c for c in items if c.status != NO_RECORD],
    }
    return tuple(
        ControlCount(
            framework=framework,
            control=control,
            title=title,
            evidenced=len(rules[control]),
            total=len(items),
            rule=rule,
        )
        for framework, control, title, rule in _CONTROLS
    )


_SIGNED = "Record signatures were verified against the given public key(s)."
_UNSIGNED = (
    "**Record signatures were not checked**: run with `--public-key` to verify them "
    "(chain and subjects were checked)."
)


def _md(text: str) -> str:
    """Commit subjects and names are PR text: neutralise Markdown and HTML."""
    out = text.replace("\\", "\\\\")
    for char in "`*_[]()<>#|!~&":
        out = out.replace(char, "\\" + char)
    return out.replace("\n", " ")


def render_markdown(audit: Audit) -> str:
    period = f"{audit.since or 'the beginning'} to {audit.until or 'now'}"
    lines = [f"# gate audit: {_md(audit.branch)}, {period}", ""]
    counts = audit.counts()
    lines.append(
        f"{len(audit.changes)} change(s) merged: "
        + ", ".join(f"{n} {name}" for name, n in counts.items())
    )
    lines += ["", _SIGNED if audit.signatures_checked else _UNSIGNED]
    lines += [
        "",
        "| date | commit | PR | change | result | waivers | notes |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in audit.changes:
        result = c.status.upper() if c.status in (NO_RECORD, TAMPERED) else c.status
        if c.overridden:
            result += f" (merged anyway by {_md(c.merged_by)})"
        number = f"#{c.pull_request}" if c.pull_request else ""
        lines.append(
            f"| {c.date} | `{c.commit[:12]}` | {number} "
            f"| {_md(c.subject)} | {result} | {_md('; '.join(c.waivers))} "
            f"| {_md('; '.join(c.problems))} |"
        )
    lines += ["", "## Control coverage", "", "| framework | control | evidenced | what counts |"]
    lines.append("|---|---|---|---|")
    for k in audit.controls:
        lines.append(
            f"| {k.framework} | {k.control} {k.title} | {k.evidenced} of {k.total} | {k.rule} |"
        )
    if audit.chain_problems:
        lines += ["", "## Record chain", ""] + [f"- {_md(p)}" for p in audit.chain_problems]
    return "\n".join(lines) + "\n"
