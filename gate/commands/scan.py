"""`gate run`, `gate demo` and `gate explain-tier` (`gate merge`: gate/commands/merging.py)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from gate.commands._app import (
    check_formats,
    cli,
    no_color_option,
    printable,
    render,
    stderr_console,
    verdict_line,
    write_output,
)
from gate.commands.workflow_log import own_commands
from gate.errors import GateError, UsageError
from gate.policy.config import FILTER_MODES, SEVERITIES
from gate.report import Report
from gate.runner import RunOptions, run_gate

if TYPE_CHECKING:
    from rich.console import Console

    from gate.policy.approval import ReviewSource

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
@click.option(
    "--pre-commit",
    "pre_commit",
    is_flag=True,
    help="pre-commit's hook: the staged changes in a commit, else PATHS whole.",
)
@click.option(
    "--head",
    metavar="REF",
    help="With --base: scan this commit instead of HEAD (read from git).",
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
    "--baseline",
    type=click.Choice(["on", "off"]),
    help="on: findings already in the base (moved, re-indented) do not count; off: added lines.",
)
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
    "--category",
    metavar="ID",
    default="",
    help="SARIF category for code scanning (default: gate).",
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
    pre_commit: bool,
    head: str | None,
    files_flag: bool,
    all_files: bool,
    config_path: Path | None,
    policy_from_base: bool | None,
    fail_on: str | None,
    warn_on: str | None,
    filter_mode: str | None,
    baseline: str | None,
    formats: tuple[str, ...],
    outputs: tuple[str, ...],
    sarif_path: str | None,
    json_path: str | None,
    post_to: str | None,
    shard: str | None,
    category: str,
    extra_packs: tuple[str, ...],
    quiet: bool,
    verbose: bool,
) -> None:
    """Scan a change and print the verdict.

    Without a mode it compares the working tree (uncommitted and untracked files too)
    with its merge-base with the upstream branch, and says so. Exit codes: 0 pass or
    warn, 1 fail, 2 usage or configuration error, 3 scanner error (fail closed).
    """
    if paths and not (files_flag or pre_push or pre_commit):
        raise UsageError("paths given without --files; use `gate run --files PATH...`")
    if files_flag and not paths:
        raise UsageError("--files needs at least one path")
    if len(outputs) > len(formats):
        raise UsageError("more --output than --format values: pair each --output with a --format")
    check_formats(formats)
    from gate.commands.targets import ScanTarget, scan_targets

    given = ScanTarget(base=base, head=head, staged=staged, files=paths if files_flag else ())
    targets = scan_targets(given, pre_push=pre_push, pre_commit=pre_commit, args=paths)
    # A hook has no base policy to trust more than the repository's own (the hook's own
    # configuration comes from the checkout too): hooks read the working tree's policy.
    in_ci = not (pre_push or pre_commit) and bool(
        os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS")
    )
    options = RunOptions(
        cwd=Path.cwd(),
        all_files=all_files,
        config_path=config_path,
        overrides={
            "fail_on": fail_on,
            "warn_on": warn_on,
            "filter_mode": filter_mode,
            "baseline": baseline,
        },
        policy_from_base=in_ci if policy_from_base is None else policy_from_base,
        shard=_shard(shard),
        extra_packs=extra_packs,
        reviews=_ci_reviews() if in_ci else None,
        in_ci=in_ci,
    )
    console = None if quiet else stderr_console(ctx)  # --quiet (gate's own hook): no rich
    code = 0
    for target in targets:  # one per pushed ref; the worst exit code wins
        report = _with_ci_identity(run_with_progress(target.apply(options), console, quiet))
        report = replace(report, category=category) if category else report
        if options.shard is not None:
            report = replace(report, shard="/".join(map(str, options.shard)))
        emit(ctx, report, formats, outputs, sarif_path, json_path, quiet, verbose)
        if post_to:
            post(report, post_to)
        code = max(code, report.exit_code)
    ctx.exit(code)


def _ci_reviews() -> ReviewSource | None:
    from gate.commands.governance import ci_reviews  # the forge client: CI only

    return ci_reviews(os.environ)


def _with_ci_identity(report: Report) -> Report:
    """Record which repository and pull request the result is for (posting needs it)."""
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
            from gate.change.git import repo_root
            from gate.policy.source import config_output_path

            checked = config_output_path(
                repo_root(Path.cwd()), str(entry["path"]), report.config_source
            )
            targets.append((str(entry["format"]), checked))
    if sarif_path:
        targets.append(("sarif", sarif_path))
    if json_path:
        targets.append(("json", json_path))
    for name, path in targets:
        if name == "github-annotations" and path == "-":
            own_commands(render(name, report, ctx, verbose))  # gate's own, escaped
            continue
        write_output(render(name, report, ctx, verbose), path)
    if quiet or any(path == "-" for _, path in targets):
        click.echo(verdict_line(report), err=True)
    else:
        click.echo(printable(render("terminal", report, ctx, verbose)), nl=False)


def post(report: Report, provider: str, settings: dict[str, Any] | None = None) -> None:
    """Post to GitHub/GitLab. A posting failure is reported but never changes the verdict."""
    from gate.forges.posting import post_report

    if settings is None:
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
    own_commands(reporters.render("github-annotations", report))


def run_with_progress(options: RunOptions, console: Console | None, quiet: bool) -> Report:
    """Scanner-by-scanner progress on a terminal; silent when piped or quiet."""
    if quiet or console is None or not console.is_terminal:
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
