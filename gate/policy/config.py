"""`.gate.yml` -> `Config`, validated; every error is one line naming file:line and key.

The schema is declared once below with a tiny vocabulary (`Str`, `Enum`, `ListOf`,
`MapOf`, `Struct`, ...), so validation, defaults and `gate init`'s documentation
cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gate.errors import ConfigError
from gate.findings import Severity
from gate.policy.packs import BUILTIN_PACKS
from gate.policy.profiles import TEST_DISABLED_RULES, TEST_FAIL_ON, TEST_PATHS
from gate.policy.yamlio import LineDict, did_you_mean, load_yaml

CONFIG_NAMES = (".gate.yml", ".gate.yaml")
FILTER_MODES = ("added", "diff_context", "file", "nofilter")
SEVERITIES = tuple(s.value for s in Severity)
SCANNER_NAMES = ("semgrep", "bandit", "heuristics", "secrets")
# Kept equal to reporters.FORMATS by tests/test_config.py (config must not import reporters).
OUTPUT_FORMATS = (
    "terminal",
    "json",
    "markdown",
    "summary",
    "sarif",
    "junit",
    "gitlab",
    "github-annotations",
)


# --- schema vocabulary ------------------------------------------------------------


class Spec:
    default: Any = None

    def check(self, value: Any, where: Where) -> Any:
        raise NotImplementedError


@dataclass(frozen=True)
class Where:
    source: str
    line: int
    key: str

    def fail(self, problem: str) -> ConfigError:
        return ConfigError(f"{self.source}:{self.line}: {self.key}: {problem}")

    def child(self, key: str, line: int) -> Where:
        return Where(self.source, line or self.line, f"{self.key}.{key}" if self.key else key)


class Str(Spec):
    def __init__(self, default: str = "") -> None:
        self.default = default

    def check(self, value: Any, where: Where) -> Any:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise where.fail(f"expected text, got {type(value).__name__}")
        return str(value)


class Int(Spec):
    def __init__(self, default: int, minimum: int = 0) -> None:
        self.default, self.minimum = default, minimum

    def check(self, value: Any, where: Where) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise where.fail(f"expected a number, got {value!r}")
        if value < self.minimum:
            raise where.fail(f"must be at least {self.minimum}")
        return value


class Fraction(Spec):
    def __init__(self, default: float) -> None:
        self.default = default

    def check(self, value: Any, where: Where) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise where.fail(f"expected a fraction from 0 to 1 (e.g. 0.8), got {value!r}")
        return float(value)


class Bool(Spec):
    def __init__(self, default: bool) -> None:
        self.default = default

    def check(self, value: Any, where: Where) -> Any:
        if not isinstance(value, bool):
            raise where.fail(f"expected true or false, got {value!r}")
        return value


class Enum_(Spec):
    def __init__(self, choices: tuple[str, ...], default: str) -> None:
        self.choices, self.default = choices, default

    def check(self, value: Any, where: Where) -> Any:
        text = str(value).lower() if isinstance(value, str) else value
        if text not in self.choices:
            raise where.fail(
                f"'{value}' is not one of {', '.join(self.choices)}"
                f"{did_you_mean(str(value), self.choices)}"
            )
        return text


class ListOf(Spec):
    def __init__(self, item: Spec, default: tuple[Any, ...] = ()) -> None:
        self.item, self.default = item, default

    def check(self, value: Any, where: Where) -> Any:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise where.fail("expected a list")
        return tuple(self.item.check(v, where) for v in value)


class MapOf(Spec):
    def __init__(self, item: Spec, default: Mapping[str, Any] | None = None) -> None:
        self.item, self.default = item, dict(default or {})

    def check(self, value: Any, where: Where) -> Any:
        if not isinstance(value, dict):
            raise where.fail("expected a mapping")
        lines = value.key_lines if isinstance(value, LineDict) else {}
        return {
            str(k): self.item.check(v, where.child(str(k), lines.get(str(k), 0)))
            for k, v in value.items()
        }


class Struct(Spec):
    def __init__(self, fields: Mapping[str, Spec]) -> None:
        self.fields = dict(fields)

    @property
    def default(self) -> dict[str, Any]:
        return {k: _default(s) for k, s in self.fields.items()}

    def check(self, value: Any, where: Where) -> Any:
        if value is None:
            return self.default
        if not isinstance(value, dict):
            raise where.fail("expected a mapping")
        lines = value.key_lines if isinstance(value, LineDict) else {}
        result = self.default
        for key, item in value.items():
            here = where.child(str(key), lines.get(str(key), 0))
            if key not in self.fields:
                raise ConfigError(
                    f"{where.source}:{here.line}: unknown key '{here.key}'"
                    f"{did_you_mean(str(key), self.fields)}"
                )
            result[key] = self.fields[key].check(item, here)
        return result


class Anything(Spec):
    """A section validated elsewhere (gate.decision.tier validates risk, routing and sla)."""

    def __init__(self) -> None:
        self.default = {}

    def check(self, value: Any, where: Where) -> Any:
        return value


def _default(spec: Spec) -> Any:
    value = spec.default
    return dict(value) if isinstance(value, dict) else value


# --- the schema ---------------------------------------------------------------------


def _scanner(timeout: int) -> Struct:
    return Struct({"enabled": Bool(True), "timeout": Int(timeout, minimum=1)})


OVERRIDE = Struct(
    {
        "paths": ListOf(Str()),
        "disable_rules": ListOf(Str()),
        "severity": MapOf(Enum_(SEVERITIES, "medium")),
        "fail_on": Enum_(SEVERITIES + ("never",), ""),
    }
)

# Test code: lighter by default (see gate.policy.profiles); same keys as an override.
TESTS = Struct(
    {
        "paths": ListOf(Str(), default=TEST_PATHS),
        "disable_rules": ListOf(Str(), default=TEST_DISABLED_RULES),
        "severity": MapOf(Enum_(SEVERITIES, "medium")),
        "fail_on": Enum_(SEVERITIES + ("never",), TEST_FAIL_ON),
    }
)

SCHEMA = Struct(
    {
        "version": Int(1, minimum=1),
        "packs": ListOf(Str(), default=BUILTIN_PACKS),
        "fail_on": Enum_(SEVERITIES + ("never",), "high"),
        "warn_on": Enum_(SEVERITIES + ("never",), "medium"),
        "filter_mode": Enum_(FILTER_MODES, "added"),
        "exclude": ListOf(Str()),
        "disable_rules": ListOf(Str()),
        "severity": MapOf(Enum_(SEVERITIES, "medium")),
        "overrides": ListOf(OVERRIDE),
        "tests": TESTS,
        # Outputs that also list active findings below warn_on (e.g. [sarif]).
        "show_below_warn_on": ListOf(Enum_(OUTPUT_FORMATS, "sarif")),
        # A rule whose measured precision is below this warns instead of failing (0: off).
        "min_precision_to_fail": Fraction(0.8),
        "on_scanner_error": Enum_(("fail", "warn"), "fail"),
        "max_file_bytes": Int(1_000_000, minimum=1),
        "critical_paths": ListOf(
            Str(),
            default=(
                "**/pay*/**",
                "**/billing/**",
                "**/checkout/**",
                "**/auth*/**",
                "**/login*",
                "**/crypto*/**",
                "**/models/**",
                "**/db/**",
                "**/repositor*/**",
            ),
        ),
        "scanners": Struct(
            {
                "semgrep": _scanner(300),
                "bandit": _scanner(120),
                "heuristics": _scanner(60),
                "secrets": _scanner(60),
            }
        ),
        "outputs": ListOf(Struct({"format": Enum_(OUTPUT_FORMATS, "json"), "path": Str("-")})),
        "github": Struct(
            {
                "comment": Bool(True),
                "check_run": Bool(True),
                "status": Bool(False),
                "labels": Bool(True),
                "request_reviewers": Bool(False),
                "inline_comments": Int(0),
                "delete_comment_when_clean": Bool(False),
            }
        ),
        "cache": Struct({"enabled": Bool(True), "dir": Str(""), "max_mb": Int(200, minimum=1)}),
        # Risk tiers, routing and SLA: free-form here, validated by gate.decision.tier.
        "risk": Anything(),
        "routing": Anything(),
        "sla": Anything(),
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Validated settings; `raw` keeps every section (with defaults) for reproducibility."""

    source: str  # where it came from: "defaults", ".gate.yml", "base:abc123:.gate.yml"
    raw: Mapping[str, Any] = field(default_factory=lambda: SCHEMA.default)

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]

    @property
    def packs(self) -> tuple[str, ...]:
        return tuple(self.raw["packs"])

    @property
    def fail_on(self) -> str:
        return str(self.raw["fail_on"])

    @property
    def warn_on(self) -> str:
        return str(self.raw["warn_on"])

    @property
    def filter_mode(self) -> str:
        return str(self.raw["filter_mode"])

    def scanner(self, name: str) -> Mapping[str, Any]:
        section: Mapping[str, Any] = self.raw["scanners"][name]
        return section

    def with_overrides(self, **values: Any) -> Config:
        """Command-line flags win over the file; each is validated like the file's key."""
        raw = dict(self.raw)
        for key, value in values.items():
            if value is None:
                continue
            raw[key] = SCHEMA.fields[key].check(value, Where("command line", 0, key))
        return Config(source=self.source, raw=raw)


def parse_config(text: str, source: str) -> Config:
    data = load_yaml(text, source)
    if data is None:
        data = LineDict()
        data.key_lines = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{source}:1: expected a mapping of settings (key: value)")
    raw = SCHEMA.check(data, Where(source, 1, ""))
    if raw["version"] != 1:
        line = data.line_of("version") if isinstance(data, LineDict) else 1
        raise ConfigError(f"{source}:{line}: version: only version 1 is known")
    return Config(source=source, raw=raw)


def find_config(root: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = root / name
        if candidate.is_file():
            return candidate
    return None


def load_config(root: Path, explicit: Path | None = None) -> Config:
    """The working-tree config (or an explicit file); defaults when there is none."""
    path = explicit or find_config(root)
    if path is None:
        return Config(source="defaults")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    display = path.name if path.parent == root else str(path)
    return parse_config(text, display)
