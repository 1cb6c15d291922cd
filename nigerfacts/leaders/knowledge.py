"""The knowledge base of officeholders (`data/officeholders/*.tsv`, format in that folder's
README): who held which office, of which state, from when to when.

Read once, lazily, on the first article that needs it, into an index from each written form,
folded (`vladimir poutine`, `poutine`), to the people it names; a look-up is one dict access.
Dates are compared as ISO strings padded to days: a start to its first day (`2012` ->
`2012-01-01`), an end and a reference date's end to their last (`2012` -> `2012-12-31`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ..text import fold

# Which office speaks for a person holding several at one date: the state's before a body's.
_CATEGORY_ORDER = ("head_of_state", "head_of_government", "junta", "defence", "foreign_affairs",
                   "minister", "chief_of_staff", "international", "armed_group", "pmc")
_SURNAME_YEARS = 5  # a one-word form names someone in office within these years of the date
_SEPARATORS = re.compile(r"[-'.’]")


def form_key(text: str) -> str:
    """A written form as the index keys it: folded, hyphens, apostrophes and dots as spaces."""
    return " ".join(_SEPARATORS.sub(" ", fold(text)).split())


def _start(iso: str) -> str:
    return (iso + "-01-01")[:10]


def _end(iso: str) -> str:
    if len(iso) == 4:
        return iso + "-12-31"
    return iso + "-31" if len(iso) == 7 else iso  # `-31` orders after any day of the month


@dataclass(frozen=True)
class Office:
    """One office held by one person: state (None for a body or group), dates padded to days;
    `end` None while in office."""

    state: str | None
    office: str
    category: str
    start: str
    end: str | None

    def rank(self) -> int:
        return _CATEGORY_ORDER.index(self.category)


@dataclass
class Officeholder:
    """A person of the base, with every office held."""

    id: str
    name: str
    offices: list[Office] = field(default_factory=list)

    def held_by(self, date: str | None) -> bool:
        """Whether an office started on or before the date (any office without a date)."""
        return date is None or any(o.start <= _end(date) for o in self.offices)

    def in_office(self, date: str | None, years_before: int = 0) -> list[Office]:
        """Offices held at the date, or within `years_before` years before it (all offices
        without a date)."""
        if date is None:
            return list(self.offices)
        since = f"{int(date[:4]) - years_before:04d}{_start(date)[4:]}"
        return [o for o in self.offices if o.start <= _end(date) and (o.end or "9") >= since]

    def office_for(self, date: str | None, title: str | None = None) -> Office | None:
        """The office that speaks for the person at the date: among the offices the text's
        title names (`président`), if any, else all: one held then (the state's first), else
        the last one held before it; without a date, the latest one."""
        offices = self.offices
        if title:
            head = form_key(title).split(" ")[0]
            named = [o for o in offices if form_key(o.office).split(" ")[0] == head]
            offices = [o for o in named if form_key(o.office) == form_key(title)] or named \
                or offices
        if date is None:
            return max(offices, key=lambda o: (o.end or "9", -o.rank()), default=None)
        held = [o for o in offices if o.start <= _end(date) and (o.end or "9") >= _start(date)]
        if held:
            return min(held, key=Office.rank)
        before = [o for o in offices if o.start <= _end(date)]
        return max(before, key=lambda o: (o.end or "9", -o.rank()), default=None)

    def ended_before(self, date: str | None) -> bool:
        """Whether every office the person held had ended before the date (never without one)."""
        if date is None or not self.held_by(date):
            return False
        return all(o.end is not None and o.end < _start(date) for o in self.offices
                   if o.start <= _end(date))


class KnowledgeBase:
    """The officeholders, indexed by every written form of their names."""

    def __init__(self, files: Iterable[Traversable | Path]) -> None:
        self.people: dict[str, Officeholder] = {}
        self.forms: dict[str, list[str]] = {}
        self.current_to: str | None = None
        for path in files:
            self._read(path.read_text(encoding="utf-8"))

    @classmethod
    def from_directory(cls, folder: str | Path) -> KnowledgeBase:
        """The base written in a folder's `*.tsv` files."""
        return cls(sorted(Path(folder).glob("*.tsv")))

    def _read(self, text: str) -> None:
        lines = text.splitlines()
        if lines and lines[0].startswith("# current to:"):
            date = lines[0].split(":", 1)[1].strip()
            self.current_to = max(self.current_to or date, date)
        for line in lines[2:]:
            cells = line.split("\t")
            if len(cells) != 8:
                continue
            key, name, forms, state, office, category, start, end = cells
            person = self.people.setdefault(key, Officeholder(key, name))
            for form in {name, *forms.split("|")} - {""}:
                ids = self.forms.setdefault(form_key(form), [])
                if key not in ids:
                    ids.append(key)
            person.offices.append(Office(state or None, office, category, _start(start),
                                         _end(end) if end else None))

    def __len__(self) -> int:
        return len(self.people)

    def find(self, text: str, date: str | None) -> Officeholder | None:
        """The one person a written name stands for at the date: someone who held an office on
        or before it (in office within a few years for a one-word form); None when no one or
        several do."""
        key = form_key(text)
        ids = self.forms.get(key)
        if not ids:
            return None
        surname = " " not in key
        people = [self.people[i] for i in ids]
        people = [p for p in people if p.held_by(date)
                  and (not surname or p.in_office(date, _SURNAME_YEARS))]
        if len(people) > 1 and date is not None:
            people = [p for p in people if p.in_office(date)] or people
        return people[0] if len(people) == 1 else None


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    """The base shipped in `nigerfacts/data/officeholders/`, read on first use."""
    folder = resources.files("nigerfacts.data").joinpath("officeholders")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".tsv")),
                   key=lambda f: f.name)
    return KnowledgeBase(files)
