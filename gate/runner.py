"""One call from options to Report: what `gate run` (and the hooks and the Action) do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gate.config import Config, load_config
from gate.diff import Change, cleanup, resolve_change
from gate.findings import Finding
from gate.packs import load_catalog
from gate.pipeline import Progress, build_report, enabled_scanners, plan_scan, run_scanners
from gate.report import Report, Risk


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


def run_gate(options: RunOptions, progress: Progress | None = None) -> Report:
    change = resolve_change(
        options.cwd,
        base=options.base,
        staged=options.staged,
        files=options.files,
        all_files=options.all_files,
    )
    try:
        config, pack_base, notes = _policy(change, options)
        config = config.with_overrides(**options.overrides)
        catalog = load_catalog(config.packs, base_dir=pack_base)
        scanners = enabled_scanners(config)
        plan = plan_scan(change, config, catalog, scanners)
        outcomes = run_scanners(plan, scanners, change, config, catalog, progress)
        return build_report(
            change=change,
            config=config,
            catalog=catalog,
            scanners=scanners,
            plan=plan,
            outcomes=outcomes,
            risk_fn=_risk_function(),
            notes=notes,
        )
    finally:
        cleanup(change)


def _policy(change: Change, options: RunOptions) -> tuple[Config, Path, tuple[str, ...]]:
    """Which configuration judges this change, and where its local packs live."""
    try:
        from gate.policy_source import load_policy
    except ImportError:
        load_policy = None  # type: ignore[assignment]
    if load_policy is not None and options.policy_from_base and change.base_sha:
        source = load_policy(
            change.repo_root,
            base_sha=change.base_sha,
            in_ci=True,
            explicit=options.config_path,
        )
        return source.config, source.pack_base, tuple(source.notes)
    config = load_config(change.repo_root, options.config_path)
    note = (
        f"policy: {config.source} from the working tree (local run; in CI the base "
        "commit's policy is used)"
        if config.source != "defaults"
        else "policy: built-in defaults (no .gate.yml found)"
    )
    return config, change.repo_root, (note,)


def _risk_function() -> object:
    try:
        from gate.tier import assess_risk
    except ImportError:
        return None

    def risk(change: Change, findings: tuple[Finding, ...], config: Config) -> Risk:
        return assess_risk(change, findings, config)

    return risk
