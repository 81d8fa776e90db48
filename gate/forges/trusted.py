"""What the privileged poster (`gate post --from`, a `workflow_run` job) may take from a
result file written by the job that ran the PR's code: the findings and the verdict,
never the policy. Labels, reviewers, the routing note and the ``github:`` settings
(which writes to make, which bot login is gate's) are recomputed here from the policy
of the checkout the poster runs in: the base branch, read from its commit, not its work
tree. A forged result can therefore not add `safe-to-test` or `approved` labels nor ask
arbitrary users for reviews; at most it picks another of the base policy's tiers.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from gate.decision.tier_config import TIERS, TOP_TIER, validate_risk, validate_routing
from gate.errors import GitError
from gate.policy.config import Config
from gate.report import Report

__all__ = ["base_policy", "recompute_for_posting"]


def base_policy(start: Path, explicit: Path | None = None) -> tuple[Config, str]:
    """The policy at the poster's checked-out commit (HEAD's tree, not the work tree);
    built-in defaults outside a repository."""
    from gate.change.git import repo_root
    from gate.policy.source import load_policy

    try:
        root = repo_root(start)
    except GitError:
        return Config(source="defaults"), "built-in defaults (no repository checked out)"
    policy = load_policy(root, base_sha="HEAD", in_ci=True, explicit=explicit)
    policy.cleanup()
    return policy.config, policy.description


def recompute_for_posting(report: Report, config: Config) -> tuple[Report, dict[str, Any]]:
    """`report` with its routing taken from `config`, and the `github:` settings to post with."""
    settings = validate_risk(config.raw.get("risk"), config.source)
    routing = validate_routing(config.raw.get("routing"), config.source, settings)
    tier = report.risk.tier if report.risk.tier in TIERS else TOP_TIER
    route = routing[f"tier-{tier}"]
    risk = replace(
        report.risk,
        tier=tier,
        name=str(settings["names"][tier]),
        reviewers=tuple(route["reviewers"]),
        labels=tuple(route["labels"]),
        blocking=bool(route["blocking"]),
    )
    github = dict(config["github"])
    return replace(report, risk=risk, config={**report.config, "github": github}), github
