"""One direct `semgrep-core` run: pair each file with the analyzers its rules need, run the
engine once, and check that it scanned every file it was given.

Files no rule applies to (a Markdown file, `package.json`) are not sent at all and come
back in `DirectRun.no_rules`: for them semgrep has nothing to say, which is not a failure
(`gate.scanning.rule_paths`). A file the engine was given but skipped raises
`MissedTargetsError` carrying the finished run, so the adapter re-scans only that file
through the CLI instead of starting over.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gate.scanning.base import ScanRequest
from gate.scanning.batches import Batch, cores, plan_batches, run_batches
from gate.scanning.rule_errors import rule_config_error
from gate.scanning.rule_paths import applies, rule_scopes
from gate.scanning.semgrep_core import (
    DirectEngineError,
    Engine,
    analyzers_for,
    cli_shaped_errors,
    largest_file,
    rule_timeout,
    run_core,
    targets_document,
)
from gate.scanning.semgrep_results import batch_outcome

__all__ = ["DirectRun", "MissedTargetsError", "run_direct"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DirectRun:
    results: tuple[Any, ...]
    errors: tuple[dict[str, Any], ...]
    paths: tuple[str, ...]  # files sent to the engine
    no_rules: tuple[str, ...]  # files no enabled rule applies to
    unfinished: tuple[str, ...] = ()  # in batches the time budget ran out on (batches.py)


class MissedTargetsError(DirectEngineError):
    """The engine ran but did not scan every file it was given."""

    def __init__(self, missing: list[str], run: DirectRun) -> None:
        super().__init__(f"semgrep-core did not scan {missing[0]}")
        self.paths = missing
        self.run = run


def run_direct(
    engine: Engine,
    rules_file: Path,
    request: ScanRequest,
    work: Path,
    env: Mapping[str, str],
    version: str,
) -> DirectRun:
    """Every batch's output, each handed to `request.on_partial` as it finishes."""
    rules = request.catalog.semgrep_rules
    languages = {str(lang) for rule in rules for lang in rule["languages"]}
    scopes = rule_scopes(rules, engine.analyzer_ids)
    pairs: list[tuple[str, str]] = []
    no_rules: list[str] = []
    rule_analyzers = {engine.analyzer_ids.get(lang.lower(), lang.lower()) for lang in languages}
    for target in request.targets:
        candidates = analyzers_for(engine, request.root, target.path, languages)
        known = engine.analyzer_ids.get(target.language, target.language)
        if known in rule_analyzers and known in engine.languages and known not in candidates:
            # known by content (a shebang, `.pyw`, a trailing blank): pair it by language
            candidates.append(known)
        analyzers = [
            a
            for a in candidates
            if any(a in s.analyzers and applies(s, target.path) for s in scopes)
        ]
        pairs.extend((target.path, a) for a in analyzers)
        if not analyzers:
            no_rules.append(target.path)
    paths = tuple(t.path for t in request.targets if t.path not in no_rules)
    if not pairs:
        return DirectRun(results=(), errors=(), paths=paths, no_rules=tuple(no_rules))
    workers = cores()
    batches = plan_batches(pairs, request.root, workers)

    def run_batch(batch: Batch, seconds_left: float) -> dict[str, Any]:
        fd, name = tempfile.mkstemp(prefix="targets-", suffix=".json", dir=work)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(targets_document(batch.pairs))
        jobs = workers if len(batches) == 1 else 1  # one process: the engine's own -j
        output = run_core(
            engine,
            rules_file=rules_file,
            targets_file=Path(name),
            root=request.root,
            jobs=max(1, min(jobs, len(batch.paths))),
            timeout=seconds_left,
            env=env,
            per_rule=rule_timeout(largest_file(request.root, batch.paths)),
        )
        if request.on_partial is not None:
            partial = batch_outcome(batch.paths, output, request, version)
            if partial is not None:
                request.on_partial(partial)
        return output

    done = run_batches(
        batches, run_batch, workers=min(workers, len(batches)), timeout=request.timeout
    )
    if not done.outputs:  # nothing finished: the scan timed out, as a whole
        raise subprocess.TimeoutExpired(str(engine.core), request.timeout)
    outputs = done.outputs
    raw_errors = [e for out in outputs for e in out.get("errors") or ()]
    errors = cli_shaped_errors(raw_errors, set(paths))
    fatal = [e for e in errors if e["level"] == "error" and not e["path"]]
    if fatal:
        broken_rule = rule_config_error(errors, request.catalog)
        if broken_rule is not None:
            raise broken_rule
        raise DirectEngineError(str(fatal[0]["message"]).splitlines()[0][:200])
    run = DirectRun(
        results=tuple(r for out in outputs for r in out["results"]),
        errors=tuple(errors),
        paths=paths,
        no_rules=tuple(no_rules),
        unfinished=done.unfinished,
    )
    scanned = {p for out in outputs for p in (out.get("paths") or {}).get("scanned") or ()}
    missing = set(paths) - scanned - set(done.unfinished)
    missing -= {str(e["path"]) for e in errors if e["path"]}
    if missing and not scanned:
        raise DirectEngineError(f"semgrep-core did not scan {sorted(missing)[0]}")  # broken
    if missing:
        raise MissedTargetsError(sorted(missing), run)
    return run
