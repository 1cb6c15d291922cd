"""The one Typer app: its options (--version, completion), its commands in the order
`nigerfacts --help` lists them, and the console-script entry point."""

from __future__ import annotations

import atexit
import json
import os
import sys
import threading
from contextlib import suppress
from enum import Enum
from typing import Annotated

import typer
from typer.core import TyperGroup

from .. import __version__
from .evaluate import evaluate
from .extract import extract
from .options import _debugging, _error
from .presence import presence
from .timeline import timeline


class _Group(TyperGroup):
    """The commands, with a reader that stops early (`| head`) taken as the end, not an error."""

    def invoke(self, ctx: typer.Context) -> object:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # What is left in stdout's buffer must not fail again at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
            ctx.exit(0)


app = typer.Typer(
    name="nigerfacts",
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=(
        "Extract dates, countries, troop counts and leaders from French news articles.\n\n"
        "Examples:\n\n"
        "  nigerfacts extract article.txt                 # tables on a terminal\n\n"
        "  nigerfacts extract article.txt | jq .troops    # JSON when piped\n\n"
        "  cat article.txt | nigerfacts extract - --date 2024-08\n\n"
        "  nigerfacts extract corpus/*.txt --format jsonl > facts.jsonl\n\n"
        "  nigerfacts schema > facts.schema.json\n\n"
        "  nigerfacts help extract                        # the options of a command"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class Shell(str, Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"nigerfacts {__version__}")
        raise typer.Exit


def _show_completion(ctx: typer.Context, value: Shell | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer.completion import completion_init, get_completion_script

    completion_init()
    typer.echo(get_completion_script(prog_name="nigerfacts",
                                     complete_var="_NIGERFACTS_COMPLETE", shell=value.value))
    raise typer.Exit


def _install_completion(ctx: typer.Context, value: Shell | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer.completion import completion_init, install

    completion_init()
    shell, path = install(shell=value.value, prog_name="nigerfacts",
                          complete_var="_NIGERFACTS_COMPLETE")
    typer.echo(f"{shell} completion installed in {path}; it works in new shells")
    raise typer.Exit


@app.callback()
def _main(
    version: Annotated[bool, typer.Option(
        "--version", "-V", callback=_show_version, is_eager=True,
        help="Print the version and exit.")] = False,
    show_completion: Annotated[Shell | None, typer.Option(
        "--show-completion", callback=_show_completion, is_eager=True, metavar="SHELL",
        help="Print the completion script for SHELL (bash, zsh, fish, powershell).",
        show_default=False)] = None,
    install_completion: Annotated[Shell | None, typer.Option(
        "--install-completion", callback=_install_completion, is_eager=True,
        metavar="SHELL", help="Install completion for SHELL.", show_default=False)] = None,
) -> None:
    """Extract dates, countries, troop counts and leaders from French news articles."""


# The commands, in the order `nigerfacts --help` lists them.
app.command()(extract)
app.command("eval")(evaluate)
app.command()(timeline)
app.command()(presence)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record: a document's facts or an error record
    (each object of 'extract --format json', each line of '--format jsonl')."""
    from ..models import record_schema

    typer.echo(json.dumps(record_schema(), indent=2, ensure_ascii=False))


@app.command("help")
def help_(ctx: typer.Context, command: Annotated[str | None, typer.Argument(
        help="The command to explain.", show_default=False)] = None) -> None:
    """Show the help of nigerfacts, or of one of its commands."""
    group = ctx.parent
    assert group is not None and isinstance(group.command, TyperGroup)
    if command is None:
        typer.echo(group.get_help())
        return
    sub = group.command.get_command(group, command)
    if sub is None:
        _error(f"no such command '{command}'; the commands: "
               + ", ".join(group.command.list_commands(group)))
        raise typer.Exit(2)
    typer.echo(sub.get_help(type(ctx)(sub, info_name=command, parent=group)))


def main() -> None:
    """Console-script entry point: an unexpected error is one line (a traceback with --debug)."""
    try:
        app()
    except SystemExit as done:
        _exit_now(done.code)
    except Exception as exc:
        if "--debug" in sys.argv or _debugging():
            raise
        _error(f"internal error: {type(exc).__name__}: {exc}; run with --debug for the "
               "traceback")
        _exit_now(1)


def _exit_now(code: int | str | None) -> None:
    """End the process as `sys.exit(code)` would, without freeing the loaded model object by
    object (0.4 s after every run that loaded it): exit handlers run, output flushed, then
    `os._exit`. With another thread still running, or under a profiler or debugger (which
    write their report after the program ends), the usual way."""
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    code = code or 0
    if threading.active_count() > 1 or sys.getprofile() or sys.gettrace():
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe, or a stream the command closed
            stream.flush()
    os._exit(code)
