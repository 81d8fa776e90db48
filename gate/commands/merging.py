"""`gate merge`: the JSON results of `gate run --shard K/N` jobs, one verdict."""

from __future__ import annotations

from pathlib import Path

import click

from gate.commands._app import cli, load_report
from gate.commands.scan import emit, post


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

    report = merge_reports(tuple(load_report(p) for p in results), tuple(p.name for p in results))
    emit(ctx, report, formats, outputs, sarif_path, json_path, quiet, False)
    if post_to:
        post(report, post_to)
    ctx.exit(report.exit_code)
