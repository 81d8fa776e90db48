"""The GitHub Action's steps (`action.yml`): ``python -m gate.commands.action prep|run``.

Every input arrives as a ``GATE_*`` environment variable set in the step's ``env:``
(never interpolated into a script). ``run``:

1. works out the base: the ``base`` input, else from the event payload
   (``GITHUB_EVENT_PATH``, via `gate.change.ci`): the PR base for ``pull_request`` /
   ``pull_request_target`` / ``merge_group``, ``before`` for ``push``, the default
   branch when the payload has neither (new branch, ``workflow_dispatch``), the empty
   tree for the first push of a repository; and the head: for a pull request
   ``pull_request.head.sha``, not the test merge commit that is checked out;
2. makes sure base and head are in the clone: in a shallow checkout it fetches them
   with growing ``--depth`` (then ``--unshallow``), else says to use
   ``fetch-depth: 0``;
3. runs ``gate run --base ... [--head ...] --json ... --sarif ... --category ...
   --format summary --format github-annotations`` in a subprocess, exactly as a
   developer would;
4. appends the summary to ``GITHUB_STEP_SUMMARY`` (capped at 1 MiB), prints the
   annotations, writes the outputs to ``GITHUB_OUTPUT``, posts when asked, and exits
   with gate's exit code so a failing verdict fails the step.

With ``post-from`` it scans nothing: it posts that saved result (the privileged job of
a split workflow) and exits with its verdict's code.

``prep`` (run before gate is installed, with the action's directory on
``PYTHONPATH``; standard library only) computes what to install and the cache key.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gate.change.checkout import base_from_event, ensure_base, head_from_event
from gate.commands.action_io import (
    append_summary,
    escape_command,
    report_outputs,
    write_outputs,
)
from gate.commands.workflow_log import own_commands, protect_log
from gate.errors import GateError, UsageError

_SOURCE_DIRS = ("gate", "reporters", "policies")
_TOKEN_VARS = frozenset({"GATE_GITHUB_TOKEN", "GITHUB_TOKEN", "GH_TOKEN"})


# --- inputs ---------------------------------------------------------------------------


def _flag(environ: Mapping[str, str], name: str, default: bool) -> bool:
    value = environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in ("true", "yes", "1", "on"):
        return True
    if value in ("false", "no", "0", "off"):
        return False
    raise UsageError(f"{name}={value!r}: expected true or false")


def _optional_flag(environ: Mapping[str, str], name: str) -> bool | None:
    return _flag(environ, name, False) if environ.get(name, "").strip() else None


def _words(value: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s,]+", value) if w)


@dataclass(frozen=True, slots=True, kw_only=True)
class Inputs:
    config: str = ""
    base: str = ""
    fail_on: str = ""
    warn_on: str = ""
    filter_mode: str = ""
    formats: tuple[tuple[str, str], ...] = ()  # (format, path)
    sarif: str = ""
    report: str = ""
    summary: bool = True
    annotations: bool = True
    post: bool = False
    comment: bool | None = None
    check_run: bool | None = None
    labels: bool | None = None
    packs: tuple[str, ...] = ()
    working_directory: str = "."
    category: str = ""
    baseline: str = ""  # "on" | "off" | "" (the base commit's .gate.yml decides)
    post_from: str = ""  # post a saved result instead of scanning (the privileged job)

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Inputs:
        formats = []
        for line in environ.get("GATE_FORMATS", "").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, sep, path = line.partition("=")
            if not sep or not name.strip() or not path.strip():
                raise UsageError(f"formats: '{line}': write one FORMAT=PATH per line")
            formats.append((name.strip(), path.strip()))
        return cls(
            config=environ.get("GATE_CONFIG", "").strip(),
            base=environ.get("GATE_BASE", "").strip(),
            fail_on=environ.get("GATE_FAIL_ON", "").strip(),
            warn_on=environ.get("GATE_WARN_ON", "").strip(),
            filter_mode=environ.get("GATE_FILTER_MODE", "").strip(),
            formats=tuple(formats),
            sarif=environ.get("GATE_SARIF", "").strip(),
            report=environ.get("GATE_REPORT", "").strip(),
            summary=_flag(environ, "GATE_SUMMARY", True),
            annotations=_flag(environ, "GATE_ANNOTATIONS", True),
            post=_flag(environ, "GATE_POST", False),
            comment=_optional_flag(environ, "GATE_COMMENT"),
            check_run=_optional_flag(environ, "GATE_CHECK_RUN"),
            labels=_optional_flag(environ, "GATE_LABELS"),
            packs=_words(environ.get("GATE_PACKS", "")),
            working_directory=environ.get("GATE_WORKING_DIRECTORY", "").strip() or ".",
            category=environ.get("GATE_CATEGORY", "").strip() or default_category(environ),
            post_from=environ.get("GATE_POST_FROM", "").strip(),
            baseline=_baseline(environ.get("GATE_BASELINE", "")),
        )


def _baseline(value: str) -> str:
    text = value.strip().lower()
    if text not in ("", "on", "off"):
        raise UsageError(f"baseline: '{value.strip()}' is not on or off (or empty for .gate.yml)")
    return text


def default_category(environ: Mapping[str, str]) -> str:
    """gate/<workflow file>:<job>[/<matrix values>][/<working-directory>]: one code
    scanning analysis per job, matrix entry and directory."""
    workflow_ref = environ.get("GITHUB_WORKFLOW_REF", "")  # owner/repo/.github/workflows/x.yml@ref
    workflow = workflow_ref.partition("@")[0].rpartition("/")[2] or environ.get(
        "GITHUB_WORKFLOW", ""
    )
    parts = [f"gate/{workflow or 'workflow'}:{environ.get('GITHUB_JOB') or 'job'}"]
    try:
        matrix = json.loads(environ.get("GATE_MATRIX") or "null")
    except ValueError:
        matrix = None
    if isinstance(matrix, dict) and matrix:
        values = (
            v if isinstance(v, str) else json.dumps(v, sort_keys=True) for v in matrix.values()
        )
        parts.append(",".join(f"{k}={v}" for k, v in sorted(zip(matrix, values, strict=True))))
    directory = environ.get("GATE_WORKING_DIRECTORY", "").strip().strip("/")
    if directory and directory != ".":
        parts.append(directory)
    return "/".join(parts)


# --- base ------------------------------------------------------------------------------


def gate_argv(
    inputs: Inputs, base: str, report: str, sarif: str, work: Path, head: str = ""
) -> list[str]:
    argv = [sys.executable, "-m", "gate", "run", "--base", base, "--json", report]
    if head:  # the PR head, not the merge commit that is checked out
        argv += ["--head", head]
    argv += ["--sarif", sarif]
    for flag, value in (
        ("--category", inputs.category),
        ("--config", inputs.config),
        ("--fail-on", inputs.fail_on),
        ("--warn-on", inputs.warn_on),
        ("--filter-mode", inputs.filter_mode),
        ("--baseline", inputs.baseline),
    ):
        if value:
            argv += [flag, value]
    if inputs.packs:
        from gate.commands.scan import run

        if not any("--pack" in getattr(p, "opts", ()) for p in run.params):
            raise UsageError(
                "the packs input needs `gate run --pack`, which this gate version lacks"
            )
        for pack in inputs.packs:
            argv += ["--pack", pack]
    argv += ["--format", "summary", "--output", str(work / "summary.md")]
    argv += ["--format", "github-annotations", "--output", str(work / "annotations.txt")]
    for name, path in inputs.formats:
        argv += ["--format", name, "--output", path]
    return argv


def _post(data: Mapping[str, Any], inputs: Inputs, environ: Mapping[str, str]) -> None:
    from gate.forges.posting import post_report
    from gate.report import Report

    report = Report.from_dict(data)
    settings = dict(report.config.get("github") or {})
    for key, value in (
        ("comment", inputs.comment),
        ("check_run", inputs.check_run),
        ("labels", inputs.labels),
    ):
        if value is not None:
            settings[key] = value
    try:
        result = post_report(report, environ, settings, provider="github")
    except GateError as exc:
        message = escape_command(f"posting failed, verdict unchanged: {exc}")
        own_commands(f"::warning title=gate::{message}\n")
        return
    print(f"gate: {result.summary()}", flush=True)


def run_action(environ: Mapping[str, str]) -> int:
    inputs = Inputs.from_env(environ)
    root = Path(inputs.working_directory).resolve()
    if not root.is_dir():
        raise UsageError(f"working-directory {inputs.working_directory}: no such directory")
    os.chdir(root)
    if inputs.post_from:
        return _post_saved(inputs, environ)
    base = inputs.base or base_from_event(environ)
    head = head_from_event(environ)
    ensure_base(root, base, environ, sys.stdout, head)
    out_dir = Path(environ.get("RUNNER_TEMP") or tempfile.gettempdir()) / "gate"
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="run-", dir=out_dir))
    report = str(Path(inputs.report).resolve()) if inputs.report else str(out_dir / "gate.json")
    sarif = str(Path(inputs.sarif).resolve()) if inputs.sarif else str(out_dir / "gate.sarif")
    for stale in (report, sarif):
        Path(stale).unlink(missing_ok=True)
    argv = gate_argv(inputs, base, report, sarif, work, head)
    print(f"gate: {' '.join(argv[2:])}", flush=True)
    # The scan needs no token: keep it out of the scanners' environment.
    env = {k: v for k, v in os.environ.items() if k not in _TOKEN_VARS}
    code = subprocess.run(argv, env=env, check=False).returncode  # noqa: S603 - our own argv
    try:
        data: dict[str, Any] = json.loads(Path(report).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        own_commands(
            f"::error title=gate::gate could not produce a result (exit {code}); see the log\n"
        )
        write_outputs(environ, {"verdict": "error", "exit-code": str(code), "report": ""})
        append_summary(environ, f"## gate: error\n\ngate exited {code} without a result.\n")
        return code or 3
    if inputs.summary:
        append_summary(environ, _read(work / "summary.md"))
    if inputs.annotations:
        own_commands(_read(work / "annotations.txt"))  # gate's own, every field escaped
    outputs = report_outputs(data, report, sarif if Path(sarif).is_file() else "")
    write_outputs(environ, {**outputs, "exit-code": str(code)})
    if inputs.post:
        _post(data, inputs, environ)
    return code


def _post_saved(inputs: Inputs, environ: Mapping[str, str]) -> int:
    """The privileged half of a split workflow: post a result an earlier job saved.
    Nothing is checked out or scanned; the file is data and `post_report` verifies it."""
    path = Path(inputs.post_from).resolve()
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"post-from {inputs.post_from}: not a gate JSON result ({exc})") from None
    from gate.evidence.result_check import check_result, find_record, trusted_keys
    from gate.report import Report

    print(check_result(path, find_record(path, None), trusted_keys(environ)), file=sys.stderr)
    code = Report.from_dict(data).exit_code
    write_outputs(environ, {**report_outputs(data, str(path), ""), "exit-code": str(code)})
    _post(data, inputs, environ)
    return code


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


# --- prep ------------------------------------------------------------------------------


def source_digest(action_path: Path) -> str:
    """A digest of the action's own source: the cache key changes when the code does."""
    digest = hashlib.sha256()
    files = [action_path / "pyproject.toml"]
    for name in _SOURCE_DIRS:
        files += sorted(p for p in (action_path / name).rglob("*") if p.is_file())
    for path in files:
        if "__pycache__" in path.parts or not path.is_file():
            continue
        digest.update(path.relative_to(action_path).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def prep(environ: Mapping[str, str]) -> dict[str, str]:
    """What to pip-install, where the venv lives, and the cache key for it."""
    action_path = Path(environ.get("GITHUB_ACTION_PATH") or Path(__file__).parents[2])
    version = environ.get("GATE_VERSION", "").strip()
    if version:
        if not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z._-]{0,99}", version):
            raise UsageError(f"version {version!r}: expected a tag or a full commit sha")
        server = environ.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
        repository = environ.get("GITHUB_ACTION_REPOSITORY", "")
        if not repository:
            raise UsageError("version: GITHUB_ACTION_REPOSITORY is not set (not in Actions?)")
        package, tag = f"prereview-gate @ git+{server}/{repository}@{version}", version
    else:
        from gate import __version__

        package, tag = str(action_path), f"{__version__}-src{source_digest(action_path)}"
    python = ".".join(str(n) for n in sys.version_info[:3])
    system = f"{platform.system()}-{platform.machine()}".lower()
    venv = Path.home() / ".cache" / "prereview-gate" / f"venv-py{python}-{tag}"
    return {
        "version": tag,
        "package": package,
        "venv": str(venv),
        "cache-key": f"prereview-gate-{system}-py{python}-{tag}",
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else "run"
    protect_log()  # GitHub Actions: nothing from the PR becomes a workflow command
    try:
        if command == "prep":
            write_outputs(os.environ, prep(os.environ))
            return 0
        if command == "run":
            return run_action(os.environ)
    except GateError as exc:
        own_commands(f"::error title=gate::{escape_command(str(exc))}\n")
        print(f"gate: error: {exc}", file=sys.stderr, flush=True)
        return exc.exit_code
    print(f"gate.commands.action: unknown command {command!r} (use prep or run)", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
