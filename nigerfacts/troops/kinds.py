"""Troop counts: the qualifier (how sure) and the kind (strength or casualties)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..models import Qualifier, TroopKind
from ..numbers import Number
from ..text import fold
from .document import Part
from .lexicon import QUALIFYING


class Kinds(Part):
    """A count's qualifier and kind."""

    def qualifier(self, number: Number) -> Qualifier:
        """From the words before the number (`un peu plus de`), else its own form."""
        start = self.doc[number.start].idx
        before = re.sub(r"\s+", " ", fold(self.text[max(0, start - 30) : start])).rstrip()
        for phrase, qualifier in self.lex.qualifiers:
            if before.endswith(phrase) and (len(before) == len(phrase)
                                            or not before[-len(phrase) - 1].isalpha()):
                return qualifier
        return "approx" if number.approx else "exact"

    def kind(self, noun: Token, end: int) -> TroopKind:
        """Casualties when a casualty word qualifies or governs the personnel word
        (`12 soldats tués`, `la mort de 25 soldats`) or is its clause's predicate."""
        cues = [*self.doc[end : end + 1], *(c for c in self.tree.children(noun)
                                            if c.i > noun.i and c.dep_ in QUALIFYING)]
        if noun.head.pos_ == "NOUN" and noun.dep_ == "nmod":
            cues.append(noun.head)
        if self.d.casualty(cues) or self.clause_kind(noun):
            return "casualties"
        return "strength"

    def clause_kind(self, token: Token) -> TroopKind | None:
        """Casualties when the clause's predicate is a casualty word (`ont été tués`,
        `ont perdu la vie`, `sont portés disparus`, `ont été faits prisonniers`, `les pertes
        ... sont estimées à`)."""
        if token.dep_ == "conj":
            token = token.head
        verb = self.tree.governor(token)
        deps = {"xcomp", "obj", "nsubj", "nsubj:pass"}
        if verb.i in self.tree.passives:
            deps.add("obl:arg")
        cues = [verb, *self.doc[verb.i + 1 : verb.i + 2],  # `faits prisonniers`, any parse
                *(c for c in self.tree.children(verb, *deps) if c.i != token.i
                  and not self.tree.heads_clause(c))]
        if verb.dep_ == "conj" and token.i < verb.i:
            cues.append(verb.head)
        return "casualties" if self.d.casualty(cues) else None
