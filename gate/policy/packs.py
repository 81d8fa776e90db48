"""Rule packs: `policies/<pack>/pack.yml` + semgrep rule files + gate's native rules.

A pack is data only. This module validates it, merges every enabled pack's semgrep
rules into one rule file (one semgrep process per run) and builds the `Catalog`
that maps any rule id to its message, fix, CWE and compliance controls.
See policies/README.md for the format.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gate.errors import ConfigError
from gate.findings import Category
from gate.policy.file_cache import cached_yaml
from gate.policy.pack_cache import cached_pack
from gate.policy.rules import (
    PackContext,
    RuleInfo,
    native_rule,
    parse_enum,
    semgrep_rule,
)
from gate.policy.yamlio import LineDict, did_you_mean, load_yaml_file

BUILTIN_PACKS = ("pci-dss", "soc2", "security", "secrets", "error-handling")

_PACK_KEYS = {
    "id",
    "title",
    "version",
    "framework",
    "framework_id",
    "framework_version",
    "description",
    "category",
    "controls",
}
_PACK_REQUIRED = ("id", "title", "version", "description")


def policies_root() -> Path:
    """Built-in packs: inside the wheel as gate/_policies, in a checkout as ./policies."""
    here = Path(__file__).resolve().parents[1]  # the gate package
    bundled = here / "_policies"
    return bundled if bundled.is_dir() else here.parent / "policies"


@dataclass(frozen=True, slots=True, kw_only=True)
class Pack:
    id: str
    title: str
    version: str
    description: str
    path: str
    digest: str  # sha256 over the pack's files
    category: Category
    framework: str = ""
    framework_id: str = ""  # prefix used in control ids, e.g. "pci-dss-4.0"
    framework_version: str = ""
    controls: tuple[tuple[str, str], ...] = ()  # (control id, title)
    rule_ids: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Catalog:
    packs: tuple[Pack, ...]
    rules: Mapping[str, RuleInfo]
    semgrep_rules: tuple[Mapping[str, Any], ...]
    bandit_map: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    crosswalk: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # CWE -> controls
    digest: str = ""

    def rule(self, rule_id: str) -> RuleInfo | None:
        return self.rules.get(rule_id)

    def frameworks(self) -> tuple[str, ...]:
        return tuple(p.framework_id for p in self.packs if p.framework_id)

    def controls_for_cwe(self, cwes: Iterable[str]) -> tuple[str, ...]:
        enabled = set(self.frameworks())
        found: list[str] = []
        for cwe in cwes:
            for control in self.crosswalk.get(cwe, ()):
                if control.split(":", 1)[0] in enabled and control not in found:
                    found.append(control)
        return tuple(found)

    def semgrep_config_text(self) -> str:
        """The merged rule file: JSON is valid YAML and much faster for semgrep to load."""
        return json.dumps({"rules": list(self.semgrep_rules)}, sort_keys=True)

    def rules_for_engine(self, engine: str) -> tuple[RuleInfo, ...]:
        return tuple(r for r in self.rules.values() if r.engine == engine)


def load_catalog(specs: Iterable[str], base_dir: Path | None = None) -> Catalog:
    """Load packs by built-in id or by directory (relative to `base_dir`)."""
    packs: list[Pack] = []
    rules: dict[str, RuleInfo] = {}
    semgrep_rules: list[dict[str, Any]] = []
    hasher = hashlib.sha256()
    for spec in specs:
        directory = _resolve_pack_dir(spec, base_dir)
        pack, pack_rules, raw_rules = _load_pack_once(directory)
        if any(p.id == pack.id for p in packs):
            raise ConfigError(f"{directory}/pack.yml: pack id '{pack.id}' is enabled twice")
        for rule in pack_rules:
            if rule.id in rules:
                raise ConfigError(
                    f"{directory}: rule id '{rule.id}' is also defined by pack "
                    f"'{rules[rule.id].pack}'; rule ids must be unique"
                )
            rules[rule.id] = rule
        packs.append(pack)
        semgrep_rules.extend(raw_rules)
        hasher.update(f"{pack.id}@{pack.version}:{pack.digest}\n".encode())
    root = policies_root()
    bandit_map = _load_mapping_file(root / "bandit.yml")
    crosswalk = {
        cwe: tuple(str(c) for c in controls)
        for cwe, controls in _load_mapping_file(root / "crosswalk.yml").items()
    }
    hasher.update(json.dumps([bandit_map, crosswalk], sort_keys=True, default=str).encode())
    return Catalog(
        packs=tuple(packs),
        rules=rules,
        semgrep_rules=tuple(semgrep_rules),
        bandit_map=bandit_map,
        crosswalk=crosswalk,
        digest=hasher.hexdigest(),
    )


def _resolve_pack_dir(spec: str, base_dir: Path | None) -> Path:
    if spec in BUILTIN_PACKS:
        return policies_root() / spec
    candidate = Path(spec)
    if not candidate.is_absolute() and base_dir is not None:
        candidate = base_dir / candidate
    if candidate.is_dir() and (candidate / "pack.yml").is_file():
        return candidate
    raise ConfigError(
        f"unknown pack '{spec}'{did_you_mean(spec, BUILTIN_PACKS)}: use a built-in id "
        f"({', '.join(BUILTIN_PACKS)}) or a directory containing pack.yml"
    )


def _load_mapping_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    # gate's own files (bandit.yml, crosswalk.yml): parsed once, then read as JSON
    data = cached_yaml(path, lambda _bytes: load_yaml_file(path))
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: expected a mapping at the top level")
    return dict(data)


def pack_files(directory: Path) -> list[Path]:
    """The files a pack is made of, the only ones its digest covers: ``pack.yml``,
    ``rules/*.yml``/``*.yaml`` and ``native.yml``. Sample files beside the rules and
    anything an install adds (``__pycache__``, ``*.pyc`` compiled from the samples) are
    not part of it, so the same pack has the same digest on every install."""
    rules_dir = directory / "rules"
    rule_files = sorted(rules_dir.glob("*.yml")) + sorted(rules_dir.glob("*.yaml"))
    extras = [directory / "native.yml"] if (directory / "native.yml").is_file() else []
    return [directory / "pack.yml", *rule_files, *extras]


def _digest_dir(directory: Path) -> str:
    hasher = hashlib.sha256()
    for path in sorted(p for p in pack_files(directory) if p.is_file()):
        hasher.update(path.relative_to(directory).as_posix().encode())
        hasher.update(b"\x00")
        hasher.update(path.read_bytes())
        hasher.update(b"\x00")
    return hasher.hexdigest()


def _load_pack_once(directory: Path) -> tuple[Pack, list[RuleInfo], list[dict[str, Any]]]:
    """Built-in packs through the parsed-pack cache (gate.policy.pack_cache), others parsed."""
    root = policies_root()
    if directory.parent != root:
        return _load_pack(directory)
    inputs = (root / "classification.yml",)
    parsed = cached_pack(directory, _digest_dir(directory), inputs, _load_pack, Pack)
    pack, rules, semgrep = parsed
    return pack, rules, semgrep


def _load_pack(directory: Path) -> tuple[Pack, list[RuleInfo], list[dict[str, Any]]]:
    manifest = directory / "pack.yml"
    data = load_yaml_file(manifest)
    if not isinstance(data, LineDict):
        raise ConfigError(f"{manifest}:1: expected a mapping with id, title, version, description")
    for key in data:
        if key not in _PACK_KEYS:
            hint = did_you_mean(key, _PACK_KEYS)
            raise ConfigError(f"{manifest}:{data.line_of(key)}: unknown key '{key}'{hint}")
    for key in _PACK_REQUIRED:
        if not data.get(key):
            raise ConfigError(f"{manifest}:{data.line}: missing required key '{key}'")
    category = parse_enum(
        Category, data.get("category", "security"), manifest, data.line_of("category")
    )
    framework_id = str(data.get("framework_id", ""))
    controls_raw = data.get("controls") or {}
    if not isinstance(controls_raw, dict):
        raise ConfigError(f"{manifest}:{data.line_of('controls')}: 'controls' must map id -> title")
    pack_id = str(data["id"])
    context = PackContext(pack_id=pack_id, category=category, framework_id=framework_id)

    rules: list[RuleInfo] = []
    raw_semgrep: list[dict[str, Any]] = []
    rules_dir = directory / "rules"
    rule_files = sorted(rules_dir.glob("*.yml")) + sorted(rules_dir.glob("*.yaml"))
    for rule_file in rule_files:
        document = load_yaml_file(rule_file)
        if not isinstance(document, dict) or not isinstance(document.get("rules"), list):
            raise ConfigError(f"{rule_file}:1: expected a top-level 'rules:' list")
        for raw in document["rules"]:
            info, cleaned = semgrep_rule(raw, rule_file, context)
            rules.append(info)
            raw_semgrep.append(cleaned)
    native_file = directory / "native.yml"
    if native_file.is_file():
        document = load_yaml_file(native_file)
        if not isinstance(document, dict) or not isinstance(document.get("rules"), list):
            raise ConfigError(f"{native_file}:1: expected a top-level 'rules:' list")
        for raw in document["rules"]:
            rules.append(native_rule(raw, native_file, context))

    languages = sorted({lang for rule in rules for lang in rule.languages})
    pack = Pack(
        id=pack_id,
        title=str(data["title"]),
        version=str(data["version"]),
        description=str(data["description"]).strip(),
        path=str(directory),
        digest=_digest_dir(directory),
        category=category,
        framework=str(data.get("framework", "")),
        framework_id=framework_id,
        framework_version=str(data.get("framework_version", "")),
        controls=tuple((str(k), str(v)) for k, v in controls_raw.items()),
        rule_ids=tuple(r.id for r in rules),
        languages=tuple(languages),
    )
    return pack, rules, raw_semgrep
