"""`gate policies list` and `gate explain RULE_ID`."""

from __future__ import annotations

from pathlib import Path

import click

from gate.commands._app import cli


@cli.group()
def policies() -> None:
    """Inspect the rule packs."""


@policies.command("list")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
def policies_list(config_path: Path | None) -> None:
    """Packs, rules, languages and controls covered."""
    from gate.commands.catalog import list_policies

    click.echo(list_policies(Path.cwd(), config_path), nl=False)


@cli.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """What a rule finds, why it matters, the controls it maps to and how to fix it."""
    from gate.commands.catalog import explain_rule

    click.echo(explain_rule(rule_id), nl=False)
