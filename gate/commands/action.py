"""The GitHub Action's steps (`action.yml`): ``python -m gate.commands.action prep|run``.

Every input arrives as a ``GATE_*`` environment variable set in the step's ``env:``
(never interpolated into a script). ``run``:

1. works out the base: the ``base`` input, else from the event payload
   (``GITHUB_EVENT_PATH``, via `gate.change.ci`): the PR base for ``pull_request`` /
   ``pull_request_target`` / ``merge_group``, ``before`` for ``push``, the default
   branch when the payload has neither (new branch, ``workflow_dispatch``);
2. makes sure the base is in the clone: in a shallow checkout it fetches the base
   and HEAD with growing ``--depth`` (then ``--unshallow``), else says to use
   ``fetch-depth: 0``;
3. runs ``gate run --base ... --json ... --sarif ... --format summary
   --format github-annotations`` in a subprocess, exactly as a developer would;
4. appends the summary to ``GITHUB_STEP_SUMMARY`` (capped at 1 MiB), prints the
   annotations, writes the outputs to ``GITHUB_OUTPUT``, posts when asked, and exits
   with gate's exit code so a failing verdict fails the step.

``prep`` (run before gate is installed, with the action's directory on
``PYTHONPATH``; standard library only) computes what to install and the cache key.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from gate.errors import GateError, UsageError

SUMMARY_LIMIT = 1024 * 1024  # GITHUB_STEP_SUMMARY: at most 1 MiB per step
_SHA = re.compile(r"^[0-9a-f]{40}$")
_DEPTHS = (50, 500)
_SOURCE_DIRS = ("gate", "reporters", "policies")
_TOKEN_VARS = frozenset({"GATE_GITHUB_TOKEN", "GITHUB_TOKEN", "GH_TOKEN"})
SEVERITY_OUTPUTS = ("critical", "high", "medium", "low", "info")


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
        )


# --- base ------------------------------------------------------------------------------


def base_from_event(environ: Mapping[str, str]) -> str:
    """The base to compare against, from the event that triggered the workflow."""
    from gate.change.ci import detect

    ctx = detect(environ)
    if ctx is None or ctx.provider != "github":
        raise UsageError(
            "not running in GitHub Actions (GITHUB_ACTIONS is not 'true'): set the base input"
        )
    if ctx.base_sha:
        return ctx.base_sha
    default_branch = _default_branch(environ.get("GITHUB_EVENT_PATH", ""))
    if default_branch and default_branch != ctx.head_ref:
        return f"origin/{default_branch}"
    raise UsageError(
        f"cannot tell what to compare for a '{ctx.event or 'unknown'}' event: set the base "
        "input (e.g. base: origin/main), or run on pull_request / push"
    )


def _default_branch(event_path: str) -> str:
    try:
        with open(event_path, encoding="utf-8") as handle:
            payload = json.load(handle)
    except (OSError, ValueError):
        return ""
    repository = payload.get("repository") if isinstance(payload, dict) else None
    branch = repository.get("default_branch") if isinstance(repository, dict) else None
    return branch if isinstance(branch, str) else ""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    from gate.change.diff import git

    return git(root, *args, check=False)


def _has_merge_base(root: Path, base: str) -> bool:
    found = _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    return found.returncode == 0 and _git(root, "merge-base", base, "HEAD").returncode == 0


def _refspec(base: str) -> str:
    if _SHA.match(base):
        return base
    if base.startswith("origin/"):
        branch = base.removeprefix("origin/")
        return f"+refs/heads/{branch}:refs/remotes/origin/{branch}"
    return base


def ensure_base(root: Path, base: str, environ: Mapping[str, str], log: TextIO) -> None:
    """Make `base` and its merge-base with HEAD available, fetching in a shallow CI clone."""
    if _has_merge_base(root, base):
        return
    if environ.get("GITHUB_ACTIONS") != "true":
        raise UsageError(
            f"the base {base} (or its merge-base with HEAD) is not in this clone: "
            f"fetch it first (git fetch origin {base})"
        )
    head = _git(root, "rev-parse", "HEAD").stdout.decode().strip()
    for depth in _DEPTHS:
        print(f"gate: fetching {base} and HEAD (depth {depth}): shallow checkout", file=log)
        _git(root, "fetch", "--no-tags", "--quiet", f"--depth={depth}", "origin",
             _refspec(base), head)  # fmt: skip
        if _has_merge_base(root, base):
            return
    if _git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true":
        print("gate: fetching the full history (--unshallow)", file=log)
        _git(root, "fetch", "--no-tags", "--quiet", "--unshallow", "origin", _refspec(base))
        if _has_merge_base(root, base):
            return
    raise UsageError(
        f"the base {base} has no merge-base with HEAD in this clone, even after fetching: "
        "use actions/checkout with `fetch-depth: 0`"
    )


# --- outputs ---------------------------------------------------------------------------


def format_output(name: str, value: str) -> str:
    """One GITHUB_OUTPUT entry: name=value, or a heredoc with a delimiter not in value."""
    if "\n" not in value and "\r" not in value:
        return f"{name}={value}\n"
    lines = set(value.splitlines())
    delimiter = f"gate_{secrets.token_hex(8)}"
    while delimiter in lines:
        delimiter = f"gate_{secrets.token_hex(8)}"
    return f"{name}<<{delimiter}\n{value}\n{delimiter}\n"


def write_outputs(environ: Mapping[str, str], values: Mapping[str, str]) -> None:
    path = environ.get("GITHUB_OUTPUT", "")
    text = "".join(format_output(k, v) for k, v in values.items())
    if not path:
        sys.stdout.write(text)
        return
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def report_outputs(data: Mapping[str, Any], report: str, sarif: str) -> dict[str, str]:
    """The action's outputs from a JSON result (`gate run --json`)."""
    findings = [f for f in data.get("findings") or () if f.get("status", "active") == "active"]
    counts = {s: sum(1 for f in findings if f.get("severity") == s) for s in SEVERITY_OUTPUTS}
    risk = data.get("risk") or {}
    return {
        "verdict": str(data.get("verdict", "error")),
        "reason": str(data.get("verdict_reason", "")),
        "tier": str(risk.get("tier", "")),
        "tier-name": str(risk.get("name", "")),
        "findings": str(len(findings)),
        **{s: str(n) for s, n in counts.items()},
        "report": report,
        "sarif": sarif,
    }


def append_summary(environ: Mapping[str, str], text: str) -> None:
    path = environ.get("GITHUB_STEP_SUMMARY", "")
    if not path or not text:
        return
    data = text.encode("utf-8")
    if len(data) > SUMMARY_LIMIT:
        note = "\n\n_gate: summary truncated at 1 MiB; the full result is in the report._\n"
        keep = SUMMARY_LIMIT - len(note.encode()) - 4
        data = data[:keep].decode("utf-8", "ignore").encode("utf-8") + note.encode()
    with open(path, "ab") as handle:
        handle.write(data)


# --- run -------------------------------------------------------------------------------


def gate_argv(inputs: Inputs, base: str, report: str, sarif: str, work: Path) -> list[str]:
    argv = [sys.executable, "-m", "gate", "run", "--base", base, "--json", report]
    argv += ["--sarif", sarif]
    for flag, value in (
        ("--config", inputs.config),
        ("--fail-on", inputs.fail_on),
        ("--warn-on", inputs.warn_on),
        ("--filter-mode", inputs.filter_mode),
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
    from gate.forges.github import post_report
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
        message = _escape(f"posting failed, verdict unchanged: {exc}")
        print(f"::warning title=gate::{message}", flush=True)
        return
    print(f"gate: {result.summary()}", flush=True)


def run_action(environ: Mapping[str, str]) -> int:
    inputs = Inputs.from_env(environ)
    root = Path(inputs.working_directory).resolve()
    if not root.is_dir():
        raise UsageError(f"working-directory {inputs.working_directory}: no such directory")
    os.chdir(root)
    base = inputs.base or base_from_event(environ)
    ensure_base(root, base, environ, sys.stdout)
    out_dir = Path(environ.get("RUNNER_TEMP") or tempfile.gettempdir()) / "gate"
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="run-", dir=out_dir))
    report = str(Path(inputs.report).resolve()) if inputs.report else str(out_dir / "gate.json")
    sarif = str(Path(inputs.sarif).resolve()) if inputs.sarif else str(out_dir / "gate.sarif")
    for stale in (report, sarif):
        Path(stale).unlink(missing_ok=True)
    argv = gate_argv(inputs, base, report, sarif, work)
    print(f"gate: {' '.join(argv[2:])}", flush=True)
    # The scan needs no token: keep it out of the scanners' environment.
    env = {k: v for k, v in os.environ.items() if k not in _TOKEN_VARS}
    code = subprocess.run(argv, env=env, check=False).returncode  # noqa: S603 - our own argv
    try:
        data: dict[str, Any] = json.loads(Path(report).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        print(f"::error title=gate::gate could not produce a result (exit {code}); see the log")
        write_outputs(environ, {"verdict": "error", "exit-code": str(code), "report": ""})
        append_summary(environ, f"## gate: error\n\ngate exited {code} without a result.\n")
        return code or 3
    if inputs.summary:
        append_summary(environ, _read(work / "summary.md"))
    if inputs.annotations:
        sys.stdout.write(_read(work / "annotations.txt"))
        sys.stdout.flush()
    outputs = report_outputs(data, report, sarif if Path(sarif).is_file() else "")
    write_outputs(environ, {**outputs, "exit-code": str(code)})
    if inputs.post:
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
        package, tag = f"prereview-gate=={version}", version
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
    try:
        if command == "prep":
            write_outputs(os.environ, prep(os.environ))
            return 0
        if command == "run":
            return run_action(os.environ)
    except GateError as exc:
        print(f"::error title=gate::{_escape(str(exc))}", flush=True)
        print(f"gate: error: {exc}", file=sys.stderr, flush=True)
        return exc.exit_code
    print(f"gate.commands.action: unknown command {command!r} (use prep or run)", file=sys.stderr)
    return 2


def _escape(message: str) -> str:
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


if __name__ == "__main__":
    sys.exit(main())
