"""What the commands share: their messages, the checks of option values, and the input
options of `extract` and `presence`, declared once."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..dateline import is_iso_date


def plural(count: int, noun: str) -> str:
    """'1 error', '2 errors'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _check_date(value: str | None) -> str | None:
    if value is not None and not is_iso_date(value):
        raise typer.BadParameter(f"'{value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _check_kinds(value: str | None) -> str | None:
    from ..views import KINDS

    if value is not None:
        asked = [k.strip() for k in value.split(",") if k.strip()]
        unknown = [k for k in asked if k not in KINDS]
        if unknown or not asked:
            raise typer.BadParameter(f"'{value}': choose among {', '.join(KINDS)}, "
                                     "separated by commas")
    return value


def _kinds(only: str | None) -> tuple[str, ...]:
    from ..views import KINDS

    asked = {k.strip() for k in (only or ",".join(KINDS)).split(",")}
    return tuple(k for k in KINDS if k in asked)


def _error(message: str) -> None:
    from .. import terminal

    if terminal.current is not None:
        terminal.current.say(f"nigerfacts: {message}")
    else:
        typer.echo(f"nigerfacts: {message}", err=True)


def _debugging() -> bool:
    return os.environ.get("NIGERFACTS_DEBUG", "").lower() in ("1", "true", "yes", "on")


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"
    html = "html"


def _check_glob(value: str) -> str:
    if Path(value).is_absolute():
        raise typer.BadParameter(f"'{value}' is an absolute path: give a pattern of file names "
                                 "inside the directories, such as '*.txt' or '2024/*.txt'")
    return value


def _workers(value: str) -> int:
    if value in ("0", "auto"):
        return os.cpu_count() or 1
    if not value.isdigit():
        raise typer.BadParameter(f"'{value}' is not a number of workers (N, 0 or auto)")
    return int(value)


# The input options `extract` and `presence` share, declared once.
InputFormatOption = Annotated[InputFormat, typer.Option(
    "--input-format", help="text, html, jsonl (one {id, text, date} object per line), "
                           "or auto: by file extension.")]
GlobOption = Annotated[str, typer.Option(callback=_check_glob,
                                         help="Files to take from directories.")]
IdFieldOption = Annotated[str, typer.Option(help="JSON Lines field with the id.")]
TextFieldOption = Annotated[str, typer.Option(help="JSON Lines field with the text.")]
DateFieldOption = Annotated[str, typer.Option(help="JSON Lines field with the publication date.")]
WorkersOption = Annotated[str, typer.Option(
    "--workers", "-w", callback=_workers, help="Processes for spaCy (0 or auto: one per core).")]
BatchSizeOption = Annotated[int, typer.Option(min=1, help="Articles per spaCy batch.")]
SchedulerOption = Annotated[str | None, typer.Option(
    help="Run on Dask: tcp://HOST:PORT of a running scheduler, or 'local' for a local "
         "cluster of --workers processes (needs nigerfacts[dask]).", show_default=False)]
