"""Dated facts of several articles in calendar order, each with its sentence."""

from __future__ import annotations

import os
from dataclasses import dataclass

from .evidence import phrase_around, sentence_around
from .models import Facts


@dataclass(frozen=True)
class TimelineEntry:
    """One dated fact, a date mention or a troop count at its `as_of`, its sentence, and the
    few words around it (`phrase`)."""

    value: str
    precision: str
    text: str
    sentence: str
    phrase: str
    source: str | None
    start: int
    end: int
    kind: str = "date"  # "date" or "troops"


_PRECISION = {4: "year", 7: "month", 10: "day"}


def timeline(items: list[tuple[str, Facts]]) -> list[TimelineEntry]:
    """Every dated mention and every troop count with an `as_of` of the given (text, facts),
    in calendar order (a count after the dates of its day); dates without a year (--MM-DD)
    last, then by source and place in the text."""
    entries = [
        TimelineEntry(d.value, d.precision, m.text, sentence_around(text, m.start, m.end),
                      phrase_around(text, m.start, m.end, words=6), facts.source, m.start, m.end)
        for text, facts in items for d in facts.dates for m in d.mentions
    ]
    entries += [
        TimelineEntry(t.as_of, _PRECISION.get(len(t.as_of), "day"), t.text,
                      sentence_around(text, t.start, t.end),
                      phrase_around(text, t.start, t.end, words=6), facts.source, t.start, t.end,
                      "troops")
        for text, facts in items for t in facts.troops if t.as_of
    ]
    return sorted(entries, key=lambda e: (e.value.startswith("-"), e.value, e.kind,
                                          e.source or "", e.start))


def short_names(sources: list[str]) -> dict[str, str]:
    """Each source by its file name, or, where two share one, without the directories all
    of them share (`-` stays `-`)."""
    paths = [s for s in sources if s != "-"]
    bases = [os.path.basename(p) for p in paths]
    if len(set(bases)) == len(bases):
        return {s: os.path.basename(s) if s != "-" else s for s in sources}
    try:
        common = os.path.commonpath([os.path.dirname(p) or "." for p in paths])
        return {s: s if s == "-" else os.path.relpath(s, common) for s in sources}
    except ValueError:  # absolute and relative paths mixed
        return {s: s for s in sources}
