"""`gate post --from result.json` and `gate sla` (commands that talk to the forge)."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

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
@click.option(
    "--evidence",
    "evidence_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The run's signed evidence record (default: gate-evidence.json beside the result); "
    "required when GATE_EVIDENCE_PUBLIC_KEY is set.",
)
@click.pass_context
def post_command(
    ctx: click.Context,
    from_path: Path,
    provider: str,
    config_path: Path | None,
    evidence_path: Path | None = None,
) -> None:
    """Post a verdict computed earlier (e.g. by an unprivileged fork-PR job).

    The posting job never checks out or runs the PR's code: it only reads the result.
    Labels, reviewers and the `github:` settings come from the policy at the checked-out
    commit, never from the result file. With GATE_EVIDENCE_PUBLIC_KEY set, the result
    must match a signed evidence record (--evidence). Exits with the saved verdict's code.
    """
    from gate.evidence.result_check import check_result, find_record, trusted_keys
    from gate.forges.trusted import base_policy, recompute_for_posting

    note = check_result(from_path, find_record(from_path, evidence_path), trusted_keys())
    click.echo(note, err=True)
    report = load_report(from_path)
    config, description = base_policy(Path.cwd(), config_path)
    trusted, settings = recompute_for_posting(report, config)
    click.echo(f"gate: routing and posting settings from {description}", err=True)
    post(trusted, provider, settings)
    ctx.exit(report.exit_code)


def _sla_options(command: Any) -> Any:
    command = click.option(
        "--repo",
        "repository",
        metavar="OWNER/NAME|PROJECT",
        help="Repository (default: GITHUB_REPOSITORY) or GitLab project (default: CI_PROJECT_ID).",
    )(command)
    command = click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Configuration with the sla, risk and routing sections (default: .gate.yml).",
    )(command)
    return click.option(
        "--forge",
        type=click.Choice(["github", "gitlab"]),
        default=None,
        help="Default: gitlab inside GitLab CI, else github.",
    )(command)


def _open_forge(repository: str | None, forge: str | None, session: Any) -> tuple[Any, str]:
    """(SlaForge, repository) from the flags and the CI environment; tokens never printed."""
    from gate.forges.sla_forges import GitHubSlaForge, GitLabSlaForge

    kind = forge or ("gitlab" if os.environ.get("GITLAB_CI") == "true" else "github")
    if kind == "gitlab":
        from gate.forges.gitlab import GitLabClient

        project = repository or os.environ.get("CI_PROJECT_ID", "")
        token = os.environ.get("GATE_GITLAB_TOKEN") or os.environ.get("GITLAB_TOKEN", "")
        if not project or not token:
            raise UsageError("gate: pass --repo PROJECT and set GATE_GITLAB_TOKEN (api scope)")
        api = os.environ.get("CI_API_V4_URL", "https://gitlab.com/api/v4")
        return GitLabSlaForge(GitLabClient(session, api, token), project), project
    from gate.forges.github_client import GitHubClient

    repo = repository or os.environ.get("GITHUB_REPOSITORY", "")
    if "/" not in repo:
        raise UsageError("gate: pass --repo OWNER/NAME (or run in GitHub Actions)")
    token = os.environ.get("GATE_GITHUB_TOKEN") or os.environ.get("GITHUB_TOKEN", "")
    if not token:
        raise UsageError("gate: no token; set GITHUB_TOKEN (pull-requests: write)")
    api = os.environ.get("GITHUB_API_URL", "https://api.github.com")
    return GitHubSlaForge(GitHubClient(session, api, token), repo), repo


def _now() -> datetime:
    """The clock; GATE_NOW (ISO 8601) freezes it for rehearsals and tests."""
    frozen = os.environ.get("GATE_NOW", "")
    if frozen:
        from gate.decision.business_hours import parse_time

        try:
            return parse_time(frozen)
        except ValueError:
            raise UsageError(f"GATE_NOW={frozen!r} is not an ISO 8601 time") from None
    return datetime.now(timezone.utc)


@cli.command()
@_sla_options
@click.option("--dry-run", is_flag=True, help="List overdue PRs without escalating.")
def sla(repository: str | None, config_path: Path | None, forge: str | None, dry_run: bool) -> None:
    """Escalate open PRs waiting past their tier's review limit, one level at a time.

    Meant for a schedule (docs/routing.md): each level is done once, whatever the number
    of runs; a run with nothing due changes nothing.
    """
    import requests

    from gate.decision.sla import run_sla
    from gate.policy.config import load_config

    config = load_config(Path.cwd(), config_path)
    with requests.Session() as session:
        target, repo = _open_forge(repository, forge, session)
        result = run_sla(target, repo, config, _now(), dry_run=dry_run)
    click.echo("\n".join(result.lines()))


@cli.command(short_help="Open PRs by tier: age, who they wait on, SLA state (MD + HTML).")
@_sla_options
@click.option(
    "--history",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of saved snapshots: this run's is added, the chart reads them all.",
)
@click.option("--markdown", "md_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path))
def queue(
    repository: str | None,
    config_path: Path | None,
    forge: str | None,
    history: Path | None,
    md_path: Path | None,
    html_path: Path | None,
) -> None:
    """The review queue (nothing is posted): Markdown to stdout or --markdown (a pinned
    issue, the job summary), a self-contained page with --html."""
    import requests

    from gate.decision.queue import load_history, render_markdown, save_snapshot, snapshot
    from gate.decision.queue_html import render_html
    from gate.decision.sla import run_sla
    from gate.policy.config import load_config

    config = load_config(Path.cwd(), config_path)
    with requests.Session() as session:
        target, repo = _open_forge(repository, forge, session)
        report = run_sla(target, repo, config, _now(), dry_run=True)
    snap = snapshot(report)
    if history is not None:
        save_snapshot(history, snap)
    past = load_history(history) or (snap,)
    markdown = render_markdown(snap, past)
    if md_path is not None:
        md_path.write_text(markdown, encoding="utf-8")
    else:
        click.echo(markdown)
    if html_path is not None:
        html_path.write_text(render_html(snap, past), encoding="utf-8")


@cli.command("review-check", short_help="Re-check required approvals of a saved result.")
@click.option(
    "--from",
    "from_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The JSON result `gate run --json PATH` saved for the PR's head.",
)
@click.option("--pr", "number", type=int, help="Pull request number (default: the event's).")
@click.pass_context
def review_check(ctx: click.Context, from_path: Path, number: int | None) -> None:
    """On `pull_request_review` (and after `gate run`): post the `gate` check again for the
    saved result, failing (action_required) until every group routing requires has an
    independent approval of the current head. Nothing is scanned again.

    Exits 0 when the approvals are in (and the verdict passes), 1 while they are not.
    """
    import requests

    from gate.forges.github import post_to_github
    from gate.forges.github_client import GitHubClient
    from gate.forges.reviews import pull_context, report_review_status

    report = load_report(from_path)
    repo = os.environ.get("GITHUB_REPOSITORY") or report.repository
    number = number or _event_number() or report.pull_request
    if "/" not in repo or not number:
        raise UsageError("gate review-check: pass --pr N and set GITHUB_REPOSITORY=OWNER/NAME")
    token = os.environ.get("GATE_GITHUB_TOKEN") or os.environ.get("GITHUB_TOKEN", "")
    if not token:
        raise UsageError("gate review-check: no token; set GITHUB_TOKEN (checks: write)")
    api = os.environ.get("GITHUB_API_URL", "https://api.github.com")
    with requests.Session() as session:
        client = GitHubClient(session, api, token)
        target = pull_context(client, repo, number, run_url=_run_url())
        if target.head_sha != report.change.head_sha:
            click.echo(
                f"gate review-check: the result is for {report.change.head_sha[:12] or '?'} but "
                f"#{number} is now at {target.head_sha[:12]}; the run for the new head posts "
                "its own check (nothing posted)"
            )
            ctx.exit(1)
        status = report_review_status(client, repo, number, target.head_sha, target.author, report)
        settings = {"comment": False, "labels": False, "check_run": True, "inline_comments": 0}
        post_to_github(report, target, client, settings)
    click.echo(status.summary())
    ctx.exit(0 if status.satisfied and report.exit_code == 0 else 1)


def _event_number() -> int:
    import json

    path = os.environ.get("GITHUB_EVENT_PATH", "")
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8")) if path else {}
    except (OSError, ValueError):
        return 0
    if not isinstance(payload, dict):
        return 0
    pull = payload.get("pull_request")
    if not isinstance(pull, dict):  # workflow_run: the run's first pull request
        pulls = (payload.get("workflow_run") or {}).get("pull_requests") or [{}]
        pull = pulls[0] if isinstance(pulls[0], dict) else {}
    number = pull.get("number")
    return number if isinstance(number, int) else 0


def _run_url() -> str:
    server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
    repo, run = os.environ.get("GITHUB_REPOSITORY", ""), os.environ.get("GITHUB_RUN_ID", "")
    return f"{server}/{repo}/actions/runs/{run}" if repo and run else ""
