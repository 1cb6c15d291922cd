"""Facts flattened to rows, one per fact: the shape of CSV/TSV output and of the SQLite archive.

The columns come from the output models themselves (`models.py`), so a field added to a fact
appears in every flat output without a second list to keep in step. Scalars stay as they are;
a nested value (a fact's `why`) is written as JSON; a fact's mentions are its own rows in the
archive, and in CSV the first mention gives `text`, `start` and `end`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from .models import CountryFact, DateFact, ErrorRecord, Facts, LeaderFact, TroopFact

# Fact kind -> (the Facts field holding it, its model).
KINDS: dict[str, tuple[str, type]] = {
    "date": ("dates", DateFact),
    "country": ("countries", CountryFact),
    "troop": ("troops", TroopFact),
    "leader": ("leaders", LeaderFact),
}
_EVIDENCE = ("text", "start", "end")


def fact_fields(kind: str) -> list[str]:
    """The flat columns of one kind of fact, in model order, without its mention list."""
    model = KINDS[kind][1]
    return [name for name in model.model_fields if name != "mentions"]


def csv_columns() -> list[str]:
    """Every CSV column: the fact kind and source, every kind's fields, the evidence, an error."""
    names: dict[str, None] = dict.fromkeys(["fact", "source"])
    for kind in KINDS:
        names.update((name, None) for name in fact_fields(kind) if name not in _EVIDENCE)
    names.update(dict.fromkeys([*_EVIDENCE, "error"]))
    return list(names)


def flat(value: Any) -> Any:
    """A value as one cell: scalars as they are, anything nested as compact JSON."""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def facts_by_kind(record: Facts) -> Iterator[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    """(kind, flat fields, mentions) of every fact of a record, kind by kind, in output order."""
    data = record.model_dump(mode="json")
    for kind, (attribute, _) in KINDS.items():
        for fact in data[attribute]:
            mentions = fact.pop("mentions", None)
            if mentions is None:
                mentions = [{name: fact[name] for name in _EVIDENCE}]
            yield kind, {name: flat(value) for name, value in fact.items()}, mentions


def csv_rows(record: Facts | ErrorRecord) -> Iterator[dict[str, Any]]:
    """One row per fact of a record, or one `error` row for an input that failed."""
    if isinstance(record, ErrorRecord):
        yield {"fact": "error", "source": record.source, "error": record.error}
        return
    for kind, fields, mentions in facts_by_kind(record):
        first = mentions[0] if mentions else {}
        yield {**fields, "fact": kind, "source": record.source,
               **{name: first.get(name) for name in _EVIDENCE}}


def write_csv(records: Iterable[Facts | ErrorRecord], out: TextIO, *, delimiter: str = ",") -> None:
    """Stream records as CSV (or TSV with a tab delimiter), a header line first."""
    writer = csv.DictWriter(out, fieldnames=csv_columns(), delimiter=delimiter,
                            lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    for record in records:
        writer.writerows(csv_rows(record))
        out.flush()
