"""`nigerfacts timeline`: the dated facts of articles in calendar order."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import Enum
from typing import Annotated

import typer

from ..models import Facts
from .options import _check_date, _error
from .run import _ModelError, _run, _Stats, _tracked, _yearless_warning


class TimelineFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def timeline(
    paths: Annotated[list[str], typer.Argument(
        help="Article files, directories or '-' for standard input.", metavar="PATH",
        show_default=False)],
    output_format: Annotated[TimelineFormat | None, typer.Option(
        "--format", "-f", help="table, json or jsonl. Default: table on a terminal, json when "
                               "piped.", show_default=False)] = None,
    date: Annotated[str | None, typer.Option(
        "--date", "-d", callback=_check_date, metavar="YYYY[-MM[-DD]]",
        help="Publication date; overrides the articles' datelines.")] = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline to load.")] = "fr_core_news_md",
) -> None:
    """List the dated facts of articles in calendar order, each with its sentence.

    Examples:

      nigerfacts timeline samples/articles/

      nigerfacts timeline a.txt b.txt --format json | jq -r '.[] | [.value, .sentence] | @tsv'
    """
    from ..sources import expand, iter_sources
    from ..timeline import timeline as build_timeline

    texts: dict[str, str] = {}
    stats = _Stats()
    from ..terminal import Screen

    files = list(expand(paths))
    records = _run(iter_sources(files), date, model, 1, 16, stats, texts)
    try:
        with Screen(None, total=len(files), bar=True) as screen:
            items = [(texts[r.source], r) for r in _tracked(records, screen.advance)
                     if isinstance(r, Facts) and r.source]
    except _ModelError as exc:
        _error(str(exc))
        raise typer.Exit(1) from None
    entries = build_timeline(items)
    yearless = sum(1 for _, facts in items if any(d.year == "unknown" for d in facts.dates))
    if yearless:
        _yearless_warning(yearless)
    fmt = output_format or (TimelineFormat.table if sys.stdout.isatty()
                            else TimelineFormat.json)
    if fmt is TimelineFormat.table:
        from rich.console import Console

        from ..render import timeline_table

        console = Console()
        console.print(timeline_table(entries, console.width))
    elif fmt is TimelineFormat.jsonl:
        for entry in entries:
            typer.echo(json.dumps(asdict(entry), ensure_ascii=False))
    else:
        typer.echo(json.dumps([asdict(e) for e in entries], ensure_ascii=False, indent=2))
    if stats.errors:
        raise typer.Exit(1)
