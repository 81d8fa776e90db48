"""The `gate` command: flags in, exit code out. The only module that touches argv,
environment and terminal."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from gate import __version__
from gate.config import FILTER_MODES, SEVERITIES
from gate.errors import GateError, UsageError
from gate.report import Report
from gate.runner import RunOptions, run_gate

_THRESHOLDS = click.Choice([*SEVERITIES, "never"], case_sensitive=False)


def _stderr_console(ctx_obj: dict[str, Any]) -> Console:
    return Console(stderr=True, no_color=ctx_obj.get("no_color", False), highlight=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "--version", "-V", prog_name="gate", message="%(prog)s %(version)s"
)
@click.option("--no-color", is_flag=True, help="Plain output (also honoured: NO_COLOR).")
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
@click.pass_context
def cli(ctx: click.Context, no_color: bool, debug: bool) -> None:
    """gate: a pre-review quality gate for pull requests.

    Scans what a change added with semgrep, bandit and gate's own analyzers, maps
    findings to PCI DSS and SOC 2 controls, and returns one verdict with a risk tier.
    """
    ctx.ensure_object(dict)
    ctx.obj["no_color"] = no_color or bool(os.environ.get("NO_COLOR"))
    ctx.obj["debug"] = debug


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--base", metavar="REF", help="Compare HEAD with its merge-base with REF (CI).")
@click.option("--staged", is_flag=True, help="Scan the staged changes (pre-commit).")
@click.option("--files", "files_flag", is_flag=True, help="Scan the given PATHS whole.")
@click.option("--all", "all_files", is_flag=True, help="Scan every tracked file whole.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Configuration file (default: .gate.yml at the repository root).",
)
@click.option(
    "--policy-from-base/--policy-from-worktree",
    default=None,
    help="Read .gate.yml and local packs from the base commit (default in CI).",
)
@click.option("--fail-on", type=_THRESHOLDS, help="Lowest severity that fails the gate.")
@click.option("--warn-on", type=_THRESHOLDS, help="Lowest severity that warns.")
@click.option("--filter-mode", type=click.Choice(FILTER_MODES), help="Which findings count.")
@click.option(
    "--format",
    "formats",
    multiple=True,
    metavar="NAME",
    help="Output format, repeatable (terminal, json, markdown, sarif, junit, gitlab, "
    "github-annotations, summary).",
)
@click.option(
    "--output",
    "outputs",
    multiple=True,
    metavar="PATH",
    help="Where the format at the same position goes ('-' = stdout).",
)
@click.option(
    "--sarif", "sarif_path", type=click.Path(dir_okay=False), help="Also write SARIF here."
)
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Also write JSON here.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the verdict line.")
@click.option("-v", "--verbose", is_flag=True, help="Show suppressed and filtered findings too.")
@click.pass_context
def run(
    ctx: click.Context,
    paths: tuple[str, ...],
    base: str | None,
    staged: bool,
    files_flag: bool,
    all_files: bool,
    config_path: Path | None,
    policy_from_base: bool | None,
    fail_on: str | None,
    warn_on: str | None,
    filter_mode: str | None,
    formats: tuple[str, ...],
    outputs: tuple[str, ...],
    sarif_path: str | None,
    json_path: str | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Scan a change and print the verdict. Exit 0 pass/warn, 1 fail, 2 usage, 3 error."""
    if paths and not files_flag:
        raise UsageError("paths given without --files; use `gate run --files PATH...`")
    if files_flag and not paths:
        raise UsageError("--files needs at least one path")
    if len(outputs) > len(formats):
        raise UsageError("more --output than --format values: pair each --output with a --format")
    in_ci = bool(os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS"))
    options = RunOptions(
        cwd=Path.cwd(),
        base=base,
        staged=staged,
        files=paths,
        all_files=all_files,
        config_path=config_path,
        overrides={"fail_on": fail_on, "warn_on": warn_on, "filter_mode": filter_mode},
        policy_from_base=in_ci if policy_from_base is None else policy_from_base,
    )
    console = _stderr_console(ctx.obj)
    report = _run_with_progress(options, console, quiet)
    targets = list(zip(formats, list(outputs) + ["-"] * (len(formats) - len(outputs)), strict=True))
    if sarif_path:
        targets.append(("sarif", sarif_path))
    if json_path:
        targets.append(("json", json_path))
    to_stdout = any(path == "-" for _, path in targets)
    for name, path in targets:
        _write(_render(name, report, ctx.obj, verbose), path)
    if quiet or to_stdout:
        console.print(_verdict_line(report), highlight=False)
    else:
        click.echo(_render("terminal", report, ctx.obj, verbose), nl=False)
    ctx.exit(report.exit_code)


def _run_with_progress(options: RunOptions, console: Console, quiet: bool) -> Report:
    if quiet or not console.is_terminal:
        return run_gate(options)
    running: set[str] = set()
    with console.status("gate: reading the change") as status:

        def progress(scanner: str, event: str) -> None:
            if event == "start":
                running.add(scanner)
            else:
                running.discard(scanner)
                mark = "[green]done[/]" if event == "done" else "[red]failed[/]"
                console.print(f"  {scanner} {mark}")
            status.update(f"gate: running {', '.join(sorted(running)) or 'policy'}")

        return run_gate(options, progress)


def _verdict_line(report: Report) -> str:
    counts = report.severity_counts()
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no findings"
    return (
        f"gate: {report.verdict.value.upper()} (tier {report.risk.tier} {report.risk.name}) "
        f"- {summary} - {report.verdict_reason}"
    )


def _render(name: str, report: Report, obj: dict[str, Any], verbose: bool) -> str:
    import reporters

    if name == "terminal":
        from reporters import terminal

        color = not obj.get("no_color") and sys.stdout.isatty()
        return terminal.render(report, color=color, verbose=verbose)
    if name not in reporters.FORMATS:
        raise UsageError(
            f"unknown format '{name}': choose from {', '.join(sorted(reporters.FORMATS))}"
        )
    return reporters.render(name, report)


def _write(text: str, path: str) -> None:
    if path == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


@cli.command()
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    help="Create the sample repository here and keep it.",
)
@click.pass_context
def demo(ctx: click.Context, keep: Path | None) -> None:
    """Scan a bundled sample payment service with a risky change, end to end."""
    from gate.demo import create_demo_repo

    console = _stderr_console(ctx.obj)
    repo = create_demo_repo(keep)
    console.print(f"gate demo: sample repository at {repo}; scanning its last commit")
    options = RunOptions(cwd=repo, base="HEAD~1")
    report = _run_with_progress(options, console, quiet=False)
    click.echo(_render("terminal", report, ctx.obj, verbose=False), nl=False)
    console.print(
        f"gate demo: a real run would exit {report.exit_code} here; "
        f"try it yourself: cd {repo} && gate run --base HEAD~1"
    )
    ctx.exit(3 if report.verdict.value == "error" else 0)


@cli.group()
def policies() -> None:
    """Inspect the rule packs."""


@policies.command("list")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
def policies_list(config_path: Path | None) -> None:
    """Packs, rules, languages and controls covered."""
    from gate.commands import list_policies

    click.echo(list_policies(Path.cwd(), config_path), nl=False)


@cli.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """What a rule finds, why it matters, the controls it maps to and how to fix it."""
    from gate.commands import explain_rule

    click.echo(explain_rule(rule_id), nl=False)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: every expected error is one line on stderr and a documented exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        code = cli.main(args=args, prog_name="gate", standalone_mode=False)
    except GateError as exc:
        _fail(str(exc), exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _fail(exc.format_message(), 2)
    except click.exceptions.Abort:
        _fail("aborted", 130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if debug:
            traceback.print_exc()
        _fail(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)", 3)
    sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str, code: int) -> None:
    click.echo(f"gate: error: {message}", err=True)
    sys.exit(code)
