"""semgrep adapter: one engine process per run, every enabled pack's rules merged into one file.

The engine is called directly when possible (gate.scanning.semgrep_core explains when and
why); otherwise, or when the direct call fails, through `semgrep scan`. The version
string records the path taken: "1.182.0 (semgrep-core direct)", "1.182.0 (semgrep CLI)".
The merged rule file is written once per rule set into the cache directory.

Fully offline: `--metrics=off`, no version check, local rules only, never the registry
or a login. A PR cannot silence semgrep: `nosemgrep` comments, `.semgrepignore` and
`.gitignore` in the change are ignored (gate's own suppression syntax is the only one).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from gate.policy.packs import Catalog
from gate.scanning.base import (
    ScanOutcome,
    ScanRequest,
    ScanTarget,
    scanner_env,
)
from gate.scanning.cache import write_atomic
from gate.scanning.processes import run_process
from gate.scanning.rule_errors import rule_config_error
from gate.scanning.semgrep_core import (
    DirectEngineError,
    Engine,
    find_engine,
    largest_file,
    not_scanned,
    rule_timeout,
)
from gate.scanning.semgrep_direct import DirectRun, MissedTargetsError, run_direct
from gate.scanning.semgrep_results import NAME, direct_outcome, outcome_from_results

_GENERIC = {"generic", "regex"}
DIRECT = "(semgrep-core direct)"
CLI = "(semgrep CLI)"
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
        **scanner_env(),
        "SEMGREP_SEND_METRICS": "off",
        "SEMGREP_ENABLE_VERSION_CHECK": "0",
        "SEMGREP_APP_TOKEN": "",
        "PYTHONWARNINGS": "ignore",
    }


class SemgrepScanner:
    """`engine`: "auto" (direct engine when allowed, else the CLI), "direct" or "cli"."""

    name = NAME

    def __init__(self, engine: str = "auto") -> None:
        self.engine = engine
        self._cli_version: str | None = None
        self._cache_dir: Path | None = None

    def use_cache_dir(self, directory: Path) -> None:
        self._cache_dir = directory

    def accepts(self, target: ScanTarget, catalog: Catalog) -> bool:
        languages = _rule_languages(catalog)
        return bool(languages & _GENERIC) or target.language in languages

    def _engine(self) -> Engine | None:
        return None if self.engine == "cli" else find_engine(semgrep_executable())

    def version(self) -> str:
        """Engine version and path, e.g. "1.182.0 (semgrep-core direct)": part of cache keys."""
        engine = self._engine()
        if engine is not None:
            return f"{engine.version} {DIRECT}"
        return self._version_of_cli()

    def _version_of_cli(self) -> str:
        if self._cli_version is None:
            executable = semgrep_executable()
            self._cli_version = "missing"
            if executable:
                try:
                    _, out, _ = run_process(
                        [executable, "--version", "--disable-version-check"],
                        cwd=tempfile.gettempdir(),
                        timeout=60,
                        env=offline_env(),
                    )
                    text = out.decode("utf-8", "replace").strip()
                    self._cli_version = text.splitlines()[-1] if text else "unknown"
                except (OSError, subprocess.TimeoutExpired):
                    self._cli_version = "unknown"
        return self._cli_version

    def scan(self, request: ScanRequest) -> ScanOutcome:
        started = time.monotonic()
        if not request.catalog.semgrep_rules:
            return ScanOutcome(scanner=NAME, version=self.version(), files=())
        work = request.work_dir or Path(tempfile.mkdtemp(prefix="gate-semgrep-"))
        rules_file = self._rules_file(request.catalog, work)
        engine = self._engine()
        fallback = ""
        settled: list[ScanOutcome] = []  # batches the engine finished before it failed
        if engine is not None:
            try:
                direct = replace(request, on_partial=_collecting(settled, request.on_partial))
                return _scan_direct(engine, rules_file, direct, work, started)
            except subprocess.TimeoutExpired:
                return _failed(
                    f"semgrep timed out after {request.timeout:.0f}s",
                    f"{engine.version} {DIRECT}",
                    started,
                )
            except MissedTargetsError as missed:
                if self.engine == "direct":
                    reason = f"semgrep: semgrep-core did not scan {missed.paths[0]}"
                    return _failed(reason, f"{engine.version} {DIRECT}", started)
                return self._rescan_missed(request, rules_file, missed, engine, started)
            except DirectEngineError as exc:
                if self.engine == "direct":
                    return _failed(f"semgrep: {exc}", f"{engine.version} {DIRECT}", started)
                fallback = str(exc)
                if settled:
                    return self._finish_with_cli(request, rules_file, settled, engine, fallback)
        outcome = self._scan_cli(request, rules_file, started)
        if fallback:
            version = f"{outcome.version} (semgrep CLI; direct engine failed: {fallback})"
            outcome = replace(outcome, version=version)
        return outcome

    def _finish_with_cli(
        self,
        request: ScanRequest,
        rules_file: Path,
        settled: list[ScanOutcome],
        engine: Engine,
        reason: str,
    ) -> ScanOutcome:
        """The engine failed after some batches finished: their results stand, and only
        the files they did not settle go through the CLI."""
        started = time.monotonic()
        done = {p for o in settled for p in (*o.files, *(path for path, _ in o.unanalysed))}
        rest = tuple(t for t in request.targets if t.path not in done)
        version = (
            f"{engine.version} {DIRECT} + semgrep CLI for {len(rest)} file(s) "
            f"after the direct engine failed: {reason}"
        )
        cli = ScanOutcome(scanner=NAME, version=version)  # nothing left (never scan "")
        if rest:
            cli = self._scan_cli(replace(request, targets=rest), rules_file, started)
        if not cli.ok:
            return replace(cli, version=version)
        return replace(
            cli,
            version=version,
            findings=tuple(f for o in settled for f in o.findings) + cli.findings,
            files=tuple(p for o in settled for p in o.files) + cli.files,
            unanalysed=tuple(
                sorted(cli.unanalysed + tuple(u for o in settled for u in o.unanalysed))
            ),
        )

    def _rescan_missed(
        self,
        request: ScanRequest,
        rules_file: Path,
        missed: MissedTargetsError,
        engine: Engine,
        started: float,
    ) -> ScanOutcome:
        """The engine finished but skipped some files: only those go through the CLI."""
        wanted = set(missed.paths)
        subset = replace(request, targets=tuple(t for t in request.targets if t.path in wanted))
        cli = self._scan_cli(subset, rules_file, started)
        note = f"semgrep CLI for {len(wanted)} file(s) the direct engine skipped"
        version = f"{engine.version} {DIRECT} + {note}"
        if not cli.ok:
            return replace(cli, version=version)
        direct = _direct_outcome(missed.run, request, version, started)
        kept = tuple(f for f in direct.findings if f.path not in wanted)
        return replace(
            direct,
            version=version,
            findings=kept + cli.findings,
            files=tuple(p for p in direct.files if p not in wanted) + cli.files,
            unanalysed=tuple(sorted(direct.unanalysed + cli.unanalysed)),
            duration=time.monotonic() - started,
        )

    def _rules_file(self, catalog: Catalog, work: Path) -> Path:
        """One merged rule file per rule set, kept in the cache; rewritten if it differs."""
        text = catalog.semgrep_config_text().encode("utf-8")
        digest = hashlib.sha256(text).hexdigest()[:32]
        directory = self._cache_dir / "rules" if self._cache_dir else work
        path = directory / f"semgrep-rules-{digest}.json"
        try:
            if path.read_bytes() == text:
                return path
        except OSError:
            pass
        try:
            write_atomic(path, text)
        except OSError:
            path = work / path.name
            write_atomic(path, text)
        return path

    def _scan_cli(self, request: ScanRequest, rules_file: Path, started: float) -> ScanOutcome:
        paths = tuple(t.path for t in request.targets)

        def failed(reason: str) -> ScanOutcome:
            return _failed(reason, self._version_of_cli(), started)

        executable = semgrep_executable()
        if executable is None:
            return failed("semgrep is not installed (pip install prereview-gate brings it)")
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
            "--dataflow-traces",
            "--no-rewrite-rule-ids",
            "--timeout",
            str(rule_timeout(largest_file(request.root, paths))),
            "--jobs",
            str(_jobs(len(paths))),
            "--",
            *(f"./{p}" for p in paths),
        ]
        try:
            code, stdout, stderr = run_process(
                command, cwd=request.root, timeout=request.timeout, env=offline_env()
            )
            result = subprocess.CompletedProcess(command, code, stdout, stderr)
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
        errors = data.get("errors", [])
        fatal = [e for e in errors if e.get("level") == "error" and not e.get("path")]
        broken_rule = rule_config_error(fatal, request.catalog)
        if broken_rule is not None:
            raise broken_rule  # a pack's rule semgrep rejects: configuration, exit 2
        if fatal or result.returncode not in (0, 1):
            message = (fatal[0].get("message") if fatal else "") or f"exit code {result.returncode}"
            return failed(f"semgrep failed: {str(message).splitlines()[0][:200]}")
        version = str(data.get("version") or self._version_of_cli())
        outcome = outcome_from_results(
            data["results"], errors, paths, request, f"{version} {CLI}", started
        )
        return not_scanned(outcome, data)  # an empty result with nothing scanned is no pass


def _collecting(
    into: list[ScanOutcome], then: Callable[[ScanOutcome], None] | None
) -> Callable[[ScanOutcome], None]:
    lock = threading.Lock()

    def collect(partial: ScanOutcome) -> None:
        with lock:
            into.append(partial)
        if then is not None:
            then(partial)

    return collect


def _scan_direct(
    engine: Engine, rules_file: Path, request: ScanRequest, work: Path, started: float
) -> ScanOutcome:
    version = f"{engine.version} {DIRECT}"
    run = run_direct(engine, rules_file, request, work, offline_env(), version)
    return _direct_outcome(run, request, version, started)


def _direct_outcome(
    run: DirectRun, request: ScanRequest, version: str, started: float
) -> ScanOutcome:
    return direct_outcome(
        run.results,
        run.errors,
        paths=run.paths,
        no_rules=run.no_rules,
        unfinished=run.unfinished,
        request=request,
        version=version,
        started=started,
    )


def _failed(reason: str, version: str, started: float) -> ScanOutcome:
    return ScanOutcome(
        scanner=NAME, version=version, error=reason, duration=time.monotonic() - started
    )


def _jobs(files: int) -> int:
    """semgrep parallelises over files: more domains than files only costs start-up."""
    return max(1, min(os.cpu_count() or 1, files))


def _rule_languages(catalog: Catalog) -> set[str]:
    languages: set[str] = set()
    for rule in catalog.semgrep_rules:
        for language in rule.get("languages", ()):
            text = str(language).lower()
            languages.add(_LANGUAGE_ALIASES.get(text, text))
    return languages
