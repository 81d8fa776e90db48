"""`gate evidence record|verify|keygen` and `gate audit` (registered by `governance`).

The evidence key comes from the environment only (``GATE_EVIDENCE_KEY``: a CI secret,
64 hex digits or base64 of an Ed25519 seed) and is never printed; public keys for
verification come from ``--public-key`` or ``GATE_EVIDENCE_PUBLIC_KEY``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import click

from gate.commands._app import cli, load_report, write_output
from gate.errors import ConfigError, UsageError

if TYPE_CHECKING:
    from gate.evidence.dsse import Signer
    from gate.evidence.record import RunContext
    from gate.report import Report

KEY_ENV, PUBLIC_ENV = "GATE_EVIDENCE_KEY", "GATE_EVIDENCE_PUBLIC_KEY"


def _root() -> Path:
    from gate.change.git import repo_root

    return repo_root(Path.cwd())


# --- evidence ---------------------------------------------------------------------------


def _signer() -> Signer | None:
    from gate.evidence.dsse import Signer, decode_key

    value = os.environ.get(KEY_ENV, "")
    return Signer(decode_key(value, what=f"private key in {KEY_ENV}")) if value else None


def _public_keys(given: tuple[str, ...]) -> list[bytes]:
    from gate.evidence.dsse import decode_key

    values = list(given) + [k for k in os.environ.get(PUBLIC_ENV, "").split(",") if k.strip()]
    return [decode_key(v, what="public key") for v in values]


@cli.group()
def evidence() -> None:
    """Signed, chained in-toto records of gate runs (git notes refs/notes/gate)."""


@evidence.command("record")
@click.option(
    "--from",
    "from_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default="gate-result.json",
    show_default=True,
    help="The run's JSON result.",
)
@click.option("--sarif", "sarif_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--output", default="gate-evidence.json", show_default=True, help="Envelope file.")
@click.option("--branch", default="", help="Branch the change goes to (default: from CI / base).")
@click.option("--note/--no-note", default=True, help="Also attach it as a git note.")
def evidence_record(
    from_path: Path, sarif_path: Path | None, output: str, branch: str, note: bool
) -> None:
    """Write the evidence record of a run (DSSE envelope; signed when GATE_EVIDENCE_KEY is set)."""
    from gate.evidence.dsse import envelope
    from gate.evidence.record import build_statement, record_digest
    from gate.evidence.store import next_link, read_records, write_note

    root = _root()
    report = load_report(from_path)
    run = _run_context(root, report, branch)
    artifacts = {from_path.name: from_path.read_bytes()}
    if sarif_path is not None:
        artifacts[sarif_path.name] = sarif_path.read_bytes()
    link = next_link(read_records(root), run.branch)
    statement = build_statement(report, run, artifacts=artifacts, link=link)
    signer = _signer()
    env = envelope(statement, signer)
    write_output(json.dumps(env, indent=2, sort_keys=True) + "\n", output)
    if note and report.change.head_sha:
        write_note(root, report.change.head_sha, env)
    signed = f"signed by key {signer.keyid}" if signer else "UNSIGNED (no GATE_EVIDENCE_KEY)"
    click.echo(
        f"gate: evidence record {run.branch or '-'}#{link.sequence} {record_digest(env)[:16]} "
        f"{signed} -> {output}" + (" and refs/notes/gate" if note else ""),
        err=True,
    )


def _run_context(root: Path, report: Report, branch: str) -> RunContext:
    from gate.change.ci import detect
    from gate.change.git import git
    from gate.evidence.record import RunContext

    env = os.environ
    ctx = detect(env)
    head = report.change.head_sha
    tree = git(root, "rev-parse", f"{head}^{{tree}}", check=False).stdout.decode().strip()
    default_branch = (
        ctx.base_ref if ctx and ctx.has_pull_request else env.get("GITHUB_REF_NAME", "")
    ) or report.change.base_ref
    return RunContext(
        timestamp=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        branch=(branch or default_branch).removeprefix("origin/"),
        run_id=env.get("GITHUB_RUN_ID", "") or env.get("CI_PIPELINE_ID", ""),
        run_url=ctx.run_url if ctx else "",
        actor=env.get("GITHUB_ACTOR", "") or env.get("GITLAB_USER_LOGIN", ""),
        event=ctx.event if ctx else "local",
        pr_author=ctx.author if ctx else "",
        head_tree=tree if head else "",
    )


@evidence.command("verify")
@click.argument(
    "record_path", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--result",
    "results",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A result file (JSON/SARIF) the record must name with the same digest.",
)
@click.option("--branch", default="", help="Check the chain of this branch's records in the notes.")
@click.option("--public-key", "public_keys", multiple=True, help="Trusted Ed25519 public key.")
def evidence_verify(
    record_path: Path | None, results: tuple[Path, ...], branch: str, public_keys: tuple[str, ...]
) -> None:
    """Check signatures, the chain, and that the recorded digests match the result files."""
    from gate.evidence.verify import verify_branch, verify_file

    keys = _public_keys(public_keys)
    if record_path is None and not branch:
        raise UsageError("give a record file, or --branch to check the chain in refs/notes/gate")
    problems: list[str] = []
    lines: list[str] = []
    if record_path is not None:
        ok_lines, bad = verify_file(record_path, results, keys)
        lines += ok_lines
        problems += bad
    if branch:
        ok_lines, bad = verify_branch(_root(), branch, keys)
        lines += ok_lines
        problems += bad
    for line in lines:
        click.echo(line)
    for problem in problems:
        click.echo(f"FAILED: {problem}")
    if problems:
        raise click.exceptions.Exit(1)


@evidence.command("keygen")
@click.option(
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File for the private key (created with mode 0600).",
)
def evidence_keygen(output: Path) -> None:
    """Create an Ed25519 key: store the file's content as the GATE_EVIDENCE_KEY secret."""
    from gate.evidence.dsse import Signer

    seed = secrets.token_bytes(32)
    if output.exists():
        raise UsageError(f"{output} exists; refusing to overwrite a key")
    fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(seed.hex() + "\n")
    click.echo(f"public key (GATE_EVIDENCE_PUBLIC_KEY): {Signer(seed).public.hex()}")


@cli.command()
@click.option("--branch", default="main", show_default=True)
@click.option("--since", required=True, metavar="YYYY-MM-DD")
@click.option("--until", default="", metavar="YYYY-MM-DD")
@click.option("--format", "fmt", type=click.Choice(["markdown", "html"]), default="markdown")
@click.option("--output", default="-", help="File to write ('-' = stdout).")
@click.option("--public-key", "public_keys", multiple=True, help="Trusted Ed25519 public key.")
def audit(
    branch: str, since: str, until: str, fmt: str, output: str, public_keys: tuple[str, ...]
) -> None:
    """For every change merged to BRANCH in the period: the gate's record, or NO RECORD."""
    from gate.evidence.audit import render_markdown, run_audit
    from gate.evidence.audit_html import render_html

    for name, value in (("--since", since), ("--until", until)):
        if value and not _is_date(value):
            raise UsageError(f"{name} {value}: expected YYYY-MM-DD")
    keys = _public_keys(public_keys)
    try:
        result = run_audit(
            _root(),
            branch=branch,
            since=since,
            until=until,
            keys=keys,
            require_signature=bool(keys),
        )
    except subprocess.SubprocessError as exc:  # pragma: no cover - git helper raises GitError
        raise ConfigError(str(exc)) from None
    write_output(render_html(result) if fmt == "html" else render_markdown(result), output)


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
