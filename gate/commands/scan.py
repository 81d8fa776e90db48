"""`gate run`, `gate demo`, `gate explain-tier` and `gate merge`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from rich.console import Console

from gate.commands._app import (
    check_formats,
    cli,
    load_report,
    no_color_option,
    render,
    stderr_console,
    verdict_line,
    write_output,
)
from gate.errors import GateError, UsageError
from gate.policy.config import FILTER_MODES, SEVERITIES
from gate.report import Report
from gate.runner import RunOptions, run_gate

_THRESHOLDS = click.Choice([*SEVERITIES, "never"], case_sensitive=False)


def _shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        index, total = (int(part) for part in value.split("/"))
    except ValueError:
        raise UsageError(f"--shard {value}: expected K/N, e.g. 1/4") from None
    if not 1 <= index <= total:
        raise UsageError(f"--shard {value}: K must be between 1 and N")
    return index, total


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--base", metavar="REF", help="Compare HEAD with its merge-base with REF (CI).")
@click.option("--staged", is_flag=True, help="Scan the staged changes (pre-commit).")
@click.option(
    "--pre-push",
    "pre_push",
    is_flag=True,
    help="Scan what a push sends (reads the pre-push hook's refs).",
)
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
    help="Output format, repeatable: terminal, json, markdown, summary, sarif, junit, "
    "gitlab, github-annotations.",
)
@click.option(
    "--output",
    "outputs",
    multiple=True,
    metavar="PATH",
    help="File for the --format at the same position ('-' = stdout, the default).",
)
@click.option(
    "--sarif", "sarif_path", type=click.Path(dir_okay=False), help="Also write SARIF 2.1.0 here."
)
@click.option(
    "--json", "json_path", type=click.Path(dir_okay=False), help="Also write the JSON result here."
)
@click.option(
    "--post",
    "post_to",
    type=click.Choice(["github", "gitlab"]),
    help="Post the verdict to the PR/MR (in CI, with a token).",
)
@click.option(
    "--shard", "shard", metavar="K/N", help="Scan only shard K of N of the changed files."
)
@click.option(
    "--pack",
    "extra_packs",
    multiple=True,
    metavar="ID|DIR",
    help="Enable another pack on top of the configured ones (repeatable).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only the verdict line.")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Show suppressed, filtered and below-warn_on findings too.",
)
@no_color_option
@click.pass_context
def run(
    ctx: click.Context,
    paths: tuple[str, ...],
    base: str | None,
    staged: bool,
    pre_push: bool,
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
    post_to: str | None,
    shard: str | None,
    extra_packs: tuple[str, ...],
    quiet: bool,
    verbose: bool,
) -> None:
    """Scan a change and print the verdict.

    Without a mode it compares the working tree (uncommitted and untracked files too)
    with its merge-base with the upstream branch, and says so. Exit codes: 0 pass or
    warn, 1 fail, 2 usage or configuration error, 3 scanner error (fail closed).
    """
    if paths and not files_flag:
        raise UsageError("paths given without --files; use `gate run --files PATH...`")
    if files_flag and not paths:
        raise UsageError("--files needs at least one path")
    if len(outputs) > len(formats):
        raise UsageError("more --output than --format values: pair each --output with a --format")
    check_formats(formats)
    if pre_push:
        from gate.change.hooks import pre_push_base

        stdin = "" if sys.stdin is None or sys.stdin.isatty() else sys.stdin.read()
        base = base or pre_push_base(os.environ, stdin, Path.cwd())
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
        shard=_shard(shard),
        extra_packs=extra_packs,
    )
    console = stderr_console(ctx)
    report = _with_ci_identity(run_with_progress(options, console, quiet))
    emit(ctx, report, formats, outputs, sarif_path, json_path, quiet, verbose)
    if post_to:
        post(report, post_to)
    ctx.exit(report.exit_code)


def _with_ci_identity(report: Report) -> Report:
    """Record which repository and pull request the result is for (posting needs it)."""
    from dataclasses import replace

    from gate.change.ci import detect

    try:
        ctx = detect(os.environ)
    except GateError:
        return report
    if ctx is None:
        return report
    return replace(report, repository=ctx.repository, pull_request=ctx.pull_request)


def emit(
    ctx: click.Context,
    report: Report,
    formats: tuple[str, ...],
    outputs: tuple[str, ...],
    sarif_path: str | None,
    json_path: str | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Write every requested format; the terminal report unless stdout carries a format."""
    padded = list(outputs) + ["-"] * (len(formats) - len(outputs))
    targets = list(zip(formats, padded, strict=True))
    for entry in report.config.get("outputs") or ():  # `outputs:` in .gate.yml
        if (entry["format"], entry["path"]) not in targets:
            targets.append((str(entry["format"]), str(entry["path"])))
    if sarif_path:
        targets.append(("sarif", sarif_path))
    if json_path:
        targets.append(("json", json_path))
    for name, path in targets:
        write_output(render(name, report, ctx, verbose), path)
    if quiet or any(path == "-" for _, path in targets):
        click.echo(verdict_line(report), err=True)
    else:
        click.echo(render("terminal", report, ctx, verbose), nl=False)


def post(report: Report, provider: str) -> None:
    """Post to GitHub/GitLab. A posting failure is reported but never changes the verdict."""
    from gate.forges.posting import post_report

    settings = dict(report.config.get("github") or {})
    try:
        result = post_report(report, os.environ, settings, provider=provider)
    except GateError as exc:
        click.echo(f"gate: posting failed, verdict unchanged: {exc}", err=True)
        return
    click.echo(f"gate: {result.summary()}", err=True)
    if result.fallback and provider == "github":
        _fallback_to_actions(report)


def _fallback_to_actions(report: Report) -> None:
    """Read-only token (fork PR): job summary + workflow annotations still reach people."""
    import gate.reporters as reporters

    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        with open(summary_path, "a", encoding="utf-8") as handle:
            handle.write(reporters.render("summary", report))
    click.echo(reporters.render("github-annotations", report), nl=False)


def run_with_progress(options: RunOptions, console: Console, quiet: bool) -> Report:
    """Scanner-by-scanner progress on a terminal; silent when piped or quiet."""
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


@cli.command()
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    help="Create the sample repository here and keep it.",
)
@no_color_option
@click.pass_context
def demo(ctx: click.Context, keep: Path | None) -> None:
    """Scan a bundled sample payment service with a risky change, end to end."""
    from gate.commands.demo import create_demo_repo

    console = stderr_console(ctx)
    repo = create_demo_repo(keep)
    console.print(f"gate demo: sample repository at {repo}; scanning its last commit")
    report = run_with_progress(RunOptions(cwd=repo, base="HEAD~1"), console, quiet=False)
    click.echo(render("terminal", report, ctx), nl=False)
    console.print(
        f"gate demo: `gate run` would exit {report.exit_code} on this change. "
        f"Try it: cd {repo} && gate run --base HEAD~1",
        highlight=False,
        soft_wrap=True,
    )
    ctx.exit(3 if report.verdict.value == "error" else 0)


@cli.command("explain-tier")
@click.option(
    "--from",
    "from_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A saved JSON result; without it the current change is scanned.",
)
@click.option("--base", metavar="REF", help="As for `gate run`.")
@click.pass_context
def explain_tier(ctx: click.Context, from_path: Path | None, base: str | None) -> None:
    """Why a change got its risk tier, signal by signal, and who must review it."""
    if from_path is not None:
        report = load_report(from_path)
    else:
        report = run_with_progress(
            RunOptions(cwd=Path.cwd(), base=base), stderr_console(ctx), False
        )
    risk = report.risk
    lines = [f"tier {risk.tier} ({risk.name})" + (" - blocking" if risk.blocking else "")]
    for signal in sorted(risk.signals, key=lambda s: -s.tier):
        lines.append(f"  [{signal.tier}] {signal.signal}: {signal.detail}")
    if not risk.signals:
        lines.append("  no risk signal: routine change")
    if risk.reviewers:
        lines.append(f"reviewers: {', '.join(risk.reviewers)}")
    if risk.labels:
        lines.append(f"labels: {', '.join(risk.labels)}")
    if risk.review_note:
        lines.append(risk.review_note)
    click.echo("\n".join(lines))


@cli.command()
@click.argument(
    "results", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--format", "formats", multiple=True, metavar="NAME", help="As for `gate run`.")
@click.option("--output", "outputs", multiple=True, metavar="PATH", help="As for `gate run`.")
@click.option("--sarif", "sarif_path", type=click.Path(dir_okay=False))
@click.option("--json", "json_path", type=click.Path(dir_okay=False))
@click.option("--post", "post_to", type=click.Choice(["github", "gitlab"]))
@click.option("-q", "--quiet", is_flag=True)
@click.pass_context
def merge(
    ctx: click.Context,
    results: tuple[Path, ...],
    formats: tuple[str, ...],
    outputs: tuple[str, ...],
    sarif_path: str | None,
    json_path: str | None,
    post_to: str | None,
    quiet: bool,
) -> None:
    """Combine the JSON results of `gate run --shard K/N` jobs into one verdict."""
    from gate.decision.merge import merge_reports

    report = merge_reports(tuple(load_report(p) for p in results))
    emit(ctx, report, formats, outputs, sarif_path, json_path, quiet, False)
    if post_to:
        post(report, post_to)
    ctx.exit(report.exit_code)
