"""Analysis completeness: which changed files a scanner did not really analyse, and why.

A file counts as analysed only when every scanner that applies to it finished it: a
per-file engine timeout, a parse error (syntax newer than the interpreter, an unknown
encoding), a file over `max_file_bytes` or one that cannot be read is a *gap*, listed
per scanner with the reason. A gap is part of the verdict: in CI it fails closed
(`error`, exit 3) unless `.gate.yml` sets that reason to `warn` under `on_coverage_gap`;
in a local run it warns. A code file in a language no enabled scanner has real rules for
is listed as "not analysed (no rules for Ruby)"; that is information, not a gap.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from gate.policy.config import Config
from gate.policy.packs import Catalog
from gate.report import Verdict
from gate.scanning.base import ScanOutcome
from gate.scanning.languages import CODE_LANGUAGES, language_name
from gate.scanning.plan import Plan

GAP_KINDS = ("timeout", "parse_error", "too_large", "unreadable", "not_scanned")
NO_RULES = "no_rules"
SCANNER_FAILED = "scanner_failed"  # the whole scanner failed: on_scanner_error decides
_TIMEOUT_WORDS = ("timeout", "timed out", "stopped after")
_SIZE_WORDS = ("too large", "byte limit", "max_file_bytes", "over the")
_READ_WORDS = ("cannot be read", "not present", "resolves outside", "unreadable")
_NOT_SCANNED_WORDS = ("no result for this file", "did not scan")


@dataclass(frozen=True, slots=True, kw_only=True)
class Gap:
    path: str
    scanner: str  # "" when no scanner could look at the file at all
    reason: str  # one line, without the scanner's name
    kind: str  # one of GAP_KINDS, or NO_RULES (information only)


def gap_kind(reason: str) -> str:
    text = reason.lower()
    if text.startswith("no rules for") or "no rule language matches" in text:
        return NO_RULES
    if "no rule applies to this file" in text:  # the rules' languages or paths skip it
        return NO_RULES
    for kind, words in (
        ("timeout", _TIMEOUT_WORDS),
        ("too_large", _SIZE_WORDS),
        ("unreadable", _READ_WORDS),
        ("not_scanned", _NOT_SCANNED_WORDS),
    ):
        if any(word in text for word in words):
            return kind
    return "parse_error"


def gap(path: str, scanner: str, reason: str) -> Gap:
    prefix = f"{scanner}: "
    text = reason[len(prefix) :] if scanner and reason.startswith(prefix) else reason
    return Gap(path=path, scanner=scanner, reason=text.strip(), kind=gap_kind(text))


def describe(gaps: Iterable[Gap]) -> str:
    """The coverage table's sentence for one file: "not analysed by semgrep (Timeout)"."""
    parts = []
    for item in gaps:
        if item.kind == NO_RULES:
            parts.append(f"not analysed ({item.reason})")
        elif item.scanner:
            parts.append(f"not analysed by {item.scanner} ({item.reason})")
        else:
            parts.append(f"not analysed ({item.reason})")
    return "; ".join(dict.fromkeys(parts))


def coverage_text(gaps: tuple[Gap, ...], analysed: bool) -> str:
    """The coverage table's reason for a file the plan did not skip ("" when analysed)."""
    if analysed or any(g.kind != SCANNER_FAILED for g in gaps):
        return describe(gaps)
    return "every scanner for it failed"


def gap_level(item: Gap, config: Config, in_ci: bool) -> str:
    """ "error", "warn" or "" (information) for one gap."""
    if item.kind in (NO_RULES, SCANNER_FAILED):
        return ""
    if not in_ci:
        return "warn"
    levels: Mapping[str, str] = config.raw.get("on_coverage_gap") or {}
    return str(levels.get(item.kind, "error"))


def completeness_verdict(
    verdict: Verdict, reason: str, gaps: Iterable[Gap], config: Config, in_ci: bool
) -> tuple[Verdict, str]:
    """The verdict with the coverage gaps taken into account: never a pass over a gap."""
    if verdict in (Verdict.FAIL, Verdict.ERROR):
        return verdict, reason
    graded = [(item, gap_level(item, config, in_ci)) for item in gaps]
    errors = [item for item, level in graded if level == "error"]
    warnings = [item for item, level in graded if level == "warn"]
    if errors:
        first = errors[0]
        kinds = sorted({item.kind for item in errors})
        return Verdict.ERROR, (
            f"{len({i.path for i in errors})} changed file(s) not fully analysed, so the "
            f"change is not cleared (first: {first.path}: {describe([first])}); fix the "
            f"cause, or set on_coverage_gap.{kinds[0]}: warn in the base branch's .gate.yml"
        )
    if warnings and verdict is Verdict.PASS:
        first = warnings[0]
        return Verdict.WARN, (
            f"{len({i.path for i in warnings})} changed file(s) not fully analysed "
            f"(first: {first.path}: {describe([first])})"
        )
    return verdict, reason


def collect_gaps(
    plan: Plan, outcomes: Mapping[str, ScanOutcome], catalog: Catalog
) -> dict[str, tuple[Gap, ...]]:
    """Every file's gaps: plan-level (too large, unreadable), per scanner (timeouts,
    parse errors, files it did not scan), and code languages without real rules."""
    found: dict[str, list[Gap]] = {}
    for path, reason in plan.gaps.items():
        found.setdefault(path, []).append(gap(path, "", reason))
    real = _rule_languages(catalog)
    for name, outcome in outcomes.items():
        targeted = {t.path for t in plan.targets.get(name, ())}
        if not outcome.ok:  # the verdict is on_scanner_error's; the table still says so
            for path in sorted(targeted - set(outcome.files)):
                found.setdefault(path, []).append(
                    Gap(path=path, scanner=name, reason=outcome.error, kind=SCANNER_FAILED)
                )
            continue
        listed = dict(outcome.unanalysed)
        done = set(outcome.files)
        for path in sorted(targeted - done - set(listed)):
            listed[path] = "did not scan this file"
        for path, reason in sorted(listed.items()):
            item = gap(path, name, reason)
            if item.kind == NO_RULES:  # the scanner has no rule for this file: nothing missed
                continue
            generic_only = name == "semgrep" and plan.languages.get(path) not in real
            if path in targeted and not (generic_only and item.kind == "not_scanned"):
                found.setdefault(path, []).append(item)
    for path, language in plan.languages.items():
        if path in plan.coverage_skips or language not in CODE_LANGUAGES:
            continue
        if language in real or any(path in _paths(plan, n) for n in ("bandit", "heuristics")):
            continue
        name = language_name(language)
        found.setdefault(path, []).append(
            Gap(path=path, scanner="", reason=f"no rules for {name}", kind=NO_RULES)
        )
    return {path: tuple(items) for path, items in found.items()}


def _paths(plan: Plan, scanner: str) -> set[str]:
    return {t.path for t in plan.targets.get(scanner, ())}


def _rule_languages(catalog: Catalog) -> set[str]:
    """Languages the enabled semgrep rules really cover (generic and regex do not count)."""
    aliases = {"js": "javascript", "ts": "typescript", "py": "python", "golang": "go"}
    languages = set()
    for rule in catalog.semgrep_rules:
        for language in rule.get("languages", ()):
            text = str(language).lower()
            languages.add(aliases.get(text, text))
    return languages - {"generic", "regex", "none"}
