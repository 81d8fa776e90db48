"""The `gate` command: flags in, exit code out. Only this package touches argv,
the environment and the terminal."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence

import click

from gate.commands._app import cli  # commands register when first named (_app.COMMAND_MODULES)
from gate.commands.workflow_log import protect_log
from gate.errors import GateError

__all__ = ["cli", "main"]


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: every expected error is one line on stderr and a documented exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    protect_log()  # GitHub Actions: nothing from the PR becomes a workflow command
    _exit_cleanly_on_sigterm()
    try:
        code = cli.main(args=args, prog_name="gate", standalone_mode=False)
    except GateError as exc:
        _fail(str(exc), exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _fail(exc.format_message(), 2)
    except click.exceptions.Abort:
        _fail("aborted", 130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if debug:
            traceback.print_exc()
        _fail(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)", 3)
    sys.exit(code if isinstance(code, int) else 0)


def _exit_cleanly_on_sigterm() -> None:
    """SIGTERM (a cancelled CI job, `timeout`): kill the scanners' process groups, then
    exit through the normal path so every `finally` removes its temp dirs."""
    import signal
    import threading

    from gate.scanning.processes import kill_all

    def handler(signum: int, _frame: object) -> None:
        kill_all()
        raise SystemExit(128 + signum)

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, handler)


def _fail(message: str, code: int) -> None:
    click.echo(f"gate: error: {message}", err=True)
    sys.exit(code)
