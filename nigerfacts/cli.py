"""The `nigerfacts` command line: a thin layer over `nigerfacts.extract_many`.

spaCy is imported only when a command needs the model, so `--help` and
`schema` start instantly.
"""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Iterator
from enum import Enum
from typing import Annotated

import typer

from .dateline import is_iso_date
from .models import ErrorRecord, Facts

app = typer.Typer(
    name="nigerfacts",
    help=(
        "Extract dates, countries, troop counts and leaders from French news articles.\n\n"
        "Examples:\n\n"
        "  nigerfacts extract article.txt                 # tables on a terminal\n\n"
        "  nigerfacts extract article.txt | jq .troops    # JSON when piped\n\n"
        "  cat article.txt | nigerfacts extract - --date 2024-08\n\n"
        "  nigerfacts extract corpus/*.txt --format jsonl > facts.jsonl\n\n"
        "  nigerfacts schema > facts.schema.json"
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def _check_date(value: str | None) -> str | None:
    if value is not None and not is_iso_date(value):
        raise typer.BadParameter(f"'{value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _error(message: str) -> None:
    typer.echo(f"nigerfacts: {message}", err=True)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(
        help="Article files (UTF-8 text); '-' reads standard input.", show_default=False)],
    output_format: Annotated[OutputFormat | None, typer.Option(
        "--format", "-f",
        help="table, json (one object, or an array for several inputs) or jsonl "
             "(one object per line). Default: table on a terminal, json when piped.",
        show_default=False)] = None,
    date: Annotated[str | None, typer.Option(
        "--date", "-d", callback=_check_date, metavar="YYYY[-MM[-DD]]",
        help="Publication date used to place dates without a year; overrides the "
             "article's dateline.")] = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline to load.")] = "fr_core_news_md",
) -> None:
    """Extract the facts of one or more French articles.

    An article may start with a dateline, ' date 2024-08 ', giving its publication date.
    Exit status: 0 when every input was processed, 1 when some could not be, 2 on usage errors.

    Examples:

      nigerfacts extract samples/articles/mali-wagner-retrait.txt

      nigerfacts extract a.txt b.txt --format jsonl | jq -c '.troops[]'

      echo " date 2024-03 Le 6 juillet dernier, 200 soldats tchadiens..." | nigerfacts extract -
    """
    fmt = output_format or (OutputFormat.table if sys.stdout.isatty() else OutputFormat.json)
    failures = 0
    records = _run(paths, date, model)
    try:
        if fmt is OutputFormat.table:
            from rich.console import Console

            from .render import tables

            console = Console()
            for record in records:
                if isinstance(record, Facts):
                    console.print(tables(record))
                else:
                    failures += 1
        else:
            failures = _write_json(records, fmt, len(paths) > 1)
    except _ModelError as exc:
        _error(str(exc))
        raise typer.Exit(1) from None
    if failures:
        raise typer.Exit(1)


class _ModelError(Exception):
    pass


def _run(paths: list[str], date: str | None, model: str) -> Iterator[Facts | ErrorRecord]:
    """Facts or error records, one per input, in input order."""
    from .pipeline import ModelNotFoundError, extract_many
    from .sources import read_sources

    pending: deque[ErrorRecord | str] = deque()

    def good_texts() -> Iterator[str]:
        for source in read_sources(paths):
            if source.error is not None:
                _error(f"{source.name}: {source.error}")
                pending.append(ErrorRecord(source=source.name, error=source.error))
                continue
            if source.warning:
                _error(f"{source.name}: warning: {source.warning}")
            pending.append(source.name)
            yield source.text

    def flush_errors() -> Iterator[ErrorRecord]:
        while pending and isinstance(pending[0], ErrorRecord):
            yield pending.popleft()

    texts = good_texts()
    try:
        results = extract_many(texts, _repeat(date), model=model)
        for facts in results:
            yield from flush_errors()
            facts.source = pending.popleft()
            yield facts
    except ModelNotFoundError as exc:
        raise _ModelError(str(exc)) from None
    yield from flush_errors()


def _repeat(value: str | None) -> Iterator[str | None]:
    while True:
        yield value


def _write_json(records: Iterator[Facts | ErrorRecord], fmt: OutputFormat, many: bool) -> int:
    """Stream records as JSON or JSON Lines; return the number of error records."""
    failures = 0
    out = sys.stdout
    if fmt is OutputFormat.json and many:
        out.write("[")
    for n, record in enumerate(records):
        failures += isinstance(record, ErrorRecord)
        if fmt is OutputFormat.jsonl:
            out.write(record.model_dump_json() + "\n")
        else:
            body = json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2)
            out.write(("," if n else "") + ("\n" if many else "") + body)
        out.flush()
    if fmt is OutputFormat.json:
        out.write("\n]\n" if many else "\n")
    return failures


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output document (what 'extract --format json' emits)."""
    typer.echo(json.dumps(Facts.model_json_schema(), indent=2, ensure_ascii=False))


def main() -> None:
    """Console-script entry point."""
    app()
