"""Text for `gate policies list` and `gate explain`: read-only views of the packs."""

from __future__ import annotations

from pathlib import Path

from gate.decision.confidence import precision_line
from gate.errors import UsageError
from gate.policy.config import SCHEMA, load_config
from gate.policy.packs import BUILTIN_PACKS, load_catalog
from gate.policy.rules import RuleInfo
from gate.policy.yamlio import did_you_mean


def list_policies(cwd: Path, config_path: Path | None = None) -> str:
    try:
        from gate.change.git import repo_root

        root = repo_root(cwd)
        specs = load_config(root, config_path).packs
    except Exception:  # noqa: BLE001 - outside a repo: show the built-in packs
        root, specs = cwd, BUILTIN_PACKS
    catalog = load_catalog(specs, base_dir=root)
    lines: list[str] = []
    for pack in catalog.packs:
        rules = [catalog.rules[r] for r in pack.rule_ids]
        framework = f" [{pack.framework} {pack.framework_version}]" if pack.framework else ""
        lines.append(f"{pack.id} {pack.version}{framework}: {pack.title}")
        lines.append(f"  {len(rules)} rules; languages: {', '.join(pack.languages) or '-'}")
        if pack.controls:
            lines.append(f"  controls: {', '.join(c for c, _ in pack.controls)}")
        for rule in sorted(rules, key=lambda r: r.id):
            lines.append(
                f"    {rule.id:<40} {rule.severity.value:<8} {rule.engine:<10} "
                f"{','.join(rule.languages)}{_precision_note(rule)}"
            )
    return "\n".join(lines) + "\n"


def _precision_note(rule: RuleInfo) -> str:
    """`  precision 40% (warns only)` for a measured rule; nothing for an unmeasured one."""
    if rule.precision is None:
        return ""
    floor = float(SCHEMA.fields["min_precision_to_fail"].default)
    return f"  precision {rule.precision:.0%}" + (" (warns only)" if rule.precision < floor else "")


def explain_rule(rule_id: str) -> str:
    catalog = load_catalog(BUILTIN_PACKS)
    rule = catalog.rule(rule_id)
    if rule is None:
        hint = did_you_mean(rule_id, catalog.rules)
        raise UsageError(f"no rule '{rule_id}' in the built-in packs{hint}")
    controls = ", ".join(rule.controls) or ", ".join(catalog.controls_for_cwe(rule.cwe)) or "-"
    parts = [
        f"{rule.id}: {rule.title}",
        f"pack: {rule.pack}   engine: {rule.engine}   languages: {', '.join(rule.languages)}",
        f"severity: {rule.severity.value}   confidence: {rule.confidence.value}",
        f"CWE: {', '.join(rule.cwe) or '-'}   OWASP: {', '.join(rule.owasp) or '-'}",
        f"controls: {controls}",
        precision_line(rule, float(SCHEMA.fields["min_precision_to_fail"].default)),
        "",
        "Why:",
        f"  {rule.message}",
        "",
        "Fix:",
        f"  {rule.remediation}",
    ]
    if rule.references:
        parts += ["", "References:", *(f"  {r}" for r in rule.references)]
    return "\n".join(parts) + "\n"
