"""Waivers as reviewed data: the `.gate/waivers.yml` format, its validation and matching.

A waiver accepts one known finding (by fingerprint) or one rule on some paths, for a
limited time, with a reason, an owner, a ticket and the name of who approved it:

    version: 1
    waivers:
      - id: W-001
        fingerprint: 3f2a...            # or: rule: pci-pan-logged + paths: [legacy/**]
        rule: pci-pan-logged
        paths: [legacy/export.py]
        reason: legacy export is replaced by PAY-912; output goes to a PCI-scoped host
        owner: alice
        author: alice                   # who wrote the entry (default: owner)
        ticket: PAY-913                 # or link: https://...
        created: 2026-01-05
        expires: 2026-02-04
        approved_by: [bob]

Every error is one line naming file:line and key. Dates are not rejected here: a
missing or malformed `created`/`expires` makes the waiver count as expired (fail
closed), which `gate.policy.waiving` reports. Whether a waiver is *trusted* (on the
base branch, or approved on the PR) is decided in `gate.policy.waiving`, never here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gate.change.git import git
from gate.errors import ConfigError
from gate.findings import Finding
from gate.globs import matches_any
from gate.policy.yamlio import LineDict, did_you_mean, load_yaml
from gate.report import WaiverUse

DEFAULT_FILE = ".gate/waivers.yml"
_FIELDS = (
    "id",
    "fingerprint",
    "rule",
    "paths",
    "reason",
    "owner",
    "author",
    "ticket",
    "link",
    "created",
    "expires",
    "approved_by",
)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_FINGERPRINT = re.compile(r"^[0-9a-f]{16,64}$")
_WILDCARD = re.compile(r"[*?\[]")
# Globs that match every path (or every path under the root): a blanket waiver.
_BLANKET = frozenset({"*", "**", "**/*", "./**", "/**", "**/**", ".", "./", "/"})
_MIN_REASON = 10


@dataclass(frozen=True, slots=True, kw_only=True)
class Waiver:
    """One entry of the waivers file (as written; trust and lifecycle are decided later)."""

    id: str
    fingerprint: str = ""
    rule: str = ""
    paths: tuple[str, ...] = ()
    reason: str
    owner: str
    author: str = ""
    ticket: str = ""
    link: str = ""
    created: str = ""
    expires: str = ""
    approved_by: tuple[str, ...] = ()
    line: int = 0

    @property
    def written_by(self) -> str:
        return self.author or self.owner

    @property
    def reference(self) -> str:
        return self.ticket or self.link

    def created_date(self) -> dt.date | None:
        return parse_date(self.created)

    def expiry_date(self) -> dt.date | None:
        return parse_date(self.expires)

    def matches(self, finding: Finding) -> bool:
        if self.fingerprint:
            if finding.fingerprint != self.fingerprint:
                return False
            return not self.rule or finding.rule_id == self.rule
        if finding.rule_id != self.rule and self.rule not in finding.source_rule_ids:
            return False
        return matches_any(finding.path, self.paths)

    def terms(self) -> dict[str, Any]:
        """The fields that define what the waiver accepts and until when (for comparing)."""
        return {
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "paths": list(self.paths),
            "expires": self.expires,
            "created": self.created,
            "reason": self.reason,
            "owner": self.owner,
            "author": self.author,
            "approved_by": list(self.approved_by),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class WaiverFile:
    source: str  # where it was read: ".gate/waivers.yml", "base:1a2b3c:.gate/waivers.yml"
    waivers: tuple[Waiver, ...] = ()
    present: bool = True

    def by_id(self) -> dict[str, Waiver]:
        return {w.id: w for w in self.waivers}


def parse_date(text: str) -> dt.date | None:
    """An ISO date (YYYY-MM-DD); None when missing or malformed (callers fail closed)."""
    try:
        return dt.date.fromisoformat(str(text).strip()) if text else None
    except ValueError:
        return None


def parse_waivers(text: str, source: str, *, min_reason: int = _MIN_REASON) -> WaiverFile:
    data = load_yaml(text, source)
    if data is None:
        return WaiverFile(source=source)
    if not isinstance(data, dict):
        raise ConfigError(f"{source}:1: expected a mapping with 'version' and 'waivers'")
    for key in data:
        if key not in ("version", "waivers"):
            line = _line(data, key)
            raise ConfigError(
                f"{source}:{line}: unknown key '{key}'{did_you_mean(str(key), ('waivers',))}"
            )
    if data.get("version", 1) != 1:
        raise ConfigError(f"{source}:{_line(data, 'version')}: version: only version 1 is known")
    entries = data.get("waivers") or []
    if not isinstance(entries, list):
        raise ConfigError(f"{source}:{_line(data, 'waivers')}: waivers: expected a list")
    waivers: list[Waiver] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        waiver = _entry(entry, source, index, _line(data, "waivers"), min_reason)
        if waiver.id in seen:
            raise ConfigError(
                f"{source}:{waiver.line}: waivers[{index}].id: '{waiver.id}' is already used "
                f"on line {seen[waiver.id]} (give every waiver its own id)"
            )
        seen[waiver.id] = waiver.line
        waivers.append(waiver)
    return WaiverFile(source=source, waivers=tuple(waivers))


def _line(data: Any, key: str) -> int:
    return data.line_of(key) if isinstance(data, LineDict) else 0


def _entry(entry: Any, source: str, index: int, near: int, min_reason: int) -> Waiver:
    where = f"waivers[{index}]"
    if not isinstance(entry, dict):
        raise ConfigError(f"{source}:{near}: {where}: expected a mapping (id, reason, ...)")
    line = entry.line if isinstance(entry, LineDict) else near

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{source}:{_line(entry, key) or line}: {where}.{key}: {problem}")

    for key in entry:
        if key not in _FIELDS:
            raise ConfigError(
                f"{source}:{_line(entry, key)}: unknown key '{where}.{key}'"
                f"{did_you_mean(str(key), _FIELDS)}"
            )
    values: dict[str, Any] = {}
    for key in _FIELDS:
        value = entry.get(key)
        if key in ("paths", "approved_by"):
            items = [value] if isinstance(value, str) else (value or [])
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise fail(key, "expected a list of text")
            values[key] = tuple(i.strip() for i in items if i.strip())
        elif value is None:
            values[key] = ""
        elif isinstance(value, (dt.date, str, int)) and not isinstance(value, bool):
            values[key] = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
        else:
            raise fail(key, f"expected text, got {type(value).__name__}")
    for key in ("id", "reason", "owner", "created", "expires"):
        if not values[key]:
            raise fail(key, "missing (every waiver needs id, reason, owner, created, expires)")
    if not _ID.match(values["id"]):
        raise fail("id", "use letters, digits, '.', '_' or '-' (e.g. W-001)")
    if len(values["reason"]) < min_reason:
        raise fail("reason", f"too short: say why the finding is acceptable ({min_reason}+ chars)")
    if not (values["ticket"] or values["link"]):
        raise fail("ticket", "missing: give a ticket (e.g. PAY-123) or a link")
    if not values["approved_by"]:
        raise fail("approved_by", "missing: name who approves the waiver (their review counts)")
    _check_scope(values, fail)
    return Waiver(line=line, **values)


def _check_scope(values: dict[str, Any], fail: Any) -> None:
    """A waiver names one finding, or one concrete rule on concrete paths: never all."""
    fingerprint, rule, paths = values["fingerprint"], values["rule"], values["paths"]
    if fingerprint:
        if not _FINGERPRINT.match(fingerprint):
            raise fail("fingerprint", "expected the finding's hex fingerprint from a result")
    elif not rule:
        raise fail("rule", "missing: give a fingerprint, or a rule with paths")
    if rule and _WILDCARD.search(rule):
        raise fail("rule", f"'{rule}' is a wildcard: a waiver names one rule id")
    if fingerprint:
        return
    if not paths:
        raise fail("paths", f"missing: say where rule '{rule}' is waived (path globs)")
    for glob in paths:
        if glob.strip() in _BLANKET or glob.lstrip("./").startswith("**/*."):
            raise fail("paths", f"'{glob}' matches the whole repository: name the files")


# --- where waivers come from ---------------------------------------------------------------


def waivers_path(config_raw: Mapping[str, Any]) -> str:
    section = config_raw.get("waivers") or {}
    return str(section.get("file") or DEFAULT_FILE)


def read_worktree(root: Path, relative: str, *, min_reason: int = _MIN_REASON) -> WaiverFile:
    path = root / relative
    if not path.is_file():
        return WaiverFile(source=relative, present=False)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{relative}: cannot read: {exc}") from None
    return parse_waivers(text, relative, min_reason=min_reason)


def read_at_commit(
    root: Path, sha: str, relative: str, *, min_reason: int = _MIN_REASON
) -> WaiverFile:
    """The waivers file as it was at `sha` (absent: no waivers)."""
    shown = git(root, "show", f"{sha}:{relative}", check=False)
    source = f"base:{sha[:12]}:{relative}"
    if shown.returncode != 0:
        return WaiverFile(source=source, present=False)
    return parse_waivers(shown.stdout.decode("utf-8", "replace"), source, min_reason=min_reason)


def render_entry(waiver: Waiver) -> str:
    """One YAML list item for `gate waive` (appended to the file, comments kept)."""

    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [f"  - id: {quoted(waiver.id)}"]
    for key in ("fingerprint", "rule"):
        if getattr(waiver, key):
            lines.append(f"    {key}: {quoted(getattr(waiver, key))}")
    if waiver.paths:
        lines.append(f"    paths: [{', '.join(quoted(p) for p in waiver.paths)}]")
    for key in ("reason", "owner", "author", "ticket", "link", "created", "expires"):
        if getattr(waiver, key):
            lines.append(f"    {key}: {quoted(getattr(waiver, key))}")
    lines.append(f"    approved_by: [{', '.join(quoted(p) for p in waiver.approved_by)}]")
    return "\n".join(lines) + "\n"


# --- shards ----------------------------------------------------------------------------

_RANK = ("applied", "pending", "expired", "invalid", "stale", "unused")


def merge_registers(registers: tuple[tuple[WaiverUse, ...], ...]) -> tuple[WaiverUse, ...]:
    """One register from the shards' registers: per waiver, what it did in any shard."""
    merged: dict[str, WaiverUse] = {}
    for register in registers:
        for use in register:
            seen = merged.get(use.id)
            if seen is None:
                merged[use.id] = use
                continue
            best = min((seen, use), key=lambda u: _rank(u.status))
            fingerprints = tuple(dict.fromkeys(seen.fingerprints + use.fingerprints))
            merged[use.id] = replace(best, fingerprints=fingerprints)
    return tuple(merged[k] for k in sorted(merged))


def _rank(status: str) -> int:
    return _RANK.index(status) if status in _RANK else len(_RANK)
