"""`gate demo` and `gate explain-tier`: a change scanned and shown, for people."""

from __future__ import annotations

from pathlib import Path

import click

from gate.commands._app import cli, load_report, no_color_option, render, stderr_console
from gate.commands.scan import run_with_progress
from gate.runner import RunOptions


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
    lines.extend(f"routed by {line}" for line in risk.routes)
    lines.extend(
        f"required: {g.approvals} approval(s) from {', '.join(g.members)} ({g.reason})"
        for g in risk.required
    )
    if risk.reviewers:
        lines.append(f"reviewers: {', '.join(risk.reviewers)}")
    if risk.labels:
        lines.append(f"labels: {', '.join(risk.labels)}")
    if risk.review_note:
        lines.append(risk.review_note)
    click.echo("\n".join(lines))
