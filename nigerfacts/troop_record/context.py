"""What the three decisions of a troop record read in one document, read once: its
sentences and paragraphs, the states, places and missions it names, and its dates with the
values the date extractor gave them (dates are never parsed twice)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..countries import CountryMention
from ..models import DateFact, TroopFact
from ..paragraphs import BLANK_LINE
from ..text import doc_text, doc_tokens, fold
from .knowledge import Found, Gazetteer, Mission

Evidence = tuple[str, int, int]  # text, start, end (characters)
_ENDS = {".", "!", "?", "…", "»", "”", '"', ":"}  # what a sentence starts after


@dataclass(frozen=True)
class Cue:
    """One decision: its value, the cue that gave it, and the words it read."""

    value: str | None
    cue: str
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Dated:
    """A date mention: its tokens and the ISO value the date extractor gave it."""

    start: int
    end: int
    value: str


@dataclass(frozen=True)
class Count:
    """A troop fact with its tokens: the number's first token and the span's last."""

    fact: TroopFact
    first: int
    last: int


class Context:
    """One document's lookups for the troop record."""

    def __init__(self, gazetteer: Gazetteer, doc: Doc, mentions: list[CountryMention],
                 dates: list[DateFact], reference: str | None, body_start: int = 0) -> None:
        self.doc = doc
        self.tokens: list[Token] = doc_tokens(doc)
        self.folded = [fold(t.text) for t in self.tokens]
        self.reference = reference
        self.sentence = [0] * len(doc)
        self.sentences: list[tuple[int, int]] = []
        starts = _sentence_starts(self.tokens, body_start)
        for n, (start, end) in enumerate(zip(starts, [*starts[1:], len(doc)], strict=True)):
            self.sentences.append((start, end))
            for i in range(start, end):
                self.sentence[i] = n
        breaks = [m.end() for m in BLANK_LINE.finditer(doc_text(doc))]
        self.paragraph = [bisect_right(breaks, t.idx) for t in self.tokens]
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.gazetteer = gazetteer
        self.places = gazetteer.find_places(doc)
        self.missions = gazetteer.find_missions(doc)
        self.dates = sorted(self._dated(dates), key=lambda d: d.start)
        self.counts: list[Count] = []  # the document's counts, set by the recorder

    def _dated(self, dates: list[DateFact]) -> list[Dated]:
        for fact in dates:
            for m in fact.mentions:
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and fact.precision and not fact.value.startswith("-"):
                    yield Dated(span.start, span.end, fact.value)

    def count(self, fact: TroopFact) -> Count | None:
        span = self.doc.char_span(fact.start, fact.end, alignment_mode="expand")
        return None if span is None else Count(fact, span.start, span.end - 1)

    def evidence(self, start: int, end: int) -> Evidence:
        first, last = self.tokens[start], self.tokens[end - 1]
        return (doc_text(self.doc)[first.idx : last.idx + len(last.text)], first.idx,
                last.idx + len(last.text))

    def in_sentence(self, i: int) -> range:
        start, end = self.sentences[self.sentence[i]]
        return range(start, end)

    def mission(self, found: Found) -> Mission:
        return self.gazetteer.missions[found.index]


def _sentence_starts(tokens: list[Token], body_start: int) -> list[int]:
    """spaCy's sentence starts, repaired: the dateline is a sentence of its own (the parser
    may read ` date 2024-09-16 Mi-août` as one), and a sentence starts only after a full
    stop or a line break (not at `, au moins 17 soldats`)."""
    starts = {t.i for t in tokens if t.i and t.is_sent_start and (
        tokens[t.i - 1].text in _ENDS or tokens[t.i - 1].is_space
        or "\n" in tokens[t.i - 1].whitespace_)} | {0}
    body = next((t.i for t in tokens if t.idx >= body_start and not t.is_space), None)
    if body_start and body is not None:
        starts = {i for i in starts if i <= 0 or i >= body} | {body}
    return sorted(starts)
