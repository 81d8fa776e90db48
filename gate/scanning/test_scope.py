"""Rules the test profile turns off never reach the engine for test files.

`gate.policy.filters` already marks such findings excluded, but the engine would still
spend its time on them: a heavy taint rule on a 10,000-line integration test can hit the
per-file timeout, and that timeout is a coverage gap (an `error` verdict in CI) for
findings nobody would see. `scope_to_profile` adds the test profile's paths to the
``paths.exclude`` of every semgrep rule the profile disables, so the engine (direct or
CLI) and gate's own pairing (`gate.scanning.rule_paths`) leave those files out for those
rules only. Every other rule still runs on test files, so a timeout there is still
reported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from gate.policy.packs import Catalog

__all__ = ["scope_to_profile"]


def scope_to_profile(catalog: Catalog, raw: Mapping[str, Any]) -> Catalog:
    tests = raw.get("tests")
    if not isinstance(tests, Mapping):
        return catalog
    paths: Sequence[str] = tuple(str(p) for p in tests.get("paths") or ())
    disabled = {str(r) for r in tests.get("disable_rules") or ()}
    if not paths or not disabled or not catalog.semgrep_rules:
        return catalog
    rules = []
    changed = False
    for body in catalog.semgrep_rules:
        if _rule_id(body) in disabled:
            body = _excluding(body, paths)
            changed = True
        rules.append(body)
    if not changed:
        return catalog
    material = catalog.digest + "\ntests:" + "\n".join((*paths, "--", *sorted(disabled)))
    digest = hashlib.sha256(material.encode()).hexdigest()
    return replace(catalog, semgrep_rules=tuple(rules), digest=digest)


def _rule_id(body: Mapping[str, Any]) -> str:
    return str((body.get("metadata") or {}).get("gate", {}).get("rule_id", body.get("id")))


def _excluding(body: Mapping[str, Any], paths: Sequence[str]) -> dict[str, Any]:
    scope = dict(body.get("paths") or {})
    exclude = scope.get("exclude") or []
    existing = [exclude] if isinstance(exclude, str) else list(exclude)
    scope["exclude"] = existing + [p for p in paths if p not in existing]
    return {**body, "paths": scope}
