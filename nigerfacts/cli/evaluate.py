"""`nigerfacts eval`: the extraction scored against gold annotations."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..models import Facts
from .options import _error
from .run import _run, _Stats, _tracked


class ScoreFormat(str, Enum):
    table = "table"
    json = "json"


def evaluate(
    directory: Annotated[Path, typer.Argument(
        help="Directory with articles/<id>.txt and gold/<id>.json.", show_default=False)],
    output_format: Annotated[ScoreFormat | None, typer.Option(
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
    from ..evaluation import evaluate as score
    from ..evaluation import load_gold, load_predictions

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
        from ..sources import iter_sources

        paths = [str(directory / "articles" / f"{doc_id}.txt") for doc_id in gold]
        from ..terminal import Screen

        with Screen(None, total=len(paths), bar=True) as screen:
            records = _tracked(_run(iter_sources(paths), None, model, 1, 16, _Stats()),
                               screen.advance)
            predicted = {Path(str(r.source)).stem: r.model_dump(mode="json")
                         for r in records if isinstance(r, Facts)}
    report = score(gold, predicted)
    fmt = output_format or (ScoreFormat.table if sys.stdout.isatty() else ScoreFormat.json)
    if fmt is ScoreFormat.table:
        from rich.console import Console

        from ..render import score_table

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
