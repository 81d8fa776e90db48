"""`gate post --from result.json` and `gate sla` (commands that talk to the forge)."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import click

from gate.commands._app import cli, load_report
from gate.commands.scan import post
from gate.errors import UsageError


@cli.command("post", short_help="Post a verdict saved with `gate run --json` to the PR/MR.")
@click.option(
    "--from",
    "from_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A JSON result written by `gate run --json PATH`.",
)
@click.option(
    "--to", "provider", type=click.Choice(["github", "gitlab"]), default="github", show_default=True
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The policy file at the checked-out (base) commit (default: .gate.yml).",
)
@click.pass_context
def post_command(
    ctx: click.Context, from_path: Path, provider: str, config_path: Path | None
) -> None:
    """Post a verdict computed earlier (e.g. by an unprivileged fork-PR job).

    The posting job never checks out or runs the PR's code: it only reads the result.
    Labels, reviewers and the `github:` settings come from the policy at the checked-out
    commit, never from the result file. Exits with the saved verdict's exit code.
    """
    from gate.forges.trusted import base_policy, recompute_for_posting

    report = load_report(from_path)
    config, description = base_policy(Path.cwd(), config_path)
    trusted, settings = recompute_for_posting(report, config)
    click.echo(f"gate: routing and posting settings from {description}", err=True)
    post(trusted, provider, settings)
    ctx.exit(report.exit_code)


@cli.command()
@click.option(
    "--repo",
    "repository",
    metavar="OWNER/NAME",
    help="Repository to check (default: GITHUB_REPOSITORY).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Configuration with the sla, risk and routing sections (default: .gate.yml).",
)
@click.option("--dry-run", is_flag=True, help="List overdue PRs without escalating.")
def sla(repository: str | None, config_path: Path | None, dry_run: bool) -> None:
    """List open PRs waiting past their tier's review limit and escalate them."""
    import requests

    from gate.decision.sla import run_sla
    from gate.forges.github_client import GitHubClient
    from gate.policy.config import load_config

    repo = repository or os.environ.get("GITHUB_REPOSITORY", "")
    if "/" not in repo:
        raise UsageError("gate sla: pass --repo OWNER/NAME (or run in GitHub Actions)")
    token = os.environ.get("GATE_GITHUB_TOKEN") or os.environ.get("GITHUB_TOKEN", "")
    if not token:
        raise UsageError("gate sla: no token; set GITHUB_TOKEN (pull-requests: write)")
    config = load_config(Path.cwd(), config_path)
    api = os.environ.get("GITHUB_API_URL", "https://api.github.com")
    with requests.Session() as session:
        client = GitHubClient(session, api, token)
        result = run_sla(client, repo, config, datetime.now(timezone.utc), dry_run=dry_run)
    click.echo("\n".join(result.lines()))
