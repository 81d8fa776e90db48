"""The click group and the helpers every command shares (console, rendering, writing)."""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from gate import __version__
from gate.errors import UsageError
from gate.report import Report

if TYPE_CHECKING:  # rich loads only when something is drawn on a terminal
    from rich.console import Console


# The modules whose import registers the commands on `cli`. `gate run` (the hooks) loads
# only its own; any other name, `--help` and completion load them all.
COMMAND_MODULES = (
    "gate.commands.governance",
    "gate.commands.merging",
    "gate.commands.posting",
    "gate.commands.rules",
    "gate.commands.scan",
    "gate.commands.setup",
    "gate.commands.showing",
)
_HOME = {"run": "gate.commands.scan"}


class _LazyGroup(click.Group):
    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in _HOME:
            importlib.import_module(_HOME[cmd_name])
        if cmd_name not in self.commands:
            load_commands()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        load_commands()
        return super().list_commands(ctx)


def load_commands() -> None:
    for module in COMMAND_MODULES:
        importlib.import_module(module)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


def _set_no_color(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        ctx.ensure_object(dict)
        ctx.obj["no_color"] = True
    return value


no_color_option = click.option(
    "--no-color",
    is_flag=True,
    expose_value=False,
    callback=_set_no_color,
    help="Plain output (also honoured: NO_COLOR).",
)


def stderr_console(ctx: click.Context) -> Console:
    from rich.console import Console

    no_color = bool((ctx.obj or {}).get("no_color"))
    return Console(stderr=True, no_color=no_color, highlight=False)


def verdict_line(report: Report) -> str:
    counts = report.severity_counts()
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no findings"
    return (
        f"gate: {report.verdict.value.upper()} (tier {report.risk.tier} {report.risk.name}) "
        f"- {summary} - {report.verdict_reason}"
    )


def render(name: str, report: Report, ctx: click.Context, verbose: bool = False) -> str:
    import gate.reporters as reporters

    if name == "terminal":
        from gate.reporters import terminal

        color = not (ctx.obj or {}).get("no_color") and sys.stdout.isatty()
        columns = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100
        width = max(60, min(columns or 100, 120))
        return terminal.render(report, color=color, verbose=verbose, width=width)
    if name not in reporters.FORMATS:
        known = ", ".join(sorted(reporters.FORMATS))
        raise UsageError(f"unknown format '{name}': choose from {known}")
    return reporters.render(name, report)


def check_formats(names: tuple[str, ...]) -> None:
    """Reject an unknown --format before spending time on a scan."""
    import gate.reporters as reporters

    unknown = [n for n in names if n != "terminal" and n not in reporters.FORMATS]
    if unknown:
        known = ", ".join(sorted({"terminal", *reporters.FORMATS}))
        raise UsageError(f"unknown format '{unknown[0]}': choose from {known}")


def printable(text: str) -> str:
    """Text any UTF-8 stream can carry: a file name that is not UTF-8 (a lone surrogate
    from `os.fsdecode`) becomes its `\\udcXX` escape, which is also valid in JSON strings."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def write_output(text: str, path: str) -> None:
    text = printable(text)
    if path == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def load_report(path: Path) -> Report:
    """A result saved with `--format json` (for `gate post` and `gate merge`)."""
    import json

    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        return Report.from_dict(data)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from None
    except (ValueError, TypeError, KeyError) as exc:
        raise UsageError(f"{path}: not a gate JSON result ({type(exc).__name__}: {exc})") from None
