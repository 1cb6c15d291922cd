"""`nigerfacts extract`: the facts of articles, printed in a format, written to --output
or into a SQLite archive (--db)."""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..models import ErrorRecord, Facts
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
    _check_kinds,
    _error,
    _kinds,
    plural,
)
from .output import _destination, _OutputError, _removed_on_signal, _Terminated
from .run import _ModelError, _on_dask, _run, _Stats, _tracked, _yearless_warning

if TYPE_CHECKING:
    from ..sources import Source


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    html = "html"
    csv = "csv"
    tsv = "tsv"


# --output's extension gives the format when --format is not given.
_BY_EXTENSION = {".json": OutputFormat.json, ".jsonl": OutputFormat.jsonl,
                 ".ndjson": OutputFormat.jsonl, ".html": OutputFormat.html,
                 ".htm": OutputFormat.html, ".txt": OutputFormat.table,
                 ".csv": OutputFormat.csv, ".tsv": OutputFormat.tsv}


def output_format_for(given: OutputFormat | None, output: Path | None) -> OutputFormat:
    """--format if given, else --output's extension (JSON if unknown), else table on a
    terminal and JSON when piped."""
    if given is not None:
        return given
    if output is not None:
        return _BY_EXTENSION.get(output.suffix.lower(), OutputFormat.json)
    return OutputFormat.table if sys.stdout.isatty() else OutputFormat.json


def extract(
    paths: Annotated[list[str], typer.Argument(
        help="Article files, directories (searched recursively) or '-' for standard input.",
        metavar="PATH", show_default=False)],
    output_format: Annotated[OutputFormat | None, typer.Option(
        "--format", "-f",
        help="table, json (one object, or an array for several inputs), jsonl "
             "(one object per line, written as each article is done), html (a "
             "self-contained report), csv or tsv (one row per fact). Default: from "
             "--output's extension (.json, .jsonl, .html, .txt, .csv, .tsv), else table on "
             "a terminal and json when piped.",
        show_default=False)] = None,
    date: Annotated[str | None, typer.Option(
        "--date", "-d", callback=_check_date, metavar="YYYY[-MM[-DD]]",
        help="Publication date used to place dates without a year; overrides the "
             "article's dateline.")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (complete or not at all: written to a "
                               "temporary file, renamed at the end).")] = None,
    input_format: InputFormatOption = InputFormat.auto,
    glob: GlobOption = "*.txt",
    id_field: IdFieldOption = "id",
    text_field: TextFieldOption = "text",
    date_field: DateFieldOption = "date",
    workers: WorkersOption = "1",
    batch_size: BatchSizeOption = 16,
    scheduler: SchedulerOption = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline to load.")] = "fr_core_news_md",
    db: Annotated[Path | None, typer.Option(
        "--db", help="Write the facts into this SQLite archive (created if new) instead of "
                     "printing them; articles already there, unchanged, are skipped.",
        show_default=False)] = None,
    refresh: Annotated[bool, typer.Option(
        "--refresh", help="With --db: extract every article again, changed or not.")] = False,
    only: Annotated[str | None, typer.Option(
        "--only", callback=_check_kinds, metavar="KIND[,KIND]",
        help="The fact kinds to give, among dates, countries, troops, leaders "
             "(default: all).", show_default=False)] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar, summary line or hints; errors and warnings "
                              "are still said.")] = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Tables: a Why column for troop counts, the cue that decided each "
                          "field and the words it read (always in the JSON's 'why').")] = False,
    debug: Annotated[bool, typer.Option(
        "--debug", envvar="NIGERFACTS_DEBUG",
        help="Show the traceback of an internal error (also NIGERFACTS_DEBUG=1).")] = False,
) -> None:
    """Extract the facts of one or more French articles.

    An article may start with a dateline, ' date 2024-08 ', giving its publication date.
    Exit status: 0 when every input was processed, 1 when some could not be, 2 on usage errors.

    Examples:

      nigerfacts extract samples/articles/mali-africa-corps-wagner-2024-02.txt

      nigerfacts extract a.txt b.txt --format jsonl | jq -c '.troops[]'

      nigerfacts extract archive/ --glob '*.txt' -f jsonl -o facts.jsonl --workers auto

      nigerfacts extract corpus.jsonl --input-format jsonl --text-field body -f jsonl

      nigerfacts extract article.txt --format html > report.html

      nigerfacts extract archive/ --db archive.db     # then: datasette archive.db

      nigerfacts extract archive/ -f csv -o facts.csv

      nigerfacts extract archive/ -f jsonl -o facts.jsonl --scheduler tcp://10.0.0.5:8786

      echo " date 2024-03 Le 6 juillet dernier, 200 soldats tchadiens..." | nigerfacts extract -
    """
    from ..sources import JsonFields, check, display_name, expand, iter_sources
    from ..terminal import Screen

    fmt = output_format_for(output_format, output)
    fields = JsonFields(id_field, text_field, date_field)
    files = list(expand(paths, glob))
    stats = _Stats()
    single = (len(paths) == 1 and files == paths and input_format is not InputFormat.jsonl
              and not paths[0].endswith(".jsonl"))
    kinds = _kinds(only)
    texts: dict[str, str] = {}
    # Every input looked at before the model loads: what is wrong is said at once.
    said: set[str] = set()
    for name in files:
        reason = check(name, input_format.value, glob)
        if reason is not None:
            said.add(display_name(name))
            _error(f"{display_name(name)}: {reason}")
    sources = iter_sources(files, input_format.value, glob, fields)
    if db is not None:
        if output_format is not None or output is not None:
            raise typer.BadParameter("--db writes to the database: leave out --format and "
                                     "--output", param_hint="--db")
        _to_archive(db, refresh, sources, date, model, workers, batch_size, said, debug)
        return
    if scheduler is not None:
        records = _on_dask(sources, scheduler, date, model, workers or 1, batch_size, stats, texts)
    else:
        records = _run(sources, date, model, workers, batch_size, stats,
                       texts if fmt in (OutputFormat.html, OutputFormat.table) else None,
                       said=said, debug=debug)
    try:
        with _destination(output) as out, Screen(
                out, total=len(files), bar=not single, tables_out=fmt is OutputFormat.table,
                quiet=quiet) as screen:
            tracked = _tracked(_only(records, kinds, stats), screen.advance)
            if fmt is OutputFormat.table:
                from ..render import tables

                for record in tracked:
                    if isinstance(record, Facts):
                        screen.show(tables(record, texts.pop(str(record.source), None), kinds,
                                           explain=explain))
            elif fmt in (OutputFormat.csv, OutputFormat.tsv):
                from ..rows import write_csv

                write_csv(tracked, out, delimiter="," if fmt is OutputFormat.csv else "\t")
            elif fmt is OutputFormat.html:
                from ..report import html_report

                articles = [(texts.pop(str(r.source)), r) for r in tracked
                            if isinstance(r, Facts)]
                out.write(html_report(articles, kinds))
            else:
                from ..render import write_json
                from ..views import KINDS

                write_json(tracked, out, lines=fmt is OutputFormat.jsonl, many=not single,
                           exclude=set(KINDS) - set(kinds))
    except _ModelError as exc:
        _error(str(exc))
        raise typer.Exit(1) from None
    except _OutputError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        _error("interrupted; no output file was written" if output else "interrupted")
        raise typer.Exit(130) from None
    except _Terminated:
        _error("terminated; no output file was written" if output else "terminated")
        raise typer.Exit(128 + signal.SIGTERM) from None
    if stats.yearless and not quiet:
        _yearless_warning(stats.yearless)
    if not single and not quiet:
        _error(f"{plural(stats.documents, 'document')}, {plural(stats.facts, 'fact')}, "
               f"{plural(stats.errors, 'error')}, {time.perf_counter() - stats.started:.1f} s")
    if stats.errors:
        raise typer.Exit(1)


def _only(records: Iterator[Facts | ErrorRecord], kinds: tuple[str, ...], stats: _Stats
          ) -> Iterator[Facts | ErrorRecord]:
    """The records with the kinds not asked for (--only) emptied, and not counted; the
    documents with dates left without a year counted."""
    from ..views import KINDS

    dropped = [k for k in KINDS if k not in kinds]
    for record in records:
        if dropped and isinstance(record, Facts):
            stats.facts -= sum(len(getattr(record, k)) for k in dropped)
            record = record.model_copy(update={kind: [] for kind in dropped})
        if isinstance(record, Facts) and any(d.year == "unknown" for d in record.dates):
            stats.yearless += 1
        yield record


def _to_archive(path: Path, refresh: bool, sources: Iterable[Source], date: str | None,
                model: str, workers: int, batch_size: int, said: set[str], debug: bool
                ) -> None:
    """`extract --db`: new and changed articles into the archive, a transaction per batch."""
    import sqlite3

    from ..archive import Archive

    stats = _Stats()
    texts: dict[str, str] = {}
    try:
        archive = Archive(path)
    except sqlite3.Error as exc:
        _error(f"{path}: cannot open the database ({exc})")
        raise typer.Exit(2) from None
    with archive:
        records = _run(archive.fresh(sources, refresh=refresh), date, model, workers,
                       batch_size, stats, texts, said=said, debug=debug)
        try:
            with _removed_on_signal(None):
                summary = archive.write_all(records, texts, batch_size)
        except _ModelError as exc:
            _error(str(exc))
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            _error("interrupted; the archive holds every batch that completed")
            raise typer.Exit(130) from None
        except _Terminated:
            _error("terminated; the archive holds every batch that completed")
            raise typer.Exit(128 + signal.SIGTERM) from None
        except sqlite3.Error as exc:
            _error(f"{path}: {exc}")
            raise typer.Exit(1) from None
    _error(f"{summary.extracted + summary.skipped + summary.failed} articles: "
           f"{summary.extracted} extracted, {summary.skipped} skipped, {summary.failed} failed, "
           f"{stats.facts} facts, {time.perf_counter() - stats.started:.1f} s")
    if summary.failed:
        raise typer.Exit(1)
