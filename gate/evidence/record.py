"""Report -> in-toto Statement v1 with gate's predicate: what the gate decided, and why.

The subject is the head commit (``digest.gitCommit``) and the result files the run wrote
(``digest.sha256`` of the JSON and SARIF bytes), so `gate evidence verify` can tell an
edited result from the one the gate produced. The predicate records base and head,
pull request, CI run, actor and time, gate/scanner/pack versions and digests, the
effective policy's digest and where it came from, every finding's fingerprint and
status, the waivers that applied and who approved them, verdict, tier and required
reviewers, and the chain link: the digest of the previous record on the same branch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gate.evidence.dsse import canonical, sha256
from gate.report import Report

STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
PREDICATE_TYPE = "https://prereview-gate.dev/attestation/run/v1"


@dataclass(frozen=True, slots=True, kw_only=True)
class RunContext:
    """Facts about the run that the Report does not hold (read from the CI by commands)."""

    timestamp: str  # ISO 8601 UTC
    branch: str = ""  # the branch the change goes to (PR base) or was pushed to
    run_id: str = ""
    run_url: str = ""
    actor: str = ""
    event: str = ""
    pr_author: str = ""
    head_tree: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ChainLink:
    sequence: int = 1
    previous: str = ""  # sha256 of the previous record's canonical envelope ("" = first)
    previous_head: str = ""


def record_digest(envelope: Mapping[str, Any]) -> str:
    return sha256(canonical(envelope))


def build_statement(
    report: Report,
    run: RunContext,
    *,
    artifacts: Mapping[str, bytes],
    link: ChainLink,
) -> dict[str, Any]:
    subject: list[dict[str, Any]] = []
    if report.change.head_sha:
        subject.append(
            {
                "name": f"git+commit:{report.repository or 'repository'}",
                "digest": {"gitCommit": report.change.head_sha},
            }
        )
    for name, data in sorted(artifacts.items()):
        subject.append({"name": name, "digest": {"sha256": sha256(data)}})
    return {
        "_type": STATEMENT_TYPE,
        "subject": subject,
        "predicateType": PREDICATE_TYPE,
        "predicate": predicate(report, run, link),
    }


def predicate(report: Report, run: RunContext, link: ChainLink) -> dict[str, Any]:
    findings = report.findings
    by_status = Counter(f.status.value for f in findings)
    return {
        "change": {
            "repository": report.repository,
            "pullRequest": report.pull_request,
            "branch": run.branch,
            "baseRef": report.change.base_ref,
            "baseCommit": report.change.base_sha,
            "headCommit": report.change.head_sha,
            "headTree": run.head_tree,
            "prAuthor": run.pr_author,
            "filesChanged": report.change.files_changed,
        },
        "run": {
            "id": run.run_id,
            "url": run.run_url,
            "actor": run.actor,
            "event": run.event,
            "timestamp": run.timestamp,
        },
        "gate": {
            "version": report.gate_version,
            "scanners": [
                {"name": s.name, "version": s.version, "status": s.status} for s in report.scanners
            ],
            "packs": [{"id": p.id, "version": p.version, "digest": p.digest} for p in report.packs],
        },
        "policy": {
            "source": report.config_source,
            "digest": sha256(canonical(dict(report.config))),
            "failOn": report.fail_on,
            "filterMode": report.filter_mode,
        },
        "findings": {
            "byStatus": dict(sorted(by_status.items())),
            "activeBySeverity": report.severity_counts(),
            "items": [
                {
                    "fingerprint": f.fingerprint,
                    "rule": f.rule_id,
                    "severity": f.severity.value,
                    "path": f.path,
                    "line": f.start_line,
                    "status": f.status.value,
                }
                for f in findings
            ],
        },
        "waivers": [
            {
                "id": w.id,
                "status": w.status,
                "source": w.source,
                "approvedBy": list(w.approved_by),
                "fingerprints": list(w.fingerprints),
                "expires": w.expires,
                "reference": w.reference,
            }
            for w in report.waivers
            if w.status in ("applied", "pending", "expired", "invalid")
        ],
        "verdict": report.verdict.value,
        "verdictReason": report.verdict_reason,
        "tier": report.risk.tier,
        "tierName": report.risk.name,
        "reviewersRequired": list(report.risk.reviewers),
        "chain": {
            "branch": run.branch,
            "sequence": link.sequence,
            "previous": link.previous,
            "previousHead": link.previous_head,
        },
    }
