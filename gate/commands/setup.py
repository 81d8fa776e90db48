"""`gate init`, `gate install-hooks`, `gate uninstall-hooks` (set-up commands)."""

from __future__ import annotations

from pathlib import Path

import click

from gate.commands._app import cli, stderr_console


@cli.command()
@click.option("--force", is_flag=True, help="Replace an existing .gate.yml.")
@click.pass_context
def init(ctx: click.Context, force: bool) -> None:
    """Write a commented starter .gate.yml for the languages and frameworks found here."""
    from gate.commands.init import LANGUAGES, write_config

    target, project = write_config(Path.cwd(), force=force)
    found = ", ".join(LANGUAGES[lang] for lang in project.languages) or "no supported language"
    if project.frameworks:
        found += f"; frameworks: {', '.join(project.frameworks)}"
    console = stderr_console(ctx)
    console.print(f"gate: wrote {target.name} ({found})", highlight=False, soft_wrap=True)
    if project.sensitive_dirs:
        console.print(
            f"gate: critical_paths include {', '.join(project.sensitive_dirs)}",
            highlight=False,
            soft_wrap=True,
        )
    console.print(
        "gate: next: review it, commit it, then try `gate run`", highlight=False, soft_wrap=True
    )


@cli.command("install-hooks")
@click.option(
    "--pre-commit",
    "pre_commit",
    is_flag=True,
    help="Also install a pre-commit hook (gate run --staged --quiet).",
)
@click.option("--force", is_flag=True, help="Replace existing hooks not written by gate.")
@click.pass_context
def install_hooks_command(ctx: click.Context, pre_commit: bool, force: bool) -> None:
    """Install git hooks that run gate: pre-push (and with --pre-commit, pre-commit).

    For teams without the pre-commit framework. The hooks call the Python that runs
    this command (falling back to `gate` on PATH) and bypass with `--no-verify`.
    """
    from gate.change.hooks import install_hooks

    hooks = ("pre-push", "pre-commit") if pre_commit else ("pre-push",)
    for line in install_hooks(Path.cwd(), hooks, force=force):
        stderr_console(ctx).print(f"gate: {line}", highlight=False, soft_wrap=True)


@cli.command("uninstall-hooks")
@click.pass_context
def uninstall_hooks_command(ctx: click.Context) -> None:
    """Remove the git hooks `gate install-hooks` wrote (and only those)."""
    from gate.change.hooks import uninstall_hooks

    lines = uninstall_hooks(Path.cwd()) or ("no gate hooks installed",)
    for line in lines:
        stderr_console(ctx).print(f"gate: {line}", highlight=False, soft_wrap=True)
