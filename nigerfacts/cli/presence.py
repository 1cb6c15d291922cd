"""`nigerfacts presence`: troop counts merged across articles (or an archive) into
deployment records."""

from __future__ import annotations

import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .options import (
    BatchSizeOption,
    DateFieldOption,
    GlobOption,
    IdFieldOption,
    InputFormat,
    InputFormatOption,
    SchedulerOption,
    TextFieldOption,
    WorkersOption,
    _check_date,
    _error,
)
from .output import _destination
from .run import _ModelError, _on_dask, _run, _Stats


class PresenceFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"


def _check_kind(value: str | None) -> str | None:
    if value is not None and value not in ("strength", "casualties"):
        raise typer.BadParameter(f"'{value}' is not a kind: use strength or casualties")
    return value


def presence(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Article files, directories or '-' for standard input (or --db).",
        show_default=False)] = None,
    db: Annotated[Path | None, typer.Option(
        "--db", help="Read the troop counts of this SQLite archive (from 'extract --db') "
                     "instead of extracting articles.", show_default=False)] = None,
    output_format: Annotated[PresenceFormat | None, typer.Option(
        "--format", "-f", help="table, json, jsonl, csv or html (a page with a chart per "
                               "state and location). Default: table on a terminal, json when "
                               "piped, else the --output extension.", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (complete or not at all).")] = None,
    country: Annotated[str | None, typer.Option(help="Only this state's personnel (alpha-3).")
                       ] = None,
    location: Annotated[str | None, typer.Option(help="Only counts placed in this state.")
                        ] = None,
    mission: Annotated[str | None, typer.Option(help="Only this mission (any case).")] = None,
    kind: Annotated[str | None, typer.Option(
        callback=_check_kind, help="strength or casualties.")] = None,
    since: Annotated[str | None, typer.Option(
        callback=_check_date, metavar="YYYY[-MM[-DD]]",
        help="Only records whose latest as_of is on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(
        callback=_check_date, metavar="YYYY[-MM[-DD]]",
        help="Only records whose earliest as_of is on or before this date.")] = None,
    date: Annotated[str | None, typer.Option(
        "--date", "-d", callback=_check_date, metavar="YYYY[-MM[-DD]]",
        help="Publication date; overrides the articles' datelines.")] = None,
    input_format: InputFormatOption = InputFormat.auto,
    glob: GlobOption = "*.txt",
    id_field: IdFieldOption = "id",
    text_field: TextFieldOption = "text",
    date_field: DateFieldOption = "date",
    workers: WorkersOption = "1",
    batch_size: BatchSizeOption = 16,
    scheduler: SchedulerOption = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline to load.")] = "fr_core_news_md",
) -> None:
    """One record per deployment figure across many articles, every source that reports it.

    Counts of the same state, location, mission and kind, compatible figures and the same
    month (or one date unknown) are one record; contradicting figures stay apart.

    Examples:

      nigerfacts presence archive/ --country TCD

      nigerfacts presence archive/ --format html -o presence.html

      nigerfacts presence --db archive.db --mission FINUL --since 2024-01 -f csv
    """
    from ..presence import Filters, from_archive
    from ..presence import presence as merge

    filters = Filters(country=country, location=location, mission=mission, kind=kind,
                      since=since, until=until)
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    fmt = output_format or (PresenceFormat(suffix) if suffix in PresenceFormat.__members__
                            else PresenceFormat.table if output is None and sys.stdout.isatty()
                            else PresenceFormat.json)
    stats = _Stats()
    if db is not None:
        if paths:
            raise typer.BadParameter("give articles or --db, not both", param_hint="--db")
        if not db.is_file():
            _error(f"{db}: no such file")
            raise typer.Exit(2)
        records = from_archive(str(db), filters)
    else:
        if not paths:
            raise typer.BadParameter("give articles (files, directories, -) or --db",
                                     param_hint="PATHS")
        from ..sources import JsonFields, expand, iter_sources

        sources = iter_sources(list(expand(paths, glob)), input_format.value, glob,
                               JsonFields(id_field, text_field, date_field))
        facts = (_on_dask(sources, scheduler, date, model, workers or 1, batch_size, stats, {})
                 if scheduler is not None else
                 _run(sources, date, model, workers, batch_size, stats))
        try:
            records = merge(facts, filters)
        except _ModelError as exc:
            _error(str(exc))
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            _error("interrupted")
            raise typer.Exit(130) from None
    _write_presence(records, fmt, output)
    if db is None:
        _error(f"{stats.documents} documents, {len(records)} deployment records, "
               f"{stats.errors} errors, {time.perf_counter() - stats.started:.1f} s")
    if stats.errors:
        raise typer.Exit(1)


def _write_presence(records: list, fmt: PresenceFormat, output: Path | None) -> None:
    from .. import presence_render as render

    with _destination(output) as out:
        if fmt is PresenceFormat.table:
            from rich.console import Console

            Console(file=out).print(render.presence_tables(records))
        elif fmt is PresenceFormat.csv:
            render.write_presence_csv(records, out)
        elif fmt is PresenceFormat.html:
            from ..presence_html import presence_html

            out.write(presence_html(records))
        else:
            render.write_presence_json(records, out, lines=fmt is PresenceFormat.jsonl)
