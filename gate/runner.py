"""One call from options to Report: what `gate run` (and the hooks and the Action) do."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from gate.change.diff import cleanup, resolve_change
from gate.change.model import Change
from gate.decision.assemble import build_report
from gate.decision.baseline import baseline_stage
from gate.decision.routing import route
from gate.decision.tier import assess_risk
from gate.findings import Finding
from gate.policy.approval import ReviewSource
from gate.policy.config import Config
from gate.policy.packs import load_catalog
from gate.policy.source import load_policy
from gate.policy.waiving import prepare_waivers
from gate.report import Report, Risk
from gate.scanning.plan import Plan, Progress, enabled_scanners, plan_scan, run_scanners
from gate.scanning.slices import SLICED_SCANNERS, scan_view


@dataclass(frozen=True, slots=True, kw_only=True)
class RunOptions:
    cwd: Path
    base: str | None = None
    staged: bool = False
    files: Sequence[str] = ()
    all_files: bool = False
    config_path: Path | None = None
    overrides: dict[str, object] = field(default_factory=dict)  # flag name -> value
    policy_from_base: bool = False  # CI: read .gate.yml and local packs from the base commit
    shard: tuple[int, int] | None = None  # (K, N): scan only the K-th of N slices
    extra_packs: tuple[str, ...] = ()  # added to the configured packs (only ever stricter)
    reviews: ReviewSource | None = None  # CI: the PR's author and approvals (waivers)
    today: datetime.date | None = None  # waiver expiry is judged on this day (default: UTC)

    head: str | None = None  # judge this commit (read from git) instead of HEAD; needs base
    in_ci: bool = False  # CI: a coverage gap fails closed (on_coverage_gap), locally it warns


def run_gate(options: RunOptions, progress: Progress | None = None) -> Report:
    """Resolve the change, pick the policy that judges it, scan, decide."""
    change = resolve_change(
        options.cwd,
        base=options.base,
        staged=options.staged,
        files=options.files,
        all_files=options.all_files,
        head=options.head,
    )
    shard_note: tuple[str, ...] = ()
    if options.shard is not None:
        change, shard_note = _take_shard(change, *options.shard)
    policy = None
    try:
        policy = load_policy(
            change.repo_root,
            base_sha=change.base_sha or None,
            in_ci=options.policy_from_base,
            explicit=options.config_path,
            extra_packs=tuple(options.extra_packs),
        )
        config = policy.config.with_overrides(**options.overrides)
        if options.extra_packs:
            packs = tuple(dict.fromkeys(config.packs + tuple(options.extra_packs)))
            config = config.with_overrides(packs=list(packs))
        catalog = load_catalog(config.packs, base_dir=policy.pack_dir)
        waivers = prepare_waivers(
            change.repo_root,
            config.raw,
            base_sha=change.base_sha,
            in_ci=options.policy_from_base,
            changed_paths=[f.path for f in change.files],
            reviews=options.reviews,
            today=options.today,
        )
        scanners = enabled_scanners(config)
        plan = plan_scan(change, config, catalog, scanners)
        view = scan_view(change, config.filter_mode, plan.languages, _targeted(plan))
        try:
            roots = view.roots() if view else None
            outcomes = run_scanners(plan, scanners, change, config, catalog, progress, roots)
        finally:
            if view is not None:
                view.cleanup()
        drift = policy.drift + tuple(waivers.drift)

        def risk(change: Change, findings: tuple[Finding, ...], config: Config) -> Risk:
            return route(
                assess_risk(change, findings, config, config_drift=drift), change, findings, config
            )

        notes = (
            (f"policy: {policy.description}",)
            + shard_note
            + tuple(f"policy change in this diff: {d}" for d in drift)
            + (view.notes if view else ())
        )
        return build_report(
            change=change,
            config=config,
            catalog=catalog,
            scanners=scanners,
            plan=plan,
            outcomes=outcomes,
            risk_fn=risk,
            notes=notes,
            waive=waivers.apply,
            baseline=baseline_stage(
                change=change,
                config=config,
                catalog=catalog,
                scanners=scanners,
                policy_from_base=options.policy_from_base,
                config_path=options.config_path,
                extra_packs=tuple(options.extra_packs),
            ),
            in_ci=options.in_ci,
        )
    finally:
        if policy is not None:
            policy.cleanup()
        cleanup(change)


def _targeted(plan: Plan) -> list[str]:
    return [t.path for name in SLICED_SCANNERS for t in plan.targets.get(name, ())]


def _take_shard(change: Change, index: int, total: int) -> tuple[Change, tuple[str, ...]]:
    """Deterministic slice: every K-th file of the path-sorted list, so shards balance."""
    ordered = sorted(change.files, key=lambda f: f.path)
    mine = tuple(f for position, f in enumerate(ordered) if position % total == index - 1)
    note = f"shard {index}/{total}: {len(mine)} of {len(ordered)} changed file(s)"
    return replace(change, files=mine), (note,)
