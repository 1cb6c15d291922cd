"""Troop counts: the extractor, which runs each decision over a document."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..countries import CountryMention
from ..models import Evidence, TroopFact, TroopWhy
from ..text import fold
from .counts import Counts
from .document import Document
from .kinds import Kinds
from .lexicon import lexicon
from .owners import Owners
from .phrases import Phrases
from .records import Owner
from .subjects import Subjects


class TroopExtractor:
    """Find troop counts in a `Doc`, given its country mentions."""

    def __init__(self, nlp: Language) -> None:
        self.lex = lexicon()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase, sense in self.lex.personnel.items():
            variants = sorted({phrase, fold(phrase)})
            self.matcher.add(sense, list(nlp.tokenizer.pipe(variants)))

    def __call__(self, doc: Doc, mentions: list[CountryMention], body_start: int = 0,
                 excluded: Iterable[tuple[int, int]] = ()) -> list[TroopFact]:
        d = Document(self.lex, self.matcher, doc, mentions, body_start, list(excluded))
        return Run(d).facts()


class Run:
    """One document's extraction: each decision, wired to those it asks."""

    def __init__(self, d: Document) -> None:
        self.d = d
        self.counts = Counts(d, Kinds(d))
        phrases = Phrases(d, self.counts)
        self.subjects = Subjects(d, phrases)
        self.owners = Owners(d, phrases, self.subjects)

    def facts(self) -> list[TroopFact]:
        """Find the counts in text order (a count may continue an earlier one), settle
        their countries, and list each (count, country, kind) once."""
        for k in range(len(self.d.numbers)):
            troop = self.counts.troop(k)
            if troop is not None:
                self.d.troops.append(troop)
        main = self.subjects.main_country()
        for troop in self.d.troops:
            self.owners.settle(troop, main)
        facts: dict[tuple, TroopFact] = {}
        for t in self.d.troops:
            kind = self.d.kind_of(t)
            start = self.d.doc[t.number.start].idx
            last = self.d.doc[t.end - 1]
            end = last.idx + len(last.text)
            for owner in self.owners.each(t) or [t.owner]:
                country = owner.code if owner is not None else None
                key = (t.number.value, country, kind)
                if key in facts:
                    continue
                facts[key] = TroopFact(text=self.d.text[start:end], count=t.number.value,
                                       country=country, qualifier=t.qualifier, kind=kind,
                                       start=start, end=end,
                                       why=self.why(owner))
        return list(facts.values())

    def why(self, owner: Owner | None) -> TroopWhy | None:
        """The evidence of a count's state: its cue and the mention it read."""
        if owner is None or owner.code is None or owner.chars is None:
            return None
        start, end = owner.chars
        return TroopWhy(country=Evidence(cue=owner.cue, text=self.d.text[start:end],
                                         start=start, end=end))
