"""The model run over the inputs, shared by every command that extracts: records in input
order, failed inputs said on stderr, the counts of the closing summary.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING

import typer

from ..models import ErrorRecord, Facts
from .options import _debugging, _error, plural

if TYPE_CHECKING:
    from ..sources import Source


@dataclass
class _Stats:
    """A run's counts and start, for its closing summary line and exit status."""

    documents: int = 0
    facts: int = 0
    errors: int = 0
    yearless: int = 0
    started: float = field(default_factory=time.perf_counter)


class _ModelError(Exception):
    """The model cannot be loaded: one line for the user, exit 1."""


def _run(sources: Iterable[Source], date: str | None, model: str, workers: int,
         batch_size: int, stats: _Stats, texts: dict[str, str] | None = None,
         said: set[str] = frozenset(), *, debug: bool | None = None
         ) -> Iterator[Facts | ErrorRecord]:
    """Facts or error records, one per input, in input order; texts kept in `texts` if given.

    The model is loaded once a first input is known good, not at all if none is; failed
    inputs are said on stderr, unless they are in `said` already. An input that fails
    unexpectedly, in reading or in extraction, is an internal error: its error record and
    one stderr line (its traceback with `debug`), and the batch goes on.
    """
    from ..pipeline import DocumentError, ModelNotFoundError, extract_many, load_pipeline

    debug = _debugging() if debug is None else debug

    pending: deque[ErrorRecord | str] = deque()
    dates: deque[str | None] = deque()

    def good_texts() -> Iterator[str]:
        for source in sources:
            stats.documents += 1
            if source.error is not None:
                stats.errors += 1
                if source.name not in said:
                    _failed(source.name, source.error, source.traceback, debug)
                pending.append(ErrorRecord(source=source.name, error=source.error))
                continue
            for warning in source.warnings:
                _error(f"{source.name}: warning: {warning}")
            pending.append(source.name)
            dates.append(date or source.reference_date)
            if texts is not None:
                texts[source.name] = source.text
            yield source.text

    def reference_dates() -> Iterator[str | None]:
        while dates:  # one per text: good_texts() puts it before extract_many asks
            yield dates.popleft()

    def flush_errors() -> Iterator[ErrorRecord]:
        while pending and isinstance(pending[0], ErrorRecord):
            yield pending.popleft()

    good = good_texts()
    first = next(good, None)
    if first is None:
        yield from flush_errors()
        return
    try:
        with _loading(model):
            load_pipeline(model)
        for facts in extract_many(chain([first], good), reference_dates(), model=model,
                                  batch_size=batch_size, n_process=workers, errors="return"):
            yield from flush_errors()
            name = pending.popleft()
            if isinstance(facts, DocumentError):
                stats.errors += 1
                error = f"internal error: {facts}"
                _failed(str(name), error, facts.traceback, debug)
                yield ErrorRecord(source=str(name), error=error)
                continue
            facts.source = name
            stats.facts += (len(facts.dates) + len(facts.countries) + len(facts.troops)
                            + len(facts.leaders))
            yield facts
    except ModelNotFoundError as exc:
        raise _ModelError(str(exc)) from None
    yield from flush_errors()


def _loading(model: str) -> AbstractContextManager[None]:
    """The screen's spinner while `model` loads, if there is a screen."""
    from .. import terminal

    return terminal.current.loading(model) if terminal.current is not None else nullcontext()


def _on_dask(sources: Iterable[Source], scheduler: str, date: str | None, model: str,
             workers: int, batch_size: int, stats: _Stats, texts: dict[str, str]
             ) -> Iterator[Facts | ErrorRecord]:
    """The same records as `_run`, computed on a Dask cluster."""
    try:
        from ..dask import connect, run
    except ImportError:
        _error("--scheduler needs Dask: pip install 'nigerfacts[dask]'")
        raise typer.Exit(2) from None
    items = []
    for source in sources:
        for warning in source.warnings:
            _error(f"{source.name}: warning: {warning}")
        if source.error:
            _error(f"{source.name}: {source.error}")
        if source.text is not None:
            texts[source.name] = source.text
        items.append({"id": source.name, "text": source.text, "date": source.reference_date,
                      "error": source.error})
    unreadable = {item["id"] for item in items if item["error"]}
    try:
        client = connect(scheduler, workers)
    except (OSError, ValueError) as exc:
        _error(f"cannot reach the Dask scheduler {scheduler}: {exc}")
        raise typer.Exit(1) from None
    with client:
        for record in run(items, client, reference_date=date, model=model,
                          batch_size=batch_size):
            stats.documents += 1
            if "error" in record:
                stats.errors += 1
                if record["source"] not in unreadable:  # read errors were said already
                    _error(f"{record['source']}: {record['error']}")
                yield ErrorRecord.model_validate(record)
            else:
                facts = Facts.model_validate(record)
                stats.facts += (len(facts.dates) + len(facts.countries) + len(facts.troops)
                                + len(facts.leaders))
                yield facts


def _failed(name: str, error: str, traceback: str | None, debug: bool) -> None:
    """The one stderr line of a failed input; an internal error's traceback with --debug."""
    if traceback is None:
        _error(f"{name}: {error}")
    elif debug:
        _error(f"{name}: {error}")
        typer.echo(traceback.rstrip("\n"), err=True)
    else:
        _error(f"{name}: {error}; run with --debug for the traceback")


def _tracked(records: Iterator[Facts | ErrorRecord], advance: Callable[[], None]
             ) -> Iterator[Facts | ErrorRecord]:
    """The records as they come, the progress bar moved on for each."""
    for record in records:
        advance()
        yield record


def _yearless_warning(documents: int) -> None:
    """Said once a run: why some dates are --MM-DD, and what places them."""
    _error(f"warning: {plural(documents, 'document')} without a publication date: "
           "dates without a year stay --MM-DD; --date YYYY-MM-DD places them")
