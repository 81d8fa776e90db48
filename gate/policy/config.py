"""`.gate.yml` -> `Config`, validated; every error is one line naming file:line and key.

The schema is declared once below with a tiny vocabulary (`gate.policy.schema`: `Str`,
`Enum_`, `ListOf`, `MapOf`, `Struct`, ...), so validation, defaults and `gate init`'s documentation
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
from gate.policy.profiles import (
    EXAMPLE_PATHS,
    EXAMPLES_FAIL_ON,
    TEST_DISABLED_RULES,
    TEST_FAIL_ON,
    TEST_PATHS,
    TEST_SEVERITY,
)
from gate.policy.schema import (
    Anything,
    Bool,
    Enum_,
    Fraction,
    Int,
    ListOf,
    MapOf,
    OnOff,
    Str,
    Struct,
    Where,
)
from gate.policy.yamlio import LineDict, load_yaml
from gate.scanning.vendored import VENDORED_PATHS

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


# --- the schema ---------------------------------------------------------------------


def _scanner(timeout: int, per_100_files: int) -> Struct:
    """`timeout` seconds for the scanner's run, plus `timeout_per_100_files` for every 100
    files it is given: a big change gets the time its size needs (gate.scanning.plan)."""
    return Struct(
        {
            "enabled": Bool(True),
            "timeout": Int(timeout, minimum=1, maximum=86_400),
            "timeout_per_100_files": Int(per_100_files, minimum=0, maximum=86_400),
        }
    )


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
        "severity": MapOf(Enum_(SEVERITIES, "medium"), default=TEST_SEVERITY),
        "fail_on": Enum_(SEVERITIES + ("never",), TEST_FAIL_ON),
    }
)

# Example and demo programs: reported, never failing (see gate.policy.profiles).
EXAMPLES = Struct(
    {
        "paths": ListOf(Str(), default=EXAMPLE_PATHS),
        "disable_rules": ListOf(Str()),
        "severity": MapOf(Enum_(SEVERITIES, "medium")),
        "fail_on": Enum_(SEVERITIES + ("never",), EXAMPLES_FAIL_ON),
    }
)

SCHEMA = Struct(
    {
        "version": Int(1, minimum=1),
        "packs": ListOf(Str(), default=BUILTIN_PACKS),
        "fail_on": Enum_(SEVERITIES + ("never",), "high"),
        "warn_on": Enum_(SEVERITIES + ("never",), "medium"),
        "filter_mode": Enum_(FILTER_MODES, "added"),
        # Pre-existing findings on changed lines (moved, re-indented) do not count: docs/baseline.md
        "baseline": OnOff("on"),
        "newly_enabled_rules": Enum_(("report", "block"), "report"),
        "exclude": ListOf(Str()),
        # Copied-in third-party code, not analysed (listed in the coverage statement; counted
        # as a dependency change by the tier): gate.scanning.vendored
        "vendored_paths": ListOf(Str(), default=VENDORED_PATHS),
        "disable_rules": ListOf(Str()),
        "severity": MapOf(Enum_(SEVERITIES, "medium")),
        "overrides": ListOf(OVERRIDE),
        "tests": TESTS,
        "examples": EXAMPLES,
        # Outputs that also list active findings below warn_on (e.g. [sarif]).
        "show_below_warn_on": ListOf(Enum_(OUTPUT_FORMATS, "sarif")),
        # A rule whose measured precision is below this warns instead of failing (0: off).
        "min_precision_to_fail": Fraction(0.8),
        "on_scanner_error": Enum_(("fail", "warn"), "fail"),
        # A changed file a scanner did not analyse, by reason: error (fail closed in CI) or
        # warn. Locally every gap warns. See gate.scanning.coverage.
        "on_coverage_gap": Struct(
            {
                kind: Enum_(("error", "warn"), "error")
                for kind in ("timeout", "parse_error", "too_large", "unreadable", "not_scanned")
            }
        ),
        "max_file_bytes": Int(1_000_000, minimum=1, maximum=1 << 30),
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
                "semgrep": _scanner(300, 100),
                "bandit": _scanner(120, 20),
                "heuristics": _scanner(60, 10),
                "secrets": _scanner(60, 10),
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
                # the login gate's comments are written by, when not github-actions[bot]
                # (a GitHub App's "<slug>[bot]", a machine user); GitLab: the token's user
                "bot_login": Str(""),
            }
        ),
        "cache": Struct({"enabled": Bool(True), "dir": Str(""), "max_mb": Int(200, minimum=1)}),
        # Waivers (gate.policy.waivers) and what inline `gate: ignore` may suppress.
        "waivers": Struct(
            {
                "file": Str(".gate/waivers.yml"),
                "approvers": ListOf(Str()),
                "approver_teams": ListOf(Str()),
                "max_days": Struct(
                    {
                        "critical": Int(30, minimum=1),
                        "high": Int(90, minimum=1),
                        "medium": Int(180, minimum=1),
                        "low": Int(365, minimum=1),
                        "info": Int(365, minimum=1),
                    }
                ),
                "warn_days": Int(14),
                "min_reason": Int(10, minimum=1),
            }
        ),
        "inline_suppressions": Struct(
            {
                "forbid_severities": ListOf(Enum_(SEVERITIES, "critical"), default=("critical",)),
                "forbid_rules": ListOf(Str(), default=("pci-pan-*", "pci-sad-*")),
                "forbid_data_classes": ListOf(Str(), default=("PAN", "SAD")),
                "forbid_packs": ListOf(Str()),
                "min_reason": Int(10, minimum=1),
            }
        ),
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
    display = path.name if path.parent == root else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{display}: not UTF-8 text (byte {exc.start}): save the file as UTF-8"
        ) from None
    return parse_config(text, display)
