"""Which waivers count, and what they do to the findings: nobody can grant themselves one.

In CI (`in_ci`), a waiver counts only when

- it is in the waivers file of the BASE commit, unchanged (it went through review), or
- this PR adds or changes it AND the PR has an approving review on its current head
  commit by a configured approver (`waivers.approvers` in the base `.gate.yml`) who is
  neither the PR's author nor the waiver's author, and who is named in its
  `approved_by`. Until then the finding still counts and the report says
  "waiver W-1 pending approval by ...", and a changed waiver keeps its base version.

Every waiver the PR adds, changes or removes is also a policy change (a drift sentence
that makes the change top tier). Locally the working-tree file applies, with a note that
CI checks the approval.

Lifecycle, per finding: a waiver past its expiry (or with a missing or malformed date:
fail closed) re-surfaces its finding, marked "waiver W-1 expired on DATE"; one that lasts
longer than `waivers.max_days` for the finding's severity (measured from the earlier of
`created` and today, so a back- or forward-dated `created` gains nothing) does not apply;
one expiring within `warn_days` is listed as a warning; one that matches no finding in a
file this change scanned, or whose files are gone, is reported stale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gate.change.git import git
from gate.errors import ConfigError, GateError
from gate.findings import Finding, Status
from gate.globs import matches_any
from gate.policy.approval import Reviews, ReviewSource, approved_by_review
from gate.policy.waivers import Waiver, WaiverFile, read_at_commit, read_worktree, waivers_path
from gate.report import WaiverUse

_BASE, _APPROVED, _LOCAL = "base branch", "approved on the PR", "working tree (local run)"


@dataclass(slots=True, kw_only=True)
class Waivers:
    """The waivers that count for this run (`trusted`) and those that wait (`pending`)."""

    settings: Mapping[str, Any]
    today: dt.date
    source: str
    trusted: list[tuple[Waiver, str, tuple[str, ...]]] = field(default_factory=list)
    pending: list[tuple[Waiver, str]] = field(default_factory=list)
    drift: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    changed_paths: frozenset[str] = frozenset()
    tracked: frozenset[str] = frozenset()

    def apply(
        self, findings: tuple[Finding, ...]
    ) -> tuple[tuple[Finding, ...], tuple[WaiverUse, ...], tuple[str, ...]]:
        return apply_waivers(self, findings)


def prepare_waivers(
    root: Path,
    config_raw: Mapping[str, Any],
    *,
    base_sha: str,
    in_ci: bool,
    changed_paths: Iterable[str] = (),
    reviews: ReviewSource | None = None,
    today: dt.date | None = None,
) -> Waivers:
    state = _prepare(root, config_raw, base_sha, in_ci, changed_paths, reviews, today)
    if state.trusted or state.pending:  # the tracked files tell a stale waiver; none: no git
        state.tracked = frozenset(_tracked(root))
    return state


def _prepare(
    root: Path,
    config_raw: Mapping[str, Any],
    base_sha: str,
    in_ci: bool,
    changed_paths: Iterable[str],
    reviews: ReviewSource | None,
    today: dt.date | None,
) -> Waivers:
    settings = dict(config_raw.get("waivers") or {})
    relative = waivers_path(config_raw)
    minimum = int(settings.get("min_reason", 10))
    state = Waivers(
        settings=settings,
        today=today or dt.datetime.now(dt.timezone.utc).date(),
        source=relative,
        changed_paths=frozenset(changed_paths),
    )
    if not in_ci:
        local = read_worktree(root, relative, min_reason=minimum)
        state.trusted = [(w, _LOCAL, w.approved_by) for w in local.waivers]
        if local.waivers:
            state.notes.append(
                f"waivers: {len(local.waivers)} from the working tree {relative} apply to this "
                "local run; in CI only waivers on the base branch, or approved in the PR's "
                "review by a configured approver, count"
            )
        return state
    base = read_at_commit(root, base_sha, relative, min_reason=minimum)
    state.source = base.source
    try:
        head: WaiverFile | None = read_worktree(root, relative, min_reason=minimum)
    except ConfigError as exc:
        head = None
        state.drift.append(f"the PR's waivers file does not load ({exc}); base waivers apply")
    if head is None:
        state.trusted = [(w, _BASE, w.approved_by) for w in base.waivers]
        return state
    _judge(state, base, head, reviews)
    return state


def _judge(
    state: Waivers, base: WaiverFile, head: WaiverFile, reviews: ReviewSource | None
) -> None:
    before = base.by_id()
    after = head.by_id()
    fetched: list[Reviews] = []

    def current() -> Reviews:
        if not fetched:
            try:
                fetched.append(reviews() if reviews else Reviews(error="no forge API in this run"))
            except GateError as exc:
                fetched.append(Reviews(error=str(exc)))
        return fetched[0]

    for waiver in head.waivers:
        old = before.get(waiver.id)
        if old is not None and old.terms() == waiver.terms():
            state.trusted.append((waiver, _BASE, waiver.approved_by))
            continue
        state.drift.append(_change_sentence(old, waiver, state.source))
        approvers, why = approved_by_review(waiver, current(), state.settings)
        if approvers:
            state.trusted.append((waiver, _APPROVED, approvers))
            continue
        state.pending.append((waiver, why))
        if old is not None:
            state.trusted.append((old, _BASE, old.approved_by))  # reviewed version still holds
    for waiver_id in before:
        if waiver_id not in after:
            state.drift.append(f"waivers: removes waiver '{waiver_id}'")


def _change_sentence(old: Waiver | None, new: Waiver, source: str) -> str:
    scope = (
        f"fingerprint {new.fingerprint}"
        if new.fingerprint
        else (f"rule {new.rule} on {', '.join(new.paths)}")
    )
    if old is None:
        return f"waivers: adds waiver '{new.id}' ({scope}, expires {new.expires or '?'})"
    changes = [k for k, v in new.terms().items() if old.terms().get(k) != v]
    detail = ", ".join(changes)
    if "expires" in changes:
        detail += f"; expiry moved from {old.expires or '?'} to {new.expires or '?'}"
    return f"waivers: changes waiver '{new.id}' ({detail}; judged with {source})"


# --- lifecycle --------------------------------------------------------------------------


def _state(waiver: Waiver, finding: Finding | None, state: Waivers) -> tuple[str, str]:
    """("ok" | "expired" | "invalid", why) for `waiver` judged against `finding`."""
    expires, created = waiver.expiry_date(), waiver.created_date()
    if expires is None:
        return (
            "expired",
            f"waiver {waiver.id} has no valid expiry date ({waiver.expires!r}): expired",
        )
    if created is None:
        return (
            "expired",
            f"waiver {waiver.id} has no valid created date ({waiver.created!r}): expired",
        )
    if expires < state.today:
        return "expired", f"waiver {waiver.id} expired on {expires.isoformat()}"
    if created > state.today:
        return "invalid", f"waiver {waiver.id} is created in the future ({created.isoformat()})"
    if finding is not None:
        limit = int(dict(state.settings.get("max_days") or {}).get(finding.severity.value, 365))
        days = (expires - min(created, state.today)).days
        if days > limit:
            return "invalid", (
                f"waiver {waiver.id} lasts {days} days, more than the {limit} allowed for "
                f"{finding.severity.value} findings (waivers.max_days)"
            )
    return "ok", ""


def apply_waivers(
    state: Waivers, findings: tuple[Finding, ...]
) -> tuple[tuple[Finding, ...], tuple[WaiverUse, ...], tuple[str, ...]]:
    uses: dict[str, dict[str, Any]] = {}
    result: list[Finding] = []
    for finding in findings:
        if finding.is_active:
            finding = _waive(finding, state, uses)
        result.append(finding)
    notes: list[str] = []
    warn_days = int(state.settings.get("warn_days", 14))
    for waiver, source, approvers in state.trusted:
        use = uses.setdefault(waiver.id, _use(waiver, source, approvers))
        if not use["status"]:
            status, why = _state(waiver, None, state)
            use["status"], use["detail"] = ("unused", "") if status == "ok" else (status, why)
            if status == "ok" and _stale(waiver, state):
                use["status"], use["detail"] = "stale", _stale(waiver, state)
        expires = waiver.expiry_date()
        if use["status"] in ("applied", "unused", "stale") and expires is not None:
            left = (expires - state.today).days
            if 0 <= left <= warn_days:
                use["warning"] = f"expires on {expires.isoformat()} (in {left} days)"
    for waiver, why in state.pending:
        _pending_use(waiver, why, state, uses)
    for use in uses.values():
        line = f"waiver {use['id']}: {use['status']}"
        if use["detail"]:
            line += f" - {use['detail']}"
        if use["status"] in ("pending", "expired", "invalid", "stale"):
            notes.append(line)
        if use["warning"]:
            notes.append(f"waiver {use['id']} {use['warning']}: renew it or fix the finding")
    register = tuple(
        WaiverUse(**{**u, "fingerprints": tuple(u["fingerprints"])})
        for u in sorted(uses.values(), key=lambda u: str(u["id"]))
    )
    return tuple(result), register, tuple(state.notes) + tuple(notes)


def _use(waiver: Waiver, source: str, approvers: tuple[str, ...]) -> dict[str, Any]:
    return {
        "id": waiver.id,
        "status": "",
        "source": source,
        "approved_by": tuple(approvers),
        "fingerprints": (),
        "rule": waiver.rule,
        "expires": waiver.expires,
        "owner": waiver.owner,
        "reference": waiver.reference,
        "reason": waiver.reason,
        "detail": "",
        "warning": "",
    }


def _waive(finding: Finding, state: Waivers, uses: dict[str, dict[str, Any]]) -> Finding:
    surfaced: list[str] = []
    for waiver, source, approvers in state.trusted:
        if not waiver.matches(finding):
            continue
        use = uses.setdefault(waiver.id, _use(waiver, source, approvers))
        use["fingerprints"] = (*use["fingerprints"], finding.fingerprint)
        status, why = _state(waiver, finding, state)
        if status == "ok":
            use["status"], use["detail"] = "applied", ""
            who = ", ".join(approvers) or "nobody"
            return finding.mark(
                Status.WAIVED,
                f"waiver {waiver.id}: {waiver.reason} (owner {waiver.owner}, "
                f"{waiver.reference}, approved by {who}, expires {waiver.expires})",
            )
        if use["status"] != "applied":
            use["status"], use["detail"] = status, why
        surfaced.append(why)
    for waiver, why in state.pending:
        if waiver.matches(finding):
            use = _pending_use(waiver, why, state, uses)
            use["fingerprints"] = (*use["fingerprints"], finding.fingerprint)
            surfaced.append(f"waiver {waiver.id} {why}")
    if surfaced:
        return replace(finding, status_reason="; ".join(surfaced))
    return finding


def _pending_use(
    waiver: Waiver, why: str, state: Waivers, uses: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """The register line of a waiver this PR proposes (beside its base version, if any)."""
    replaces = any(w.id == waiver.id for w, _, _ in state.trusted)
    key = f"{waiver.id} (proposed)" if replaces else waiver.id
    use = uses.setdefault(key, {**_use(waiver, "this PR", ()), "id": key})
    use["status"], use["detail"] = "pending", why
    return use


def _stale(waiver: Waiver, state: Waivers) -> str:
    """Why an unmatched waiver is stale: its files are gone or were scanned clean."""
    if waiver.fingerprint and not waiver.paths:
        return ""
    if state.tracked and not any(matches_any(p, waiver.paths) for p in state.tracked):
        return "stale: no file matches its paths any more (the code is gone); remove it"
    scanned = [p for p in state.changed_paths if matches_any(p, waiver.paths)]
    if scanned:
        return f"stale: matches no finding in {', '.join(sorted(scanned))}, scanned by this run"
    return ""


def _tracked(root: Path) -> list[str]:
    result = git(root, "ls-files", "-z", check=False)
    if result.returncode != 0:
        return []
    return [p for p in result.stdout.decode("utf-8", "replace").split("\x00") if p]
