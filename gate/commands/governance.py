"""`gate waive` and `gate waivers list`; `ci_reviews` for `gate run` in CI.

Importing this module also registers `gate evidence ...` and `gate audit`
(`gate.commands.evidence_cli`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from gate.commands._app import cli, load_report
from gate.errors import GateError, UsageError
from gate.policy.approval import Reviews, ReviewSource


def ci_reviews(environ: Mapping[str, str]) -> ReviewSource | None:
    """In a GitHub PR run: a lazy reader of the PR's author and approvals on its head."""
    from gate.change.ci import detect, token

    try:
        ctx = detect(environ)
    except GateError:
        return None
    if ctx is None or ctx.provider != "github" or not ctx.has_pull_request:
        return None
    secret = token(environ, ctx)

    def read() -> Reviews:
        import requests

        from gate.forges.github_client import GitHubClient
        from gate.forges.reviews import approvals, team_member

        if not secret:
            return Reviews(pr_author=ctx.author, head_sha=ctx.head_sha, error="no token")
        with requests.Session() as session:
            client = GitHubClient(session, ctx.api_url, secret)
            found = approvals(client, ctx.repository, ctx.pull_request, ctx.head_sha)

        def member_of(team: str, login: str) -> bool:
            with requests.Session() as session:
                return team_member(GitHubClient(session, ctx.api_url, secret), team, login)

        return Reviews(
            pr_author=ctx.author, head_sha=ctx.head_sha, approvals=found, member_of=member_of
        )

    return read


def _today(value: str | None) -> dt.date:
    if not value:
        return dt.datetime.now(dt.timezone.utc).date()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--today {value}: expected YYYY-MM-DD") from None


def _root() -> Path:
    from gate.change.git import repo_root

    return repo_root(Path.cwd())


def _waiver_settings(root: Path) -> tuple[str, dict[str, Any]]:
    from gate.policy.config import load_config
    from gate.policy.waivers import waivers_path

    config = load_config(root)
    return waivers_path(config.raw), dict(config.raw.get("waivers") or {})


# --- waivers ----------------------------------------------------------------------------


@cli.command()
@click.argument("fingerprint")
@click.option("--reason", required=True, help="Why the finding is acceptable (10+ chars).")
@click.option("--expires", required=True, metavar="YYYY-MM-DD", help="Last day it applies.")
@click.option(
    "--from",
    "from_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default="gate-result.json",
    show_default=True,
    help="The saved JSON result holding the finding.",
)
@click.option("--owner", default="", help="Who answers for it (default: git user.name).")
@click.option("--ticket", default="", help="Ticket id, e.g. PAY-123.")
@click.option("--link", default="", help="Link to the decision, if no ticket.")
@click.option("--approved-by", "approved_by", multiple=True, required=True, help="Approver login.")
@click.option("--id", "waiver_id", default="", help="Waiver id (default: W-<date>-<n>).")
@click.option("--today", "today_text", default=None, hidden=True)
def waive(
    fingerprint: str,
    reason: str,
    expires: str,
    from_path: Path,
    owner: str,
    ticket: str,
    link: str,
    approved_by: tuple[str, ...],
    waiver_id: str,
    today_text: str | None,
) -> None:
    """Add a waiver for one finding of a saved result to the waivers file."""
    from gate.policy.waivers import Waiver, parse_date, parse_waivers, render_entry

    root = _root()
    relative, settings = _waiver_settings(root)
    report = load_report(from_path)
    found = [f for f in report.findings if f.fingerprint == fingerprint.strip()]
    if not found:
        raise UsageError(f"{from_path}: no finding with fingerprint {fingerprint}")
    finding, today = found[0], _today(today_text)
    end = parse_date(expires)
    if end is None or end < today:
        raise UsageError(f"--expires {expires}: expected a date from today on (YYYY-MM-DD)")
    limit = int(dict(settings.get("max_days") or {}).get(finding.severity.value, 365))
    if (end - today).days > limit:
        raise UsageError(
            f"--expires {expires}: {finding.severity.value} findings may be waived for at most "
            f"{limit} days (waivers.max_days); choose {today + dt.timedelta(days=limit)} "
            "or earlier"
        )
    path = root / relative
    text = path.read_text(encoding="utf-8") if path.is_file() else "version: 1\nwaivers:\n"
    if "waivers:" not in text:
        text = text.rstrip("\n") + "\nwaivers:\n"
    existing = {w.id for w in parse_waivers(text, relative).waivers}
    number = len(existing) + 1
    while not waiver_id:
        candidate = f"W-{today.isoformat()}-{number}"
        waiver_id = "" if candidate in existing else candidate
        number += 1
    entry = Waiver(
        id=waiver_id,
        fingerprint=finding.fingerprint,
        rule=finding.rule_id,
        paths=(finding.path,),
        reason=reason.strip(),
        owner=owner or _git_user(root),
        ticket=ticket,
        link=link,
        created=today.isoformat(),
        expires=end.isoformat(),
        approved_by=approved_by,
    )
    if text.rstrip().endswith("waivers: []"):
        text = text.rstrip()[: -len("[]")].rstrip() + "\n"
    new_text = text.rstrip("\n") + "\n" + render_entry(entry)
    parse_waivers(new_text, relative, min_reason=int(settings.get("min_reason", 10)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new_text, encoding="utf-8")
    click.echo(
        f"gate: waiver {waiver_id} for {finding.rule_id} at {finding.path}:{finding.start_line} "
        f"written to {relative}; it counts in CI once {', '.join(approved_by)} approves the PR"
    )


def _git_user(root: Path) -> str:
    from gate.change.git import git

    name = git(root, "config", "user.name", check=False).stdout.decode().strip()
    if not name:
        raise UsageError("--owner is required (no git user.name configured)")
    return name


@cli.group()
def waivers() -> None:
    """The waivers register."""


@waivers.command("list")
@click.option(
    "--from",
    "from_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A saved JSON result: show what each waiver did in that run.",
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable register.")
@click.option("--today", "today_text", default=None, help="Judge expiry on this day.")
def waivers_list(from_path: Path | None, as_json: bool, today_text: str | None) -> None:
    """Print every waiver with its status: active, expiring, expired, applied, stale, ..."""
    from gate.policy.waivers import read_worktree

    root = _root()
    relative, settings = _waiver_settings(root)
    register = read_worktree(root, relative, min_reason=int(settings.get("min_reason", 10)))
    used = {u.id: u for u in load_report(from_path).waivers} if from_path else {}
    today, warn = _today(today_text), int(settings.get("warn_days", 14))
    rows = []
    for w in register.waivers:
        end = w.expiry_date()
        if end is None or w.created_date() is None:
            status = "expired (malformed or missing date)"
        elif end < today:
            status = f"expired on {end.isoformat()}"
        elif (end - today).days <= warn:
            status = f"expiring on {end.isoformat()} (in {(end - today).days} days)"
        else:
            status = f"active until {end.isoformat()}"
        if w.id in used:
            status += f"; last run: {used[w.id].status} {used[w.id].detail}".rstrip()
        scope = w.fingerprint[:12] if w.fingerprint else f"{w.rule} on {', '.join(w.paths)}"
        rows.append(
            {
                "id": w.id,
                "status": status,
                "scope": scope,
                "owner": w.owner,
                "reference": w.reference,
                "approved_by": list(w.approved_by),
                "reason": w.reason,
            }
        )
    if as_json:
        click.echo(json.dumps(rows, indent=2, sort_keys=True))
        return
    if not rows:
        click.echo(f"no waivers in {relative}")
    for r in rows:
        click.echo(
            f"{r['id']}: {r['status']} - {r['scope']} - owner {r['owner']}, {r['reference']}, "
            f"approved by {', '.join(r['approved_by'])} - {r['reason']}"
        )


import gate.commands.evidence_cli  # noqa: E402, F401 - registers evidence and audit
