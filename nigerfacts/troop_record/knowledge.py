"""The world knowledge a troop record reads: named missions (`data/missions.tsv`) and the
places of the region placed in their state (`data/places.tsv`), both found in a doc by one
`PhraseMatcher` each.

A form in capitals (an acronym) matches in any case (`Monusco`); a form that starts with a
capital matches only capitalized (`Serval`, not `serval`); a lower-case form
(`force en attente`) in any case. Forms are matched accent-blind.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..text import data_lines, fold

MISSION_KINDS = frozenset({"operation", "un", "au", "regional", "eu", "nato", "coalition", "pmc"})
PLACE_KINDS = frozenset({"city", "region", "base"})


@dataclass(frozen=True)
class Mission:
    """A named operation, mission, force or private military company."""

    shorts: tuple[str, ...]  # the short forms; the first is the default
    aliases: tuple[str, ...]
    theatre: tuple[str, ...]  # alpha-3 where it serves
    states: tuple[str, ...]  # lead or contributing states
    kind: str

    @property
    def short(self) -> str:
        return self.shorts[0]

    @property
    def forms(self) -> tuple[str, ...]:
        return self.shorts + self.aliases

    @property
    def lead(self) -> str | None:
        """The one state it serves, for a national operation or a PMC."""
        return self.states[0] if self.kind in ("operation", "pmc") and len(
            self.states) == 1 else None

    def written(self, text: str) -> str:
        """The short form to report: the one the text uses, as written (`Minusma`), or that
        its name starts with, else the first."""
        folded = fold(text)
        for short in self.shorts:
            if folded == fold(short) or folded.startswith(fold(short) + " "):
                return text[: len(short)]  # `force en attente` of `force en attente de la Cédéao`
        return self.short


@dataclass(frozen=True)
class Place:
    """A city, region or base, in its state."""

    code: str
    kind: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Found:
    """A mission or place named in a doc, by token span."""

    start: int
    end: int
    text: str
    index: int  # row of the data file


def _codes(cell: str) -> tuple[str, ...]:
    return () if cell == "-" else tuple(cell.split("|"))


def _forms(cell: str) -> tuple[str, ...]:
    return () if cell == "-" else tuple(cell.split("|"))


@lru_cache(maxsize=1)
def missions() -> tuple[Mission, ...]:
    """The rows of `data/missions.tsv`."""
    rows = [line.split("\t") for line in data_lines("missions.tsv")[1:]]
    return tuple(Mission(_forms(short), _forms(aliases), _codes(theatre), _codes(states), kind)
                 for short, aliases, theatre, states, kind in rows)


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """The rows of `data/places.tsv`."""
    rows = [line.split("\t") for line in data_lines("places.tsv")[1:]]
    return tuple(Place(code, kind, _forms(forms)) for code, kind, forms in rows)


def _case_fits(form: str, written: str) -> bool:
    if form.isupper() or not form[0].isupper():
        return True
    return written[:1].isupper()


class Gazetteer:
    """Finds the missions and places a doc names."""

    def __init__(self, nlp: Language) -> None:
        self.missions = missions()
        self.places = places()
        self._forms: dict[str, dict[str, str]] = {}  # label -> folded form -> form
        self.mission_matcher = self._matcher(nlp, "M", [m.forms for m in self.missions])
        self.place_matcher = self._matcher(nlp, "P", [p.forms for p in self.places])

    def _matcher(self, nlp: Language, prefix: str,
                 rows: list[tuple[str, ...]]) -> PhraseMatcher:
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for index, forms in enumerate(rows):
            label = f"{prefix}{index}"
            variants = sorted({v for f in forms for w in (f.lower(), fold(f))
                               for v in (w, w.replace("'", "’"))})
            matcher.add(label, list(nlp.tokenizer.pipe(variants)))
            self._forms[label] = {fold(f): f for f in forms}
        return matcher

    def _find(self, doc: Doc, matcher: PhraseMatcher) -> list[Found]:
        spans = filter_spans([doc[s:e] for _, s, e in matcher(doc)])
        labels = {(s, e): doc.vocab.strings[key] for key, s, e in matcher(doc)}
        found = []
        for span in spans:
            label = labels[(span.start, span.end)]
            form = self._forms[label].get(fold(span.text))
            if form is not None and _case_fits(form, span.text):
                found.append(Found(span.start, span.end, span.text, int(label[1:])))
        return found

    def find_missions(self, doc: Doc) -> list[Found]:
        return self._find(doc, self.mission_matcher)

    def find_places(self, doc: Doc) -> list[Found]:
        return self._find(doc, self.place_matcher)
