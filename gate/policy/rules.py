"""One rule of a pack: `RuleInfo`, and reading a semgrep or native rule's metadata into it.

Every rule carries id, message, fix (`remediation`), severity, confidence, CWE and the
compliance controls it evidences; a missing or unknown key is a one-line `ConfigError`
naming file, line and key.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gate.errors import ConfigError
from gate.findings import Category, Confidence, Severity
from gate.policy.class_token import expand_rule
from gate.policy.yamlio import LineDict, did_you_mean

NATIVE_ENGINES = ("heuristics", "secrets")
_META_REQUIRED = ("severity", "confidence", "cwe", "remediation")
_NATIVE_KEYS = {
    "id",
    "engine",
    "languages",
    "title",
    "message",
    "remediation",
    "severity",
    "confidence",
    "category",
    "cwe",
    "owasp",
    "controls",
    "data_classes",
    "references",
    "precision",
    "measured_on",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleInfo:
    id: str
    pack: str
    engine: str  # semgrep | heuristics | secrets | bandit
    languages: tuple[str, ...]
    title: str
    message: str
    remediation: str
    severity: Severity
    confidence: Confidence
    category: Category
    cwe: tuple[str, ...] = ()
    owasp: tuple[str, ...] = ()
    controls: tuple[str, ...] = ()  # "pci-dss-4.0:3.5.1"
    data_classes: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    # Measured on gate's real-commit benchmark (bench/precision): the share of this rule's
    # findings at medium+ that were true, and on what. None when not measured yet.
    precision: float | None = None
    measured_on: str = ""
    # Where the rule is defined (file and line of its mapping), to name it in errors
    # semgrep reports against the merged rule file.
    source: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class PackContext:
    pack_id: str
    category: Category
    framework_id: str


def parse_enum(kind: Any, value: Any, source: Path, line: int) -> Any:
    try:
        return kind.parse(str(value)) if kind is Severity else kind(str(value).lower())
    except ValueError:
        choices = [m.value for m in kind]
        raise ConfigError(
            f"{source}:{line}: '{value}' is not one of {', '.join(choices)}"
            f"{did_you_mean(str(value), choices)}"
        ) from None


def _str_tuple(value: Any, source: Path, line: int, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return tuple(str(v) for v in value)
    raise ConfigError(f"{source}:{line}: '{key}' must be a list of strings")


def _controls(value: Any, source: Path, line: int) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise ConfigError(
            f"{source}:{line}: 'controls' must map framework -> list of control ids, "
            "e.g. {pci-dss-4.0: ['3.5.1'], soc2: ['CC6.7']}"
        )
    result: list[str] = []
    for framework, ids in value.items():
        for control in _str_tuple(ids, source, line, f"controls.{framework}"):
            result.append(f"{framework}:{control}")
    return tuple(result)


def _cwe(value: Any, source: Path, line: int) -> tuple[str, ...]:
    items = _str_tuple(value, source, line, "cwe")
    normalized = []
    for item in items:
        # Accept "CWE-532", "CWE-532: Insertion of ..." and 532.
        head = item.split(":", 1)[0].strip().upper()
        normalized.append(head if head.startswith("CWE-") else f"CWE-{head}")
    return tuple(normalized)


def semgrep_rule(raw: Any, source: Path, ctx: PackContext) -> tuple[RuleInfo, dict[str, Any]]:
    if not isinstance(raw, LineDict) or "id" not in raw:
        raise ConfigError(f"{source}: every rule needs an 'id'")
    rule_id = str(raw["id"])
    line = raw.line
    for key in ("message", "languages", "metadata"):
        if key not in raw:
            raise ConfigError(f"{source}:{line}: rule '{rule_id}' is missing '{key}'")
    meta = raw["metadata"]
    if not isinstance(meta, LineDict):
        raise ConfigError(
            f"{source}:{raw.line_of('metadata')}: rule '{rule_id}': metadata must be a mapping"
        )
    for key in _META_REQUIRED:
        if key not in meta:
            raise ConfigError(f"{source}:{meta.line}: rule '{rule_id}' metadata is missing '{key}'")
    info = _rule_info(
        rule_id=rule_id,
        engine="semgrep",
        languages=raw["languages"],
        message=raw["message"],
        fields=meta,
        source=source,
        ctx=ctx,
    )
    info = replace(info, source=str(source), line=line)
    cleaned = expand_rule(json.loads(json.dumps(raw)))  # plain dicts, no line info
    cleaned.setdefault("metadata", {})["gate"] = {"rule_id": rule_id, "pack": ctx.pack_id}
    return info, cleaned


def native_rule(raw: Any, source: Path, ctx: PackContext) -> RuleInfo:
    if not isinstance(raw, LineDict) or "id" not in raw:
        raise ConfigError(f"{source}: every native rule needs an 'id'")
    for key in raw:
        if key not in _NATIVE_KEYS:
            raise ConfigError(
                f"{source}:{raw.line_of(key)}: unknown key '{key}'{did_you_mean(key, _NATIVE_KEYS)}"
            )
    for key in ("engine", "message", *_META_REQUIRED):
        if key not in raw:
            raise ConfigError(f"{source}:{raw.line}: rule '{raw['id']}' is missing '{key}'")
    if raw["engine"] not in NATIVE_ENGINES:
        raise ConfigError(
            f"{source}:{raw.line_of('engine')}: engine must be one of {', '.join(NATIVE_ENGINES)}"
        )
    return _rule_info(
        rule_id=str(raw["id"]),
        engine=str(raw["engine"]),
        languages=raw.get("languages", ["any"]),
        message=raw["message"],
        fields=raw,
        source=source,
        ctx=ctx,
    )


def _rule_info(
    *,
    rule_id: str,
    engine: str,
    languages: Any,
    message: Any,
    fields: LineDict,
    source: Path,
    ctx: PackContext,
) -> RuleInfo:
    def at(key: str) -> int:
        return fields.line_of(key)

    return RuleInfo(
        id=rule_id,
        pack=ctx.pack_id,
        engine=engine,
        languages=_str_tuple(languages, source, fields.line, "languages"),
        title=str(fields.get("title") or rule_id),
        message=str(message).strip(),
        remediation=str(fields["remediation"]).strip(),
        severity=parse_enum(Severity, fields["severity"], source, at("severity")),
        confidence=parse_enum(Confidence, fields["confidence"], source, at("confidence")),
        category=parse_enum(
            Category, fields.get("category", ctx.category.value), source, at("category")
        ),
        cwe=_cwe(fields["cwe"], source, at("cwe")),
        owasp=_str_tuple(fields.get("owasp"), source, at("owasp"), "owasp"),
        controls=_controls(fields.get("controls"), source, at("controls")),
        data_classes=_str_tuple(
            fields.get("data_classes"), source, at("data_classes"), "data_classes"
        ),
        references=_str_tuple(fields.get("references"), source, at("references"), "references"),
        precision=_precision(fields.get("precision"), source, at("precision")),
        measured_on=str(fields.get("measured_on") or ""),
    )


def _precision(value: Any, source: Path, line: int) -> float | None:
    """A fraction (0.62) or a percentage string ("62%", "62.5%"): semgrep's rule parser
    rejects decimal numbers in metadata, so measured rules write the percentage."""
    if value is None:
        return None
    fraction: float | None = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        fraction = float(value)
    elif isinstance(value, str) and (m := _PERCENT.match(value)):
        fraction = float(m.group(1)) / 100 if m.group(2) else float(m.group(1))
    if fraction is None or not 0 <= fraction <= 1:
        raise ConfigError(
            f"{source}:{line}: 'precision' must be a fraction from 0 to 1 or a percentage "
            f'(e.g. 0.62 or "62%"), got {value!r}'
        )
    return fraction


_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$")
