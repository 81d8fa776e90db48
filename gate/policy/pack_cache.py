"""Parsed built-in packs, kept as JSON so a hook does not re-parse 40 YAML files per run.

Only the packs shipped with gate are cached (a pack directory in the repository could be
written by the change under review). The key covers everything the parsed form depends
on: the pack's files, the classification dictionary its placeholders expand from, and
the source of the code that parses them. The cache lives in the user's cache directory
(``$XDG_CACHE_HOME/gate/packs``), never in the repository. Anything unreadable is a
miss: the pack is parsed from YAML as if there were no cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from gate.findings import Category, Confidence, Severity
from gate.policy.file_cache import write_atomically
from gate.policy.rules import RuleInfo

__all__ = ["cached_pack"]

_FORMAT = 1
Parsed = tuple[Any, list[RuleInfo], list[dict[str, Any]]]  # (Pack, rules, semgrep rules)
_SOURCES = ("packs.py", "rules.py", "classify.py", "class_token.py", "pack_cache.py")


def cached_pack(
    directory: Path,
    digest: str,
    inputs: tuple[Path, ...],
    parse: Callable[[Path], Parsed],
    make_pack: Callable[..., Any],
    env: Mapping[str, str] | None = None,
) -> Parsed:
    """`parse(directory)`, or its saved result when nothing it depends on changed."""
    key = _key(directory, digest, inputs)
    path = _cache_dir(env) / f"{directory.name}-{key}.json"
    try:
        return _decode(json.loads(path.read_text(encoding="utf-8")), make_pack)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    parsed = parse(directory)
    try:
        write_atomically(path, json.dumps(_encode(parsed), sort_keys=True), prefix=".pack-")
    except (OSError, TypeError, ValueError):
        pass
    return parsed


def _key(directory: Path, digest: str, inputs: tuple[Path, ...]) -> str:
    hasher = hashlib.sha256(f"{_FORMAT}\0{directory}\0{digest}\0".encode())
    here = Path(__file__).parent
    for path in (*inputs, *(here / name for name in _SOURCES)):
        try:
            hasher.update(path.read_bytes())
        except OSError:
            hasher.update(b"missing")
        hasher.update(b"\0")
    return hasher.hexdigest()[:40]


def _cache_dir(env: Mapping[str, str] | None) -> Path:
    environ = os.environ if env is None else env
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gate" / "packs"


def _encode(parsed: Parsed) -> dict[str, Any]:
    pack, rules, semgrep = parsed
    return {
        "pack": dataclasses.asdict(pack),
        "rules": [dataclasses.asdict(rule) for rule in rules],
        "semgrep": semgrep,
    }


def _decode(data: dict[str, Any], make_pack: Callable[..., Any]) -> Parsed:
    raw = dict(data["pack"])
    raw["category"] = Category(raw["category"])
    raw["controls"] = tuple(tuple(pair) for pair in raw["controls"])
    for name in ("rule_ids", "languages"):
        raw[name] = tuple(raw[name])
    rules = []
    for entry in data["rules"]:
        fields = dict(entry)
        fields["severity"] = Severity(fields["severity"])
        fields["confidence"] = Confidence(fields["confidence"])
        fields["category"] = Category(fields["category"])
        for name, value in fields.items():
            if isinstance(value, list):
                fields[name] = tuple(value)
        rules.append(RuleInfo(**fields))
    return make_pack(**raw), rules, list(data["semgrep"])
