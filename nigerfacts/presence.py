"""Presence: one record per deployment figure across a corpus, every source that reports it.

The same deployment is reported by many outlets, in different words and on different days.
`Presence` reads troop counts one article at a time (a stream: only the records are kept,
never the documents) and merges two reports into one record when all of these hold:

  key      the same state, location, mission (compared without case or accents: `Minusma`
           is `MINUSMA`) and kind; an unknown value matches only an unknown value, since an
           unplaced count may be another deployment of the same state;
  count    the figures are compatible: the intervals their qualifiers claim (see `TOLERANCE`)
           overlap the interval every source of the record already agrees on;
  date     their as_of fall in the same month, or one of them is unknown (a year alone
           matches any month of that year).

Anything else stays a record of its own, so a figure that sources contradict (`1 000` here,
`1 500` there, the same month) is two records side by side, never an average.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .models import ErrorRecord, Facts, PresenceRecord, PresenceSource, TroopFact

TOLERANCE = 0.10
"""How far an approximate or bounded figure reaches from the number written, as a share of it.

French news rounds: `environ 1 000`, `un millier`, `près de 1 000` stand for anything from 900
to 1 100; `plus de 1 000` for 1 000 to 1 100, `moins de 1 000` for 900 to 1 000 (beyond that
a writer would give the next round figure). An exact figure claims itself only, so two
different exact figures never merge: that is a contradiction, or a revision, the analyst must
see. Ten percent keeps `un millier` and `1 100` together and `1 000` and `1 500` apart.
"""


def claimed(count: int, qualifier: str) -> tuple[int, int]:
    """The interval of true values a count with this qualifier claims."""
    below = math.floor(count * (1 - TOLERANCE))
    above = math.ceil(count * (1 + TOLERANCE))
    return {"exact": (count, count), "approx": (below, above),
            "more_than": (count, above), "less_than": (below, count)}[qualifier]


def _fold(value: str | None) -> str | None:
    if value is None:
        return None
    decomposed = unicodedata.normalize("NFD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def _month(as_of: str | None) -> str | None:
    """`2024-09-16` -> `2024-09`; a year alone or an unknown date -> None (matches any)."""
    return as_of[:7] if as_of is not None and len(as_of) >= 7 and as_of[0].isdigit() else None


def _dates_agree(months: set[str], years: set[str], as_of: str | None) -> bool:
    month = _month(as_of)
    if month is not None:
        return months <= {month} and years <= {month[:4]}
    if as_of is not None and as_of[:4].isdigit():  # a year alone
        return all(m.startswith(as_of[:4]) for m in months) and years <= {as_of[:4]}
    return True


Key = tuple[str | None, str | None, str | None, str]


@dataclass
class _Group:
    """A record being built: the interval all its sources agree on, and its months."""

    key: Key
    mission: str | None
    low: int
    high: int
    sources: list[PresenceSource] = field(default_factory=list)
    months: set[str] = field(default_factory=set)
    years: set[str] = field(default_factory=set)

    def accepts(self, low: int, high: int, as_of: str | None) -> bool:
        return (low <= self.high and self.low <= high
                and _dates_agree(self.months, self.years, as_of))

    def add(self, report: PresenceSource, low: int, high: int) -> None:
        self.low, self.high = max(self.low, low), min(self.high, high)
        self.sources.append(report)
        month = _month(report.as_of)
        if month is not None:
            self.months.add(month)
        elif report.as_of is not None and report.as_of[:4].isdigit():
            self.years.add(report.as_of[:4])

    def record(self) -> PresenceRecord:
        state, location, _, kind = self.key
        counts = [s.count for s in self.sources]
        tally = Counter(counts)
        most = max(tally.values())
        latest = max((s for s in self.sources if tally[s.count] == most),
                     key=lambda s: (s.as_of or "", s.reference_date or ""))
        qualifiers = [s.qualifier for s in self.sources if s.count == latest.count]
        qualifier = "exact" if "exact" in qualifiers else Counter(qualifiers).most_common(1)[0][0]
        dated = sorted(s.as_of for s in self.sources if s.as_of is not None)
        return PresenceRecord(
            state=state, location=location, mission=self.mission, kind=kind,  # type: ignore[arg-type]
            count=latest.count, low=min(counts), high=max(counts), qualifier=qualifier,
            as_of_first=dated[0] if dated else None, as_of_last=dated[-1] if dated else None,
            sources=self.sources)


@dataclass(frozen=True)
class Filters:
    """Which troop counts `presence` keeps; None keeps all. Dates are ISO prefixes."""

    country: str | None = None
    location: str | None = None
    mission: str | None = None
    kind: str | None = None
    since: str | None = None
    until: str | None = None

    def keeps_report(self, fact: TroopFact) -> bool:
        """The filters on what a count is (state, place, mission, kind), before merging."""
        return ((self.country is None or fact.country == self.country.upper())
                and (self.location is None or fact.location == self.location.upper())
                and (self.mission is None or _fold(fact.mission) == _fold(self.mission))
                and (self.kind is None or fact.kind == self.kind))

    def keeps_record(self, record: PresenceRecord) -> bool:
        """The date filters, on a merged record: kept when its as_of span meets the window.

        A record without any as_of is dropped when a window is given: it cannot be placed.
        """
        if self.since is None and self.until is None:
            return True
        if record.as_of_first is None or record.as_of_last is None:
            return False
        return ((self.since is None or not _before(record.as_of_last, self.since))
                and (self.until is None or not _before(self.until, record.as_of_first)))


def _before(a: str, b: str) -> bool:
    """Whether date `a` ends before `b` starts, each at its own precision (`2024` vs `2024-09`)."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


class Presence:
    """Merges troop counts, article by article, into deployment records."""

    def __init__(self, filters: Filters | None = None) -> None:
        self.filters = filters or Filters()
        self._groups: dict[Key, list[_Group]] = {}

    def add(self, facts: Facts) -> None:
        """Every troop count of one article, each merged into a record or starting one."""
        for fact in facts.troops:
            if self.filters.keeps_report(fact):
                self.add_report(fact, facts.source, facts.reference_date)

    def add_report(self, fact: TroopFact, source: str | None, reference_date: str | None,
                   ) -> None:
        report = PresenceSource(source=source, reference_date=reference_date, count=fact.count,
                                qualifier=fact.qualifier, as_of=fact.as_of, text=fact.text,
                                start=fact.start, end=fact.end)
        key: Key = (fact.country, fact.location, _fold(fact.mission), fact.kind)
        low, high = claimed(fact.count, fact.qualifier)
        groups = self._groups.setdefault(key, [])
        for group in groups:
            if group.accepts(low, high, fact.as_of):
                group.add(report, low, high)
                return
        group = _Group(key, fact.mission, low, high)
        group.add(report, low, high)
        groups.append(group)

    def records(self) -> list[PresenceRecord]:
        """The records, by state, location, date (undated last), mission, kind and count."""
        records = [g.record() for groups in self._groups.values() for g in groups]
        records = [r for r in records if self.filters.keeps_record(r)]
        return sorted(records, key=sort_key)


def sort_key(record: PresenceRecord) -> tuple:
    """State and location (unknown last), then time order, then mission, kind and count."""
    return (record.state is None, record.state or "", record.location is None,
            record.location or "", record.as_of_first is None, record.as_of_first or "",
            record.as_of_last or "", _fold(record.mission) or "", record.kind, record.low)


def presence(records: Iterable[Facts | ErrorRecord], filters: Filters | None = None,
             ) -> list[PresenceRecord]:
    """The deployment records of a stream of extraction results (error records are skipped)."""
    merger = Presence(filters)
    for record in records:
        if isinstance(record, Facts):
            merger.add(record)
    return merger.records()


def from_archive(path: str, filters: Filters | None = None) -> list[PresenceRecord]:
    """The deployment records of an SQLite archive (`extract --db`), read row by row."""
    import sqlite3

    merger = Presence(filters)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(troops)")}
        # `why` (the evidence, stored as JSON text) is not read back: records need values
        fields = [c for c in TroopFact.model_fields if c in columns and c != "why"]
        select = ", ".join(f"t.[{c}]" for c in fields)
        query = (f"SELECT a.source, a.reference_date, {select} FROM troops t "
                 "JOIN articles a ON a.id = t.article_id ORDER BY a.id, t.id")
        for row in conn.execute(query) if columns else ():
            values = {c: row[c] for c in fields if row[c] is not None}
            fact = TroopFact.model_validate(values)
            if merger.filters.keeps_report(fact):
                merger.add_report(fact, row["source"], row["reference_date"])
    finally:
        conn.close()
    return merger.records()


def iter_records(records: list[PresenceRecord]) -> Iterator[tuple[tuple, list[PresenceRecord]]]:
    """Records grouped by (state, location), in the order `records` gives them."""
    section: tuple | None = None
    batch: list[PresenceRecord] = []
    for record in records:
        here = (record.state, record.location)
        if here != section and batch:
            yield section, batch  # type: ignore[misc]
            batch = []
        section = here
        batch.append(record)
    if batch:
        yield section, batch  # type: ignore[misc]
