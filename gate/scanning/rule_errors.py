"""A pack rule semgrep rejects, reported against the pack's own file and line.

semgrep sees one merged rule file, so its rule errors (an invalid pattern or regex, an
unknown language) name the rule id but no useful location. `rule_config_error` maps
them back to the rule's source (`RuleInfo.source`/`line`) as a `ConfigError` (exit 2):
a broken rule is bad configuration, not a scanner failure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from gate.errors import ConfigError
from gate.policy.packs import Catalog
from gate.policy.rules import RuleInfo

_LANGUAGE = re.compile(r"invalid language:? (\S+)")
_PREFIX = re.compile(r"^Rule parse error in rule \S+:\s*")


def rule_config_error(errors: Iterable[Mapping[str, Any]], catalog: Catalog) -> ConfigError | None:
    """The first fatal rule error (no target path) that names a rule of `catalog`."""
    for error in errors:
        if error.get("level") != "error" or error.get("path"):
            continue
        message = str(error.get("message") or error.get("short_msg") or "")
        rule = _rule_of(error, message, catalog)
        if rule is None or not rule.source:
            continue
        return ConfigError(f"{rule.source}:{rule.line}: rule '{rule.id}': {_one_line(message)}")
    return None


def _rule_of(error: Mapping[str, Any], message: str, catalog: Catalog) -> RuleInfo | None:
    rule = catalog.rule(str(error.get("rule_id") or ""))
    if rule is not None:
        return rule
    language = _LANGUAGE.search(message)  # the CLI names the language, not the rule
    if language is None:
        return None
    wanted = language.group(1).lower()
    for candidate in catalog.rules_for_engine("semgrep"):
        if wanted in (lang.lower() for lang in candidate.languages):
            return candidate
    return None


def _one_line(message: str) -> str:
    text = _PREFIX.sub("", message.strip())
    parts = [p.strip() for p in text.splitlines() if p.strip() and not p.startswith("-----")]
    return " ".join(parts)[:300] or "semgrep rejected this rule"
