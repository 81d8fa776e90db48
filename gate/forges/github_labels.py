"""The PR's tier label stays current: `gate:tier-N-...` labels of other tiers are removed
(``GET``/``DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels[/{name}]``) and the
tier's labels added, so a PR that went from tier 3 to tier 1 carries only tier 1's, and
`gate sla` never treats it by the highest tier it ever had. Labels people added and the
SLA's escalation label are left alone."""

from __future__ import annotations

import re
from urllib.parse import quote

from gate.forges.github_client import GitHubClient
from gate.forges.rest import ApiError

__all__ = ["TIER_LABEL", "replace_tier_labels"]

TIER_LABEL = re.compile(r"gate:tier-[0-3]\b")


def replace_tier_labels(
    client: GitHubClient, repo: str, number: int, wanted: tuple[str, ...]
) -> str:
    """Make the PR's gate tier labels exactly `wanted`; returns what was done."""
    labels = sorted(set(wanted))
    path = f"{repo}/issues/{number}/labels"
    current = [
        str(item.get("name") or "")
        for item in client.paginate(path, {"per_page": 100})
        if isinstance(item, dict)
    ]
    stale = [name for name in current if TIER_LABEL.match(name) and name not in labels]
    for name in stale:
        try:
            client.request("DELETE", f"{path}/{quote(name, safe=':')}")
        except ApiError as exc:
            if exc.status != 404:  # already gone: fine
                raise
    missing = [name for name in labels if name not in current]
    if missing:
        client.request("POST", path, json={"labels": missing})
    done = f"labels {', '.join(labels)}"
    return done + (f" (removed {', '.join(stale)})" if stale else "")
