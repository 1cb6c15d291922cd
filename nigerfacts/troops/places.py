"""Troop counts: where the counted personnel are."""

from __future__ import annotations

from ..text import fold
from .document import Part
from .lexicon import DETERMINERS, NEAR, OWNER_CASES, PLACE_CASES, PLACE_CLAUSES
from .records import Troop


class Places(Part):
    """A count's location."""

    def location(self, troop: Troop) -> str | None:
        """The country the personnel are in, when their phrase or clause says it
        (`stationnés au Niger`, `dans l'est de la RDC`, `ses soldats du Mali`)."""
        noun, number = troop.noun, troop.number
        token = noun if noun is not None and noun.i > number.start else self.doc[number.end - 1]
        verb = self.tree.governor(token)
        own = sorted(self.tree.phrase(token, token.i + 1, clauses=PLACE_CLAUSES))
        obliques = self.tree.children(verb, "obl", "obl:arg", "obl:mod", "advmod", "xcomp")
        clause = sorted(t for c in obliques if abs(c.i - token.i) <= NEAR
                        for t in self.tree.subtree(c)) if verb.i != token.i else []
        origin = self.d.possessive(token, number)
        for t in (*own, *clause):
            m = self.d.mention(t.i)
            if m is None or t.i != m.start or m.kind == "demonym" or m.code == troop.country:
                continue
            before = fold(self.doc[m.start - 1].text) if m.start else ""
            if before in PLACE_CASES or self.d.region_of(m) or (origin and (
                    before in OWNER_CASES)) or (
                    before in DETERMINERS and m.start > 1
                    and fold(self.doc[m.start - 2].text) in PLACE_CASES):
                return m.code
        return None
