"""Troop counts: what a noun phrase says of the state its personnel serve."""

from __future__ import annotations

from spacy.tokens import Token

from ..countries import CountryMention
from ..numbers import Number
from ..text import fold
from .counts import Counts
from .document import Document, Part
from .lexicon import DETERMINERS, OWNER_CASES, PLACE_CASES, STRONG, TOWARDS
from .records import NOBODY, UNKNOWN, Owner, Troop


class Phrases(Part):
    """The owner a phrase names: a nationality, `de` + a state, a force."""

    def __init__(self, d: Document, counts: Counts) -> None:
        super().__init__(d)
        self.counts = counts

    @staticmethod
    def subset(troop: Troop) -> Owner:
        """`12 000 soldats nord-coréens, dont 500 officiers`: the whole's country."""
        return Owner(troop.referent.country, True) if troop.referent else UNKNOWN

    def apposed(self, number: Number) -> Owner:
        """`ces troupes ougandaises, moins de 300 hommes`: the phrase it is set beside."""
        noun = self.counts.apposition(number)
        return self.phrase_owner(noun, number) if noun is not None else UNKNOWN

    def phrase_owner(self, noun: Token, number: Number) -> Owner:
        """Nationalities, `de` + country, forces and multinational bodies in the phrase,
        and in the military body it is counted in (`un bataillon rwandais de 850 hommes`).
        After a possessive (`ses 1 000 militaires du Niger`) `de` + country is a place."""
        tokens = list(self.tree.phrase(noun, self.d.noun_end(noun)))
        if number.start < noun.i:  # `Deux cents instructeurs de l'armée`: parsed under `cents`
            tokens += [t for n in self.doc[number.start : number.end]
                       if n.head.i not in range(number.start, number.end) and n.head.i != noun.i
                       for t in self.tree.phrase(n, n.i + 1)]
        head = noun
        while head.dep_ in ("nmod", "obl", "obl:arg", "obl:mod") and (
                fold(head.head.text) in self.lex.units or fold(head.head.text) in STRONG):
            came_from, head = head, head.head
            if fold(head.text) in STRONG and head.head.i != head.i:
                came_from, head = head, head.head
            tokens += [head, *(t for t in self.tree.phrase(head, head.i + 1)
                               if t.i != came_from.i and not came_from.is_ancestor(t))]
        return self.owner_in(tokens, by_name=not self.d.possessive(noun, number))

    def owner_in(self, tokens: list[Token], by_name: bool = True) -> Owner:
        """The one state a phrase names as owner (nationality, `de` + name unless
        `by_name` is off, a named force); none if it names several or a multinational
        body."""
        codes: set[str] = set()
        nationalities: set[str] = set()
        seen: set[tuple[int, str]] = set()
        for m in (m for t in tokens for m in self.mentions.get(t.i, ())):
            if (m.start, m.code) in seen:
                continue
            seen.add((m.start, m.code))
            before = fold(self.doc[m.start - 1].text) if m.start else ""
            if self.d.region_of(m) or self.misattached(m):
                continue
            if m.kind == "demonym":
                nationalities.add(m.code)
            elif by_name and before in OWNER_CASES and not self.origin(m):
                codes.add(m.code)
        # A nationality says whose the troops are; `de` + a state may be where they are
        # from: `retirer 4 500 militaires américains de Corée du Sud`.
        codes = (nationalities or codes) | self.d.forces(tokens)
        if len(codes) == 1:
            return Owner(codes.pop(), True)
        if codes or self.d.multinational(self.tree.owning(tokens)):
            return NOBODY
        return UNKNOWN

    def origin(self, m: CountryMention) -> bool:
        """`du Niger vers le Bénin`, `du Mali au Niger`: where troops move from, not whose."""
        doc, end = self.doc, m.end
        if end >= len(doc):
            return False
        word = fold(doc[end].text)
        if word in TOWARDS:
            return True
        return word in PLACE_CASES and end + 1 < len(doc) and (
            end + 1 in self.mentions or (end + 2 in self.mentions
                                         and fold(doc[end + 1].text) in DETERMINERS))

    def misattached(self, m: CountryMention) -> bool:
        """A nationality parsed onto a noun far before it, past another noun: `forte de
        70 000 hommes et équipée de drones turcs` (turcs is the drones')."""
        token = self.doc[m.start]
        head = token.head
        if m.kind != "demonym" or head.i >= token.i:
            return False
        first = self.personnel.get(head.i, (head.i + 1, ""))[0]
        return any(t.pos_ in ("NOUN", "PROPN") for t in self.doc[first : token.i])
