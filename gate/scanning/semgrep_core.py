"""Drive the `semgrep-core` engine bundled with the installed semgrep package directly.

Why: on one small file `semgrep scan` spends ~1.5 s starting its Python CLI, validating the
rules over RPC and planning targets before the engine runs for ~0.2 s; `semgrep --version`
alone costs ~1.9 s. Calling the engine with the command line `semgrep scan` itself builds
(see `semgrep scan --dump-command-for-core`) removes that overhead; bench/README.md has the
measurements. The price is a private interface: the `-targets` file is semgrep's internal
`Targets` ATD type. So the direct path is used only when

  * the installed semgrep's version is in `DIRECT_VERSIONS` (the range the compatibility
    test tests/test_semgrep_engine.py runs against; pyproject pins the same range),
  * the `semgrep` that gate would otherwise run is the one installed beside gate (a
    different or fake `semgrep` first on PATH means the user chose that one: use it),
  * the bundled `semgrep-core` and `lang.json` exist,

and any failure of the direct call (no JSON, a fatal error, a target it did not scan) is
reported as a `DirectEngineError`, on which the adapter falls back to the CLI.

Safety flags, equivalently: the engine never reads `.semgrepignore`/`.gitignore` (gate
passes the exact files), never talks to the network, and reports `nosemgrep` matches with
`is_ignored`, which gate disregards (gate's own suppression is the only one).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from gate.scanning.base import ScanOutcome
from gate.scanning.processes import run_process
from gate.scanning.versions import installed_version

DIRECT_VERSIONS = ((1, 182), (1, 200))  # [low, high): tested by tests/test_semgrep_engine.py
_MULTILANG = ("generic", "regex")
_SHEBANG_BYTES = 255


class DirectEngineError(Exception):
    """The direct call did not give a trustworthy answer; the CLI should be tried."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Engine:
    version: str  # the installed semgrep distribution's version, e.g. "1.182.0"
    core: Path
    languages: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]  # key -> (exts, shebangs)
    analyzer_ids: Mapping[str, str]  # any language key ("javascript") -> analyzer id ("js")


def find_engine(cli: str | None) -> Engine | None:
    """The bundled engine, if the direct path is allowed for this `semgrep` executable."""
    if cli is None:
        return None
    beside = Path(sys.executable).parent / "semgrep"
    try:
        if not beside.is_file() or not Path(cli).resolve().samefile(beside.resolve()):
            return None
        found = installed_version("semgrep")
    except OSError:
        return None
    if found is None:
        return None
    version = found
    if not _in_range(version):
        return None
    spec = importlib.util.find_spec("semgrep")
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    core = package / "bin" / "semgrep-core"
    lang_file = package / "semgrep_interfaces" / "lang.json"
    if not (core.is_file() and os.access(core, os.X_OK) and lang_file.is_file()):
        return None
    try:
        languages, ids = _load_languages(str(lang_file))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Engine(version=version, core=core, languages=languages, analyzer_ids=ids)


def _in_range(version: str) -> bool:
    try:
        parts = tuple(int(x) for x in version.split(".")[:2])
    except ValueError:
        return False
    low, high = DIRECT_VERSIONS
    return low <= parts < high


@lru_cache(maxsize=4)
def _load_languages(
    path: str,
) -> tuple[dict[str, tuple[tuple[str, ...], tuple[str, ...]]], dict[str, str]]:
    entries = json.loads(Path(path).read_text(encoding="utf-8"))
    languages: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    ids: dict[str, str] = {}
    for entry in entries:
        languages[entry["id"]] = (tuple(entry["exts"]), tuple(entry.get("shebangs") or ()))
        for key in (entry["id"], *entry["keys"]):
            ids[str(key).lower()] = entry["id"]
    return languages, ids


def analyzers_for(
    engine: Engine, root: Path, path: str, rule_languages: Iterable[str]
) -> list[str]:
    """The engine analyzers `semgrep scan` would pair this file with (extension or shebang)."""
    found: list[str] = []
    for language in sorted({engine.analyzer_ids.get(k.lower(), k.lower()) for k in rule_languages}):
        if language in _MULTILANG:
            found.append(language)
            continue
        exts, shebangs = engine.languages.get(language, ((), ()))
        if any(path.endswith(ext) for ext in exts if ext) or _has_shebang(root / path, shebangs):
            found.append(language)
    return found


def _has_shebang(full: Path, shebangs: Sequence[str]) -> bool:
    if not shebangs or not os.access(full, os.X_OK) or not full.is_file():
        return False
    try:
        with full.open("rb") as handle:
            line = handle.readline(_SHEBANG_BYTES).decode("utf-8").rstrip()
    except (OSError, UnicodeDecodeError):
        return False
    if not line.startswith("#!"):
        return False
    words = line[2:].split()
    if not words:
        return False
    program = Path(words[0]).name
    if program == "env" and len(words) > 1:
        program = next((w for w in words[1:] if not w.startswith("-")), "")
    return program in shebangs


def targets_document(pairs: Iterable[tuple[str, str]]) -> str:
    """The `-targets` file: `["Targets", [["CodeTarget", {...}], ...]]` (semgrep 1.182)."""
    items = [
        [
            "CodeTarget",
            {
                "path": {"fpath": path, "ppath": "/" + path},
                "analyzer": analyzer,
                "products": ["sast"],
            },
        ]
        for path, analyzer in pairs
    ]
    return json.dumps(["Targets", items])


RULE_TIMEOUT = 30  # seconds per rule and file, the CLI's default
RULE_TIMEOUT_MAX = 300


def rule_timeout(largest_file_bytes: int) -> int:
    """The engine's per-rule, per-file timeout for a batch whose largest file has this
    size: 30 s up to 100 KB, 30 s more per further 100 KB, at most 300 s. A 6,000-line
    integration test needs more than a 200-line handler; a timeout is still a coverage gap
    (reported), and the scanner's own budget still bounds the whole run."""
    extra = max(0, largest_file_bytes - 100_000) * RULE_TIMEOUT // 100_000
    return min(RULE_TIMEOUT_MAX, RULE_TIMEOUT + extra)


def largest_file(root: Path, paths: Iterable[str]) -> int:
    """The size in bytes of the largest of `paths` under `root` (0 when none can be read)."""
    sizes = [0]
    for path in paths:
        try:
            sizes.append((root / path).stat().st_size)
        except OSError:
            pass
    return max(sizes)


def run_core(
    engine: Engine,
    *,
    rules_file: Path,
    targets_file: Path,
    root: Path,
    jobs: int,
    timeout: float,
    env: Mapping[str, str],
    per_rule: int = RULE_TIMEOUT,
) -> dict[str, Any]:
    """Run the engine; its JSON, or DirectEngineError. TimeoutExpired propagates."""
    command = [
        str(engine.core),
        "-json_nodots",
        "-rules",
        str(rules_file),
        "-targets",
        str(targets_file),
        "-timeout",
        str(per_rule),
        "-timeout_threshold",
        "3",
        "-max_memory",
        "0",
        "-fast",
        "-j",
        str(jobs),
    ]
    try:
        code, stdout, _ = run_process(command, cwd=root, timeout=timeout, env=env)
        result = subprocess.CompletedProcess(command, code, stdout, b"")
    except OSError as exc:
        raise DirectEngineError(f"semgrep-core could not start: {exc.strerror}") from None
    try:
        data = json.loads(result.stdout)
    except ValueError:
        raise DirectEngineError(f"semgrep-core exit {result.returncode}, no JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise DirectEngineError("semgrep-core JSON has no results list")
    if result.returncode != 0:
        raise DirectEngineError(f"semgrep-core exit {result.returncode}")
    return data


def cli_shaped_errors(
    errors: Iterable[Mapping[str, Any]], targets: set[str]
) -> list[dict[str, Any]]:
    """Core's error records in the `semgrep scan --json` shape the adapter already reads.

    An error located in a target file keeps its path (that file is unanalysed or partly
    parsed); anything else (a rule that does not parse, a fatal error) gets no path, which
    the adapter treats as the whole scan failing.
    """
    shaped = []
    for error in errors:
        location = error.get("location") or {}
        path = str(location.get("path") or "")
        shaped.append(
            {
                "type": error.get("error_type"),
                "level": "error" if error.get("severity") == "error" else "warn",
                "message": str(error.get("message") or error.get("error_type") or ""),
                "path": path if path in targets else None,
                "rule_id": error.get("rule_id"),
            }
        )
    return shaped


def semgrep_on_path() -> str | None:
    return shutil.which("semgrep")


_GAVE_UP = re.compile(r"timeout|memory|too ?many|fixpoint|stack", re.I)
_FAILED = re.compile(r"syntax error|lexical error|parse error|exception|fatal", re.I)


def unanalysed_from_errors(errors: Sequence[Mapping[str, Any]]) -> tuple[tuple[str, str], ...]:
    """Files semgrep could not parse at all (partial parses still count as analysed)."""
    result: dict[str, str] = {}
    for error in errors:
        path = error.get("path")
        kind = error.get("type")
        name = kind[0] if isinstance(kind, list) and kind else str(kind)
        if not path or name in ("PartialParsing",):
            continue
        # A per-file engine timeout or memory limit comes at level "warn", and so does an
        # engine exception while matching a file ("Other syntax error ... Invalid_argument",
        # which drops every rule's findings for it): the file was not analysed all the same.
        if error.get("level") == "error" or _GAVE_UP.search(name) or _FAILED.search(name):
            result[_strip(str(path))] = f"semgrep: {name}"
    return tuple(sorted(result.items()))


def not_scanned(outcome: ScanOutcome, data: Mapping[str, Any]) -> ScanOutcome:
    """`semgrep scan`'s outcome with every file missing from `paths.scanned` unanalysed."""
    scanned = {_strip(str(p)) for p in (data.get("paths") or {}).get("scanned") or ()}
    missing = [p for p in outcome.files if p not in scanned]
    if not missing:
        return outcome
    listed = tuple((p, "semgrep: did not scan this file") for p in missing)
    return replace(
        outcome,
        files=tuple(p for p in outcome.files if p in scanned),
        unanalysed=tuple(sorted(outcome.unanalysed + listed)),
    )


def _strip(path: str) -> str:
    return path[2:] if path.startswith("./") else path
