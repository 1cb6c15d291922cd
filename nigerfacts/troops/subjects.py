"""Troop counts: the state a subject, an antecedent or a sentence's topic stands for."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from ..countries import CountryMention
from ..text import fold
from .document import Document, Part
from .lexicon import (
    DETERMINERS,
    NEAR,
    PLACE_CASES,
    POSSESSIVES,
    PRONOUNS,
    RELATIVES,
    SUBJECTS,
    TOPIC_REACH,
)
from .phrases import Phrases
from .records import NOBODY, UNKNOWN, Owner
from .tree import before_punct


class Subjects(Part):
    """What a subject or antecedent says of the state."""

    def __init__(self, d: Document, phrases: Phrases) -> None:
        super().__init__(d)
        self.phrases = phrases

    def body_owner(self, token: Token) -> Owner:
        """The state a subject or antecedent stands for: a country, a national army, a
        multinational body; through `qui` and `ils` to what they stand for."""
        if token.lower_ in RELATIVES:
            verb = token.head
            antecedent = verb.head if verb.dep_ == "acl:relcl" else before_punct(
                self.doc, token.i)
            return self.body_owner(antecedent) if antecedent is not None and (
                antecedent.lower_ not in RELATIVES) else UNKNOWN
        if token.lower_ in PRONOUNS:
            previous = self.previous_subject(token)
            return self.body_owner(previous) if previous is not None else UNKNOWN
        m = self.d.mention(token.i)
        if m is not None and (m.kind != "demonym" or token.text[0].isupper()):
            return self.owner_at(token.i)
        phrase = list(self.tree.phrase(token, token.i + 1))
        owner = self.phrases.owner_in(phrase)
        if owner.settled:
            return owner
        whose = self.dont_before(token)
        if whose is not None:  # `Pyongyang, dont l'armée compte 1,2 million d'hommes`
            return self.body_owner(whose)
        if any(t.lower_ in POSSESSIVES and t.i < token.i for t in self.tree.children(token)):
            previous = self.previous_subject(token) or self.previous_topic(token)
            if previous is not None:  # `La Pologne ... Son armée dépasse 200 000 soldats`
                return self.body_owner(previous)
        if token.pos_ == "NOUN":
            topic = self.sentence_topic(token)
            if topic is not None:  # `Côté nigérian, l'armée a perdu 20 hommes`, `À Caracas,
                return Owner(topic, True)  # le ministre a annoncé l'envoi de 15 000 soldats`
        return owner

    def sentence_topic(self, token: Token) -> str | None:
        """The state a sentence opens with as its topic: `Côté nigérian, ...`, `Au Tchad,
        ...` (a place or side, then a comma)."""
        n, i = self.sentence[token.i], token.i
        while i > 0 and self.sentence[i - 1] == n:
            i -= 1
        for j in range(i, min(i + TOPIC_REACH, token.i)):
            m = self.d.mention(j)
            if m is None or j != m.start:
                continue
            before = fold(self.doc[j - 1].text) if j > i else ""
            after = self.doc[m.end].text if m.end < len(self.doc) else ""
            if after == "," and (before == "cote" or before in PLACE_CASES):
                return m.code
        return None

    def dont_before(self, token: Token) -> Token | None:
        """The antecedent of a `dont` that opens the subject's phrase (`X, dont l'armée`)."""
        i = token.i - 1
        while i >= 0 and fold(self.doc[i].text) in DETERMINERS:
            i -= 1
        if i < 0 or self.doc[i].lower_ != "dont":
            return None
        antecedent = before_punct(self.doc, i)
        return antecedent if antecedent is not None and antecedent.i in self.mentions else None

    def previous_topic(self, token: Token) -> Token | None:
        """A state named as the subject or the root of the sentence before (a parse that
        lost the verb: `La Pologne, qui ..., fait figure de bon élève`)."""
        n = self.sentence[token.i]
        start = next((i for i in range(token.i, -1, -1) if self.sentence[i] < n - 1), -1) + 1
        for i in range(start, token.i):
            if self.sentence[i] == n - 1 and i in self.mentions:
                t = self.doc[i]
                if t.dep_ in SUBJECTS or t.dep_ == "ROOT":
                    return t
        return None

    def previous_subject(self, pronoun: Token) -> Token | None:
        """The subject of the sentence before, which `ils` or `elles` stands for."""
        n = self.sentence[pronoun.i]
        for t in reversed(self.doc[max(pronoun.i - 3 * NEAR, 0) : pronoun.i]):
            if self.sentence[t.i] < n - 1:
                break
            if self.sentence[t.i] == n - 1 and t.dep_ in SUBJECTS and t.head.dep_ == "ROOT":
                return t
        return None

    def context_country(self, token: Token) -> str | None:
        """The nearest country tied to a military word in the sentence or the two before,
        in the same paragraph (a new paragraph often turns to another state)."""
        n = self.sentence[token.i]
        paragraph = self.d.paragraph(token.i)
        for i in range(token.i - 1, max(token.i - 3 * NEAR, 0) - 1, -1):
            if self.sentence[i] < n - 2 or self.d.paragraph(i) != paragraph:
                break
            m = self.d.mention(i)
            if m is not None and i == m.start and self.military_tie(m):
                return self.owner_at(i).code
        return None

    def main_country(self) -> str | None:
        """The country most often tied to a military word, then most often named, when
        one leads (with no such tie, the most named one)."""
        ties = Counter(m.code for m in self.all_mentions if self.military_tie(m))
        named = Counter(m.code for m in self.all_mentions)
        ranked = sorted(ties or named, key=lambda code: (ties[code], named[code]), reverse=True)
        score = [(ties[code], named[code]) for code in ranked[:2]]
        if ranked and (len(ranked) == 1 or score[0] > score[1]):
            return ranked[0]
        return None

    def military_tie(self, m: CountryMention) -> bool:
        """`armée américaine`, `soldats nigériens`, `l'Italie a déployé un contingent`."""
        token = self.doc[m.start]
        near = [token.head, *self.tree.children(token.head)] if m.kind == "demonym" else [
            token.head]
        if any(fold(t.text) in self.lex.context for t in near if t.i != token.i):
            return True
        if token.dep_ in SUBJECTS:
            predicate = token.head.head if token.head.dep_ == "cop" else token.head
            return any(fold(t.text) in self.lex.context for t in self.tree.subtree(predicate)
                       if t.i != token.i)
        return False

    def owner_at(self, i: int, coordinated: bool = True) -> Owner:
        """The state named at token i; none when it names several, as a compound
        (`franco-allemande`) or with the states it is `coordinated` with (`le Tchad et le
        Niger ont envoyé`; not in a gapped list: `le Ghana 1 000 et le Nigeria 3 000`)."""
        token = self.doc[i]
        linked = [token]
        if coordinated:
            linked += [c for c in self.tree.children(token) if c.dep_ == "conj"]
            if token.dep_ == "conj":
                linked.append(token.head)
        codes = {m.code for t in linked for m in self.mentions.get(t.i, ())}
        return Owner(codes.pop(), True) if len(codes) == 1 else NOBODY
