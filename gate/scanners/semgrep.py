"""semgrep adapter: one process per run, every enabled pack's rules merged into one file.

Fully offline: `--metrics=off`, no version check, local rules only, never the registry
or a login. A PR cannot silence semgrep: `nosemgrep` comments, `.semgrepignore` and
`.gitignore` in the change are ignored (gate's own suppression syntax is the only one).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from gate.findings import Finding
from gate.packs import Catalog
from gate.scanners.base import ScanOutcome, ScanRequest, ScanTarget, finding_from_rule

NAME = "semgrep"
_GENERIC = {"generic", "regex"}
_LANGUAGE_ALIASES = {"js": "javascript", "ts": "typescript", "py": "python", "golang": "go"}


def semgrep_executable() -> str | None:
    """semgrep on PATH (an activated environment), else the one installed beside gate."""
    found = shutil.which("semgrep")
    if found:
        return found
    beside = Path(sys.executable).parent / "semgrep"
    return str(beside) if beside.is_file() and os.access(beside, os.X_OK) else None


def offline_env() -> dict[str, str]:
    return {
        **os.environ,
        "SEMGREP_SEND_METRICS": "off",
        "SEMGREP_ENABLE_VERSION_CHECK": "0",
        "SEMGREP_APP_TOKEN": "",
        "PYTHONWARNINGS": "ignore",
    }


class SemgrepScanner:
    name = NAME

    def __init__(self) -> None:
        self._version: str | None = None

    def accepts(self, target: ScanTarget, catalog: Catalog) -> bool:
        languages = _rule_languages(catalog)
        return bool(languages & _GENERIC) or target.language in languages

    def version(self) -> str:
        if self._version is None:
            executable = semgrep_executable()
            self._version = "missing"
            if executable:
                try:
                    result = subprocess.run(  # noqa: S603
                        [executable, "--version", "--disable-version-check"],
                        capture_output=True,
                        text=True,
                        timeout=60,
                        env=offline_env(),
                        check=False,
                    )
                    self._version = (
                        result.stdout.strip().splitlines()[-1] if result.stdout else "unknown"
                    )
                except (OSError, subprocess.TimeoutExpired):
                    self._version = "unknown"
        return self._version

    def scan(self, request: ScanRequest) -> ScanOutcome:
        started = time.monotonic()
        paths = tuple(t.path for t in request.targets)

        def failed(reason: str) -> ScanOutcome:
            return ScanOutcome(
                scanner=NAME,
                version=self.version(),
                error=reason,
                duration=time.monotonic() - started,
            )

        if not request.catalog.semgrep_rules:
            return ScanOutcome(scanner=NAME, version=self.version(), files=())
        executable = semgrep_executable()
        if executable is None:
            return failed("semgrep is not installed (pip install prereview-gate brings it)")
        work = request.work_dir or Path(tempfile.mkdtemp(prefix="gate-semgrep-"))
        rules_file = work / f"rules-{request.catalog.digest[:16]}.json"
        if not rules_file.is_file():
            rules_file.write_text(request.catalog.semgrep_config_text(), encoding="utf-8")
        command = [
            executable,
            "scan",
            "--config",
            str(rules_file),
            "--json",
            "--quiet",
            "--metrics=off",
            "--disable-version-check",
            "--disable-nosem",
            "--no-git-ignore",
            "--x-ignore-semgrepignore-files",
            "--oss-only",
            "--no-rewrite-rule-ids",
            "--timeout",
            "30",
            "--jobs",
            str(max(1, os.cpu_count() or 1)),
            "--",
            *(f"./{p}" for p in paths),
        ]
        try:
            result = subprocess.run(  # noqa: S603 - fixed argv, no shell
                command,
                cwd=request.root,
                capture_output=True,
                timeout=request.timeout,
                env=offline_env(),
                check=False,
            )
        except subprocess.TimeoutExpired:
            return failed(f"semgrep timed out after {request.timeout:.0f}s")
        except OSError as exc:
            return failed(f"semgrep could not start: {exc.strerror}")
        try:
            data = json.loads(result.stdout)
            if not isinstance(data, dict) or "results" not in data:
                raise ValueError("no results key")
        except ValueError:
            tail = result.stderr.decode("utf-8", "replace").strip().splitlines()
            detail = tail[-1][:200] if tail else f"exit code {result.returncode}"
            return failed(
                f"semgrep produced no readable result (exit {result.returncode}): {detail}"
            )
        fatal = [
            e for e in data.get("errors", []) if e.get("level") == "error" and not e.get("path")
        ]
        if fatal or result.returncode not in (0, 1):
            message = (fatal[0].get("message") if fatal else "") or f"exit code {result.returncode}"
            return failed(f"semgrep failed: {str(message).splitlines()[0][:200]}")
        findings = tuple(
            f for f in (_to_finding(r, request.catalog) for r in data["results"]) if f is not None
        )
        unanalysed = _unanalysed(data.get("errors", []))
        return ScanOutcome(
            scanner=NAME,
            version=str(data.get("version") or self.version()),
            findings=findings,
            files=tuple(p for p in paths if p not in dict(unanalysed)),
            unanalysed=unanalysed,
            duration=time.monotonic() - started,
        )


def _rule_languages(catalog: Catalog) -> set[str]:
    languages: set[str] = set()
    for rule in catalog.semgrep_rules:
        for language in rule.get("languages", ()):
            text = str(language).lower()
            languages.add(_LANGUAGE_ALIASES.get(text, text))
    return languages


def _strip(path: str) -> str:
    return path[2:] if path.startswith("./") else path


def _unanalysed(errors: list[Mapping[str, Any]]) -> tuple[tuple[str, str], ...]:
    """Files semgrep could not parse at all (partial parses still count as analysed)."""
    result: dict[str, str] = {}
    for error in errors:
        path = error.get("path")
        kind = error.get("type")
        name = kind[0] if isinstance(kind, list) and kind else str(kind)
        if path and name not in ("PartialParsing",) and error.get("level") == "error":
            result[_strip(str(path))] = f"semgrep: {name}"
    return tuple(sorted(result.items()))


def _to_finding(result: Mapping[str, Any], catalog: Catalog) -> Finding | None:
    extra = result.get("extra") or {}
    metadata = extra.get("metadata") or {}
    gate_meta = metadata.get("gate") or {}
    rule_id = str(gate_meta.get("rule_id") or result.get("check_id", ""))
    rule = catalog.rule(rule_id)
    if rule is None:
        return None
    start, end = result.get("start") or {}, result.get("end") or {}
    return finding_from_rule(
        rule,
        scanner=NAME,
        path=_strip(str(result.get("path", ""))),
        start_line=int(start.get("line", 1)),
        end_line=int(end.get("line", start.get("line", 1))),
        start_col=int(start.get("col", 0)),
        end_col=int(end.get("col", 0)),
        message=str(extra.get("message") or rule.message).strip(),
        source_rule_id=str(result.get("check_id", "")),
    )
