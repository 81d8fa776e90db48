"""What the risk tier reads from paths and file kinds, beyond the area globs.

- A change that only reformats a code file (comments, blank lines, layout) is not a code
  change: see `gate.decision.tier_format`.
- Build manifests and lockfiles are dependency changes, not application code.
- CI workflows, pre-commit configs and action metadata are "the gate's own files" only
  when they run gate (a workflow that does not mention gate is ordinary CI).
- Built-in area globs are name guesses (`*payment*` in a payments SDK matches every
  file): alone they raise the tier at most to `name_guess_max_tier`. Areas the
  repository configures (`risk.areas`), its own `critical_paths` and a guess on a file
  its CODEOWNERS assigns to a specific owner are authoritative.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from gate.change.model import ChangedFile

# CI and hook files that count as the gate's own only when their content runs gate.
CI_FILES = (
    ".github/workflows/",
    ".gitlab-ci.yml",
    ".pre-commit-config.yaml",
    "action.yml",
    "action.yaml",
)
_RUNS_GATE = re.compile(
    r"(?im)(?:\buses:\s*[\w./-]*\bgate(?=[@/\s]|\.ya?ml\b|$)"
    r"|^\s*(?:-\s*)?(?:run:\s*[|>]?\s*)?(?:\S+/)?gate\s+"
    r"(?:run|ci|action|post|demo|merge)\b|prereview-gate|\bid:\s*gate\b)"
)
# Areas recognised by file type (a key or certificate file), not by a name guess.
FILE_TYPE_AREAS = ("keys",)


# Data and generated artefacts: not application code (an area may still claim them).
DATA_SUFFIXES = (
    ".json",
    ".csv",
    ".tsv",
    ".txt",
    ".log",
    ".snap",
    ".svg",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".ico",
    ".webp",
    ".pdf",
    ".lock",
)


def is_data_file(changed: ChangedFile) -> bool:
    return changed.path.lower().endswith(DATA_SUFFIXES)


def runs_gate(lines: Iterable[str]) -> bool:
    return any(_RUNS_GATE.search(line) for line in lines)


def capped_tier(name: str, area: Mapping[str, Any], settings: Mapping[str, Any]) -> int:
    """An area's tier, capped when it is a built-in name guess the repository did not set."""
    tier = int(area["tier"])
    if name in settings.get("configured_areas", ()) or name in FILE_TYPE_AREAS:
        return tier
    return min(tier, int(settings.get("name_guess_max_tier", tier)))


def configured_critical_paths(raw: Mapping[str, Any], default: Iterable[str]) -> tuple[str, ...]:
    """The repository's own `critical_paths`: the entries it added to the defaults (which
    are name guesses like `**/models/**`, kept for the error-handling analyzer only)."""
    builtin = set(default)
    return tuple(p for p in raw.get("critical_paths") or () if p not in builtin)


CODEOWNERS_FILES = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS")


def codeowners_globs(root: Path) -> tuple[str, ...]:
    """The repository's own ownership areas: CODEOWNERS patterns with a specific owner
    (the catch-all `*` is left out), as gate globs. A name-guess area hit on a file the
    repository assigned to an owner is corroborated and keeps its full tier."""
    for name in CODEOWNERS_FILES:
        path = root / name
        try:
            if path.is_symlink() or not path.is_file() or path.stat().st_size > 1_000_000:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        globs = []
        for line in text.splitlines():
            parts = line.split("#", 1)[0].split()
            if len(parts) < 2 or parts[0] in ("*", "/*", "**", "/**"):
                continue
            pattern = parts[0]
            globs.append(pattern[1:] if pattern.startswith("/") else pattern)
        return tuple(globs)
    return ()
