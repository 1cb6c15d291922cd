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
from pathlib import Path
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


@app.command("eval")
def evaluate(
    directory: Annotated[Path, typer.Argument(
        help="Directory with articles/<id>.txt and gold/<id>.json.", show_default=False)],
    output_format: Annotated[OutputFormat | None, typer.Option(
        "--format", "-f", help="table or json. Default: table on a terminal, json when piped.",
        show_default=False)] = None,
    details: Annotated[bool, typer.Option(
        "--details", help="List every miss and false alarm with its article.")] = False,
    min_f1: Annotated[float | None, typer.Option(
        "--min-f1", help="Exit 1 when the F1 of dates, countries, troops or leaders is below.",
        min=0.0, max=1.0)] = None,
    pred: Annotated[Path | None, typer.Option(
        "--pred", help="Score these predictions (JSON or JSON Lines) instead of running "
                       "the extraction.")] = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline to load.")] = "fr_core_news_md",
) -> None:
    """Measure precision, recall and F1 per fact kind against gold annotations.

    Examples:

      nigerfacts eval samples

      nigerfacts eval samples --details --format json | jq .figures

      nigerfacts eval samples --min-f1 0.8        # for CI: exit 1 below the bar
    """
    from .evaluation import evaluate as score
    from .evaluation import load_gold, load_predictions

    gold = load_gold(directory)
    if not gold:
        _error(f"{directory}: no gold/<id>.json files")
        raise typer.Exit(2)
    if pred is not None:
        try:
            predicted = load_predictions(pred.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            _error(f"{pred}: cannot read predictions ({exc})")
            raise typer.Exit(2) from None
    else:
        paths = [str(directory / "articles" / f"{doc_id}.txt") for doc_id in gold]
        predicted = {Path(str(r.source)).stem: r.model_dump(mode="json")
                     for r in _run(paths, None, model) if isinstance(r, Facts)}
    report = score(gold, predicted)
    fmt = output_format or (OutputFormat.table if sys.stdout.isatty() else OutputFormat.json)
    if fmt is OutputFormat.table:
        from rich.console import Console

        from .render import score_table

        console = Console()
        if details:
            for line in report.details:
                console.print("\t".join(line), markup=False, highlight=False)
        console.print(score_table(report))
    else:
        data: dict[str, object] = {"figures": report.as_dict()}
        if details:
            data["details"] = [dict(zip(("id", "kind", "error", "fact"), d, strict=True)) for d in
                               report.details]
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    if min_f1 is not None and report.lowest_f1() < min_f1:
        _error(f"lowest F1 {report.lowest_f1():.3f} is below --min-f1 {min_f1}")
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output document (what 'extract --format json' emits)."""
    typer.echo(json.dumps(Facts.model_json_schema(), indent=2, ensure_ascii=False))


def main() -> None:
    """Console-script entry point."""
    app()
