"""Rendering deployment records (`nigerfacts presence`): rich tables, JSON, JSON Lines, CSV.

The HTML page with its charts is `presence_html.py`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .models import PresenceRecord
from .presence import iter_records

CSV_COLUMNS = ("state", "location", "mission", "kind", "count", "low", "high", "qualifier",
               "as_of_first", "as_of_last", "n_sources", "sources", "evidence")
_QUALIFIER_SIGN = {"exact": "", "approx": "~", "more_than": ">", "less_than": "<"}


def place(state: str | None, location: str | None) -> str:
    """A section's title: `Tchad (TCD) in Niger (NER)`."""
    from .countries import display_name

    who = f"{display_name(state)} ({state})" if state else "Unknown state"
    where = f"{display_name(location)} ({location})" if location else "an unknown place"
    return f"{who} in {where}"


def figure(record: PresenceRecord) -> str:
    """`~1 000`, `1 000-1 100` when sources give several figures."""
    def spaced(n: int) -> str:
        return f"{n:,}".replace(",", " ")

    if record.low != record.high:
        return f"{spaced(record.low)}-{spaced(record.high)}"
    return _QUALIFIER_SIGN[record.qualifier] + spaced(record.count)


def when(record: PresenceRecord) -> str:
    """`2024-09`, `2024-09-10 → 2024-09-25`, or `undated`."""
    if record.as_of_first is None:
        return "undated"
    if record.as_of_first == record.as_of_last:
        return record.as_of_first
    return f"{record.as_of_first} → {record.as_of_last}"


def presence_tables(records: list[PresenceRecord]) -> Group:
    """One table per state and location, its records in time order."""
    parts: list[Table | Text] = []
    for (state, location), section in iter_records(records):
        table = Table(title=place(state, location), title_justify="left", expand=True)
        for column in ("As of", "Count", "Mission", "Kind", "Sources"):
            table.add_column(column, no_wrap=column in ("As of", "Count"))
        table.add_column("Evidence", ratio=1, overflow="fold")
        for record in section:
            evidence = "\n".join(f"{s.source}: {s.text}" for s in record.sources)
            table.add_row(when(record), figure(record), record.mission or "-", record.kind,
                          str(len(record.sources)), evidence)
        parts.append(table)
    if not parts:
        parts.append(Text("No troop counts."))
    return Group(*parts)


def write_presence_json(records: Iterable[PresenceRecord], out: TextIO, *, lines: bool) -> None:
    """A JSON array of records, or JSON Lines: one record per line."""
    if lines:
        for record in records:
            out.write(record.model_dump_json() + "\n")
        return
    data = [record.model_dump(mode="json") for record in records]
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_presence_csv(records: Iterable[PresenceRecord], out: TextIO) -> None:
    """One row per record; its sources and their evidence joined by ` | `, in the same order."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        writer.writerow([r.state or "", r.location or "", r.mission or "", r.kind, r.count,
                         r.low, r.high, r.qualifier, r.as_of_first or "", r.as_of_last or "",
                         len(r.sources), " | ".join(s.source or "-" for s in r.sources),
                         " | ".join(s.text for s in r.sources)])
