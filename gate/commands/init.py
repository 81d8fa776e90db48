"""`gate init`: a commented starter `.gate.yml` chosen from what the repository holds.

`detect_project` looks at the tracked file names (``git ls-files``) and the content of
dependency manifests; `render_config` turns that into YAML text that
`gate.policy.config.parse_config` accepts; `write_config` refuses to overwrite.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from gate.change.git import git, repo_root
from gate.errors import UsageError
from gate.policy.config import CONFIG_NAMES, SCHEMA
from gate.policy.packs import BUILTIN_PACKS
from gate.scanning.languages import detect_language

LANGUAGES = {
    "python": "Python",
    "javascript": "JavaScript",
    "typescript": "TypeScript",
    "java": "Java",
    "go": "Go",
}
_PY_MANIFESTS = ("requirements", "pyproject.toml", "setup.py", "setup.cfg", "pipfile")
_PY_FRAMEWORKS = {"flask": "Flask", "django": "Django", "fastapi": "FastAPI"}
_JS_FRAMEWORKS = {"express": "Express"}
_MANIFEST_BYTES = 512_000
# Directory names that suggest card data, money movement or authentication.
_SENSITIVE_DIR = re.compile(
    r"^(pay|payment|payments|billing|checkout|card|cards|stripe|braintree|adyen|invoice|"
    r"invoices|wallet|ledger|refund|refunds|subscription|subscriptions|pci)$",
    re.IGNORECASE,
)
_VENDOR_DIRS = {
    "javascript": "**/node_modules/**",
    "typescript": "**/node_modules/**",
    "go": "vendor/**",
    "python": "**/.venv/**",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Project:
    languages: tuple[str, ...] = ()  # language ids present, most files first
    frameworks: tuple[str, ...] = ()  # display names, e.g. "Flask"
    sensitive_dirs: tuple[str, ...] = ()  # repo-relative directories, e.g. "src/payments"
    files: int = 0


def detect_project(start: Path) -> Project:
    """What `gate init` tailors the file to: languages, web frameworks, payment paths."""
    root = repo_root(start)
    listed = git(root, "ls-files", "-z").stdout.split(b"\x00")
    paths = [os.fsdecode(p) for p in listed if p]
    counts = Counter(detect_language(p) for p in paths)
    languages = tuple(
        lang
        for lang, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if lang in LANGUAGES
    )
    frameworks: list[str] = []
    for path in paths:
        name = PurePosixPath(path).name.lower()
        if name == "package.json":
            frameworks += _js_frameworks(_read(root / path))
        elif name.startswith(_PY_MANIFESTS):
            text = _read(root / path).lower()
            frameworks += [
                shown
                for key, shown in _PY_FRAMEWORKS.items()
                if re.search(rf"(^|[^a-z0-9_-]){key}([^a-z0-9_-]|$)", text, re.MULTILINE)
            ]
    sensitive: set[str] = set()
    for path in paths:
        parts = PurePosixPath(path).parts[:-1]
        for depth, part in enumerate(parts):
            if _SENSITIVE_DIR.match(part):
                sensitive.add("/".join(parts[: depth + 1]))
                break
    return Project(
        languages=languages,
        frameworks=tuple(dict.fromkeys(sorted(frameworks))),
        sensitive_dirs=tuple(sorted(sensitive)),
        files=len(paths),
    )


def _read(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return handle.read(_MANIFEST_BYTES).decode("utf-8", "replace")
    except OSError:
        return ""


def _js_frameworks(text: str) -> list[str]:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    if not isinstance(data, dict):
        return []
    names: set[str] = set()
    for section in ("dependencies", "devDependencies", "peerDependencies"):
        deps = data.get(section)
        if isinstance(deps, dict):
            names.update(str(k).lower() for k in deps)
    return [shown for key, shown in _JS_FRAMEWORKS.items() if key in names]


def render_config(project: Project) -> str:
    """Commented YAML for `project`; every value is one `parse_config` accepts."""
    found = ", ".join(LANGUAGES[lang] for lang in project.languages) or "no supported language"
    if project.frameworks:
        found += f"; frameworks: {', '.join(project.frameworks)}"
    lines = [
        "# .gate.yml: configuration of the pre-review gate (prereview-gate, `gate --help`).",
        f"# Written by `gate init` for: {found}.",
        "# Every key is optional; a removed key takes its default. In CI gate reads this file",
        "# from the base commit, so a pull request cannot weaken the policy that judges it.",
        "version: 1",
        "",
        "# Rule packs: built-in ids or a directory holding a pack.yml. `gate policies` lists",
        "# the built-ins and their rules.",
        "packs:",
        *(f"  - {pack}" for pack in BUILTIN_PACKS),
        "",
        "# Verdict thresholds (critical, high, medium, low, info, never): a finding at or",
        "# above fail_on fails the gate (exit 1); at or above warn_on it warns (exit 0).",
        "fail_on: high",
        "warn_on: medium",
        "",
        "# Which findings count: added (only lines this change adds), diff_context (the",
        "# changed hunks), file (whole changed files), nofilter (everything scanned).",
        "filter_mode: added",
        "",
        "# Findings on changed lines whose code was in the base already (moved, re-indented,",
        "# reformatted) are pre-existing and do not count; `off` counts every finding on an",
        "# added line. A rule new since the base's policy: report (default) or block.",
        "baseline: on",
        "newly_enabled_rules: report",
        "",
        "# A scanner that crashes or times out fails the gate (fail closed); `warn` relaxes it.",
        "on_scanner_error: fail",
        "",
    ]
    lines += _exclude_lines(project)
    lines += _critical_path_lines(project)
    lines += _scanner_lines(project)
    lines += [
        "# Posting to pull requests (`gate run --post github`, the GitHub Action).",
        "github:",
        "  comment: true",
        "  check_run: true",
        "  labels: true",
        "",
    ]
    lines += _test_profile_lines()
    lines += [
        "# Per-path tweaks, e.g. stricter rules for one directory (uncomment to use):",
        "# overrides:",
        '#   - paths: ["src/payments/**"]',
        "#     fail_on: medium",
        "",
    ]
    return "\n".join(lines)


def _test_profile_lines() -> list[str]:
    tests = SCHEMA.fields["tests"].default
    return [
        "# Test code is not shipped: bandit's assert check is off there and only critical",
        "# findings (secrets in provider formats, real credentials) fail the PR. Findings",
        "# below warn_on are kept in the JSON report and shown with `gate run --verbose`.",
        "# `paths: []` turns the profile off.",
        "tests:",
        "  paths:",
        *(f'    - "{p}"' for p in tests["paths"]),
        "  disable_rules:",
        *(f"    - {r}" for r in tests["disable_rules"]),
        f"  fail_on: {tests['fail_on']}",
        "",
    ]


def _exclude_lines(project: Project) -> list[str]:
    excludes = list(
        dict.fromkeys(_VENDOR_DIRS[lang] for lang in project.languages if lang in _VENDOR_DIRS)
    )
    lines = ["# Paths never scanned (glob patterns, ** crosses directories)."]
    if excludes:
        lines += ["exclude:", *(f'  - "{pattern}"' for pattern in excludes)]
    else:
        lines += ["exclude: []"]
    return [*lines, ""]


def _critical_path_lines(project: Project) -> list[str]:
    defaults = tuple(SCHEMA.fields["critical_paths"].default)
    lines = [
        "# Critical code (payments, auth, persistence): a broad `except` that hides a failure",
        "# here is reported. Risk tiers use the `risk:` areas instead (docs/risk.md).",
    ]
    if not project.sensitive_dirs:
        return [
            *lines,
            "# The defaults cover common layouts; list your own to replace them, e.g.:",
            "# critical_paths:",
            '#   - "src/payments/**"',
            "",
        ]
    return [
        *lines,
        "# Detected payment-looking directories are listed first; the rest are the defaults.",
        "critical_paths:",
        *(f'  - "{d}/**"' for d in project.sensitive_dirs),
        *(f'  - "{pattern}"' for pattern in defaults),
        "",
    ]


def _scanner_lines(project: Project) -> list[str]:
    python = "python" in project.languages
    lines = [
        "# Scanners: semgrep runs the packs' rules; bandit checks Python; heuristics and",
        "# secrets are gate's own analyzers. `timeout` is in seconds.",
        "scanners:",
        "  semgrep: {enabled: true, timeout: 300}",
    ]
    if python:
        lines.append("  bandit: {enabled: true, timeout: 120}")
    else:
        lines.append("  bandit: {enabled: false}  # no Python files were found")
    lines += [
        "  heuristics: {enabled: true, timeout: 60}",
        "  secrets: {enabled: true, timeout: 60}",
        "",
    ]
    return lines


def write_config(start: Path, *, force: bool = False) -> tuple[Path, Project]:
    """Detect, render and write `.gate.yml` at the repository root."""
    root = repo_root(start)
    for name in CONFIG_NAMES:
        existing = root / name
        if existing.exists() and not force:
            raise UsageError(
                f"{name} already exists: keep it, or rerun `gate init --force` to replace it"
            )
    project = detect_project(root)
    target = next((root / n for n in CONFIG_NAMES if (root / n).exists()), root / CONFIG_NAMES[0])
    target.write_text(render_config(project), encoding="utf-8")
    return target, project
