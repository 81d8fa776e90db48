"""Which rules are new or changed since the base's policy (a pack added or upgraded).

A rule is *newly enabled* when the run's catalog has it and the catalog of the base's
policy (its `.gate.yml` packs, plus any `--pack` of this run, local packs as committed in
the base) either lacks it or defines it differently: another message, severity, CWE,
controls or semgrep pattern. In CI the policy is read from the base commit already, so
no rule is newly enabled there; locally a PR that edits `.gate.yml` or a local pack is
judged with the new rules, and this says which ones they are.

Limit: the built-in packs ship with gate, so upgrading gate itself is not seen here (the
base's policy is loaded with the installed gate).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from gate.errors import GateError
from gate.policy.packs import BUILTIN_PACKS, Catalog, load_catalog
from gate.policy.source import load_policy

NewRules = Callable[[], tuple[frozenset[str], str]]  # () -> (rule ids, note when unknown)


def rule_digests(catalog: Catalog) -> dict[str, str]:
    """Rule id -> digest of everything that defines it."""
    bodies: dict[str, list[object]] = {}
    for body in catalog.semgrep_rules:
        bodies.setdefault(str(body.get("id", "")), []).append(body)
    result: dict[str, str] = {}
    for rule_id, info in catalog.rules.items():
        material = {
            "info": {
                f.name: getattr(info, f.name) for f in dataclasses.fields(info) if f.name != "pack"
            },
            "semgrep": bodies.get(rule_id, []),
        }
        blob = json.dumps(material, sort_keys=True, default=str).encode()
        result[rule_id] = hashlib.sha256(blob).hexdigest()
    return result


def newly_enabled(head: Catalog, base: Catalog) -> frozenset[str]:
    before = rule_digests(base)
    return frozenset(r for r, d in rule_digests(head).items() if before.get(r) != d)


def base_rules_loader(
    *,
    head: Catalog,
    head_packs: tuple[str, ...],
    repo_root: Path,
    base_sha: str,
    policy_from_base: bool,
    config_path: Path | None,
    extra_packs: tuple[str, ...],
) -> NewRules:
    """A function computing the newly enabled rules on demand (only when needed)."""

    def load() -> tuple[frozenset[str], str]:
        if policy_from_base or not base_sha:
            return frozenset(), ""  # judged by the base's policy: nothing new
        try:
            policy = load_policy(repo_root, base_sha=base_sha, in_ci=True, explicit=config_path)
        except GateError as exc:
            return frozenset(), f"the base's policy does not load ({exc}): rules not compared"
        try:
            packs = tuple(dict.fromkeys(policy.config.packs + extra_packs))
            if packs == head_packs and all(p in BUILTIN_PACKS for p in packs):
                return frozenset(), ""  # the same built-in packs: the same rules
            base = load_catalog(packs, base_dir=policy.pack_dir)
        except GateError as exc:
            return frozenset(), f"the base's rule packs do not load ({exc}): rules not compared"
        finally:
            policy.cleanup()
        return newly_enabled(head, base), ""

    return load
