"""Severity from measured confidence: a rule that is often wrong cannot fail a PR.

Each rule may record the precision measured for it on gate's real-commit benchmark
(`precision: 0.62` and `measured_on: ...` in its metadata). Below
``min_precision_to_fail`` (default 0.8) its findings still show at their severity, but
they warn instead of failing the PR until the rule is fixed and measured again.
A rule without a measurement is judged by its severity alone.
"""

from __future__ import annotations

from gate.policy.rules import RuleInfo


def below_precision(rule: RuleInfo | None, minimum: float) -> bool:
    """True when the rule's measured precision is under `minimum` (so it cannot fail)."""
    return rule is not None and rule.precision is not None and rule.precision < minimum


def precision_line(rule: RuleInfo, minimum: float) -> str:
    """One sentence for `gate explain`: the measurement and what it means for the verdict."""
    if rule.precision is None:
        return "measured precision: not measured yet (its severity alone decides)"
    where = f" on {rule.measured_on}" if rule.measured_on else ""
    text = f"measured precision: {rule.precision:.0%}{where}"
    if rule.precision < minimum:
        text += (
            f"; under {minimum:.0%}, so by default it warns and cannot fail a PR "
            "(min_precision_to_fail in .gate.yml)"
        )
    return text
