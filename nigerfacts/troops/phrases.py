"""Troop counts: what a noun phrase says of the state its personnel serve."""

from __future__ import annotations

from spacy.tokens import Token

from ..countries import CountryMention
from ..numbers import Number
from ..text import fold
from .counts import Counts
from .document import Document, Part
from .lexicon import DETERMINERS, OWNER_CASES, PLACE_CASES, STRONG, TOWARDS
from .records import UNKNOWN, Owner, Troop
from .tree import before_punct


class Phrases(Part):
    """The owner a phrase names: a nationality, `de` + a state, a force."""

    def __init__(self, d: Document, counts: Counts) -> None:
        super().__init__(d)
        self.counts = counts

    @staticmethod
    def subset(troop: Troop) -> Owner:
        """`12 000 soldats nord-coréens, dont 500 officiers`: the whole's decision."""
        referent = troop.referent
        if referent is None or referent.owner is None or not referent.owner.settled:
            return UNKNOWN
        return referent.owner

    def apposed(self, number: Number) -> Owner:
        """`ces troupes ougandaises, moins de 300 hommes`: the phrase it is set beside."""
        noun = self.counts.apposition(number)
        return self.phrase_owner(noun, number) if noun is not None else UNKNOWN

    def phrase_owner(self, noun: Token, number: Number) -> Owner:
        """Nationalities, `de` + country, forces and multinational bodies in the phrase,
        and in the military body it is counted in (`un bataillon rwandais de 850 hommes`).
        After a possessive (`ses 1 000 militaires du Niger`) `de` + country is a place. A
        state the phrase is said of (`la France, forte de 700 militaires`) owns it."""
        tokens = list(self.tree.phrase(noun, self.d.noun_end(noun)))
        if number.start < noun.i:  # `Deux cents instructeurs de l'armée`: parsed under `cents`
            tokens += [t for n in self.doc[number.start : number.end]
                       if n.head.i not in range(number.start, number.end) and n.head.i != noun.i
                       for t in self.tree.phrase(n, n.i + 1)]
        head, said_of = noun, UNKNOWN
        while head.dep_ in ("nmod", "obl", "obl:arg", "obl:mod") and (
                fold(head.head.text) in self.lex.units or fold(head.head.text) in STRONG):
            came_from, head = head, head.head
            if fold(head.text) in STRONG and head.head.i != head.i:
                came_from, head = head, head.head
                said = before_punct(self.doc, came_from.i)  # the state before `, forte de`
                m = self.d.mention(said.i) if said is not None else None
                if m is not None and m.kind != "demonym":
                    said_of = Owner(m.code, True, "apposed_state", self.d.mention_chars(m))
            tokens += [head, *(t for t in self.tree.phrase(head, head.i + 1)
                               if t.i != came_from.i and not came_from.is_ancestor(t))]
        owner = self.owner_in(tokens, by_name=not self.d.possessive(noun, number))
        return owner if owner.settled else said_of

    def owner_in(self, tokens: list[Token], by_name: bool = True) -> Owner:
        """The one state a phrase names as owner (a nationality, `de` + name unless
        `by_name` is off, a named force); none if it names several or a multinational
        body. The cue is what named it: `nationality`, `of_state`, `force`."""
        named: dict[str, CountryMention] = {}
        nationalities: dict[str, CountryMention] = {}
        seen: set[tuple[int, str]] = set()
        for m in (m for t in tokens for m in self.mentions.get(t.i, ())):
            if (m.start, m.code) in seen:
                continue
            seen.add((m.start, m.code))
            if self.d.region_of(m) or self.misattached(m):
                continue
            if m.kind == "demonym":
                nationalities.setdefault(m.code, m)
            elif by_name and self.of(m) and not self.origin(m):
                named.setdefault(m.code, m)
        # A nationality says whose the troops are; `de` + a state may be where they are
        # from: `retirer 4 500 militaires américains de Corée du Sud`.
        cue, found = ("nationality", nationalities) if nationalities else ("of_state", named)
        evidence = {code: self.d.mention_chars(m) for code, m in found.items()}
        forces = self.d.forces(tokens)
        codes = set(evidence) | set(forces)
        if len(codes) == 1:
            code = codes.pop()
            if code in evidence:
                return Owner(code, True, cue, evidence[code])
            return Owner(code, True, "force", forces[code])
        if codes:
            first = min([*evidence.values(), *forces.values()])
            return Owner(None, True, "several_states", first)
        body = self.d.multinational(self.tree.owning(tokens))
        return Owner(None, True, "multinational", body) if body else UNKNOWN

    def of(self, m: CountryMention) -> bool:
        """A state after `de`: `du Tchad`, `de la Côte d'Ivoire`, `de l'Ouganda`."""
        before = [fold(t.text) for t in self.doc[max(0, m.start - 2) : m.start]]
        return bool(before) and (before[-1] in OWNER_CASES or (
            before[-1] in ("la", "l'") and before[:1] == ["de"]))

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
        return any(t.pos_ in ("NOUN", "PROPN") and t.dep_ != "amod"  # `Forces armées maliennes`
                   for t in self.doc[first : token.i])
