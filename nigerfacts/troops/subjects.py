"""Troop counts: the state a subject, an antecedent or a sentence's topic stands for."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from ..countries import CountryMention
from ..text import fold
from .document import Document, Part
from .lexicon import (
    DETERMINERS,
    IMPERSONAL,
    NEAR,
    PLACE_CASES,
    POSSESSIVES,
    PRONOUNS,
    RELATIVES,
    SINGULAR_PRONOUNS,
    SUBJECTS,
    TOPIC_REACH,
)
from .phrases import Phrases
from .records import UNKNOWN, Owner
from .tree import before_punct

# The cue of a state named at a token, by the kind of its name (see `countries.KINDS`).
MENTION_CUES = {"name": "state", "capital": "capital", "metonym": "seat", "demonym": "demonym"}
# The cue of a subject whose phrase names the state: `l'armée tchadienne`, `la Bundeswehr`.
_SUBJECT_PHRASE = {"nationality": "subject_army", "of_state": "subject_army",
                   "force": "subject_force"}


class Subjects(Part):
    """What a subject or antecedent says of the state."""

    def __init__(self, d: Document, phrases: Phrases) -> None:
        super().__init__(d)
        self.phrases = phrases

    def body_owner(self, token: Token) -> Owner:
        """The state a subject or antecedent stands for, with the cue that read it: a
        state, capital, seat or people named (`subject_state`...), a national army or
        force (`subject_army`, `subject_force`), a multinational body; through `qui`
        (`relative_antecedent`), `il`/`ils` (`previous_subject`), `Son armée`
        (`possessive`), or the sentence's opening topic (`topic_frame`)."""
        if token.lower_ in RELATIVES:
            verb = token.head
            antecedent = verb.head if verb.dep_ == "acl:relcl" else before_punct(
                self.doc, token.i)
            return self.body_owner(antecedent).by("relative_antecedent") if (
                antecedent is not None and antecedent.lower_ not in RELATIVES) else UNKNOWN
        if token.lower_ in PRONOUNS or self.personal(token):
            previous = self.previous_subject(token)
            return self.body_owner(previous).by("previous_subject") if (
                previous is not None) else UNKNOWN
        m = self.d.mention(token.i)
        if m is not None and (m.kind != "demonym" or token.text[0].isupper()):
            owner = self.owner_at(token.i)
            return owner.by(f"subject_{owner.cue}") if owner.code else owner
        phrase = list(self.tree.phrase(token, token.i + 1))
        owner = self.phrases.owner_in(phrase)
        if owner.settled:
            return owner.by(_SUBJECT_PHRASE.get(owner.cue, owner.cue))
        whose = self.dont_before(token)
        if whose is not None:  # `Pyongyang, dont l'armée compte 1,2 million d'hommes`
            return self.body_owner(whose).by("relative_antecedent")
        if any(t.lower_ in POSSESSIVES and t.i < token.i for t in self.tree.children(token)):
            previous = self.previous_subject(token) or self.previous_topic(token)
            if previous is not None:  # `La Pologne ... Son armée dépasse 200 000 soldats`
                return self.body_owner(previous).by("possessive")
        if token.pos_ == "NOUN":
            topic = self.sentence_topic(token)
            if topic is not None:  # `Côté nigérian, l'armée a perdu 20 hommes`, `À Caracas,
                return Owner(topic.code, True, "topic_frame",  # le ministre a annoncé
                             self.d.mention_chars(topic))  # l'envoi de 15 000 soldats`
        return owner

    def personal(self, token: Token) -> bool:
        """`il` or `elle` standing for the subject before (`Il a aussi envoyé 300
        instructeurs`), not impersonal (`il reste 200 soldats`, `il y a`)."""
        if token.lower_ not in SINGULAR_PRONOUNS or token.i + 1 >= len(self.doc):
            return False
        after = fold(self.doc[token.i + 1].text)
        return after not in IMPERSONAL and fold(token.head.text) not in IMPERSONAL

    def sentence_topic(self, token: Token, sides_only: bool = False) -> CountryMention | None:
        """The state a sentence opens with as its topic: `Côté nigérian, ...`, `Du côté de
        Kinshasa, ...`, `Au Tchad, ...` (a side or, unless `sides_only`, a place; then a
        comma)."""
        n, i = self.sentence[token.i], token.i
        while i > 0 and self.sentence[i - 1] == n:
            i -= 1
        for j in range(i, min(i + TOPIC_REACH, token.i)):
            m = self.d.mention(j)
            if m is None or j != m.start:
                continue
            before = [fold(t.text) for t in self.doc[i:j]]
            after = self.doc[m.end].text if m.end < len(self.doc) else ""
            side = before[-1:] == ["cote"] or before[-2:] in (["cote", "de"], ["cote", "d'"])
            place = not sides_only and before[-1:] and before[-1] in PLACE_CASES
            if after == "," and (side or place):
                return m
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
        found = []
        for t in reversed(self.doc[max(pronoun.i - 3 * NEAR, 0) : pronoun.i]):
            if self.sentence[t.i] < n - 1:
                break
            if self.sentence[t.i] != n - 1:
                continue
            if t.dep_ in SUBJECTS and t.head.dep_ == "ROOT":
                found.append(t)
                found += [c for c in self.tree.children(t) if c.i < t.i and c.i in self.mentions]
            elif t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN"):  # a parse that lost the
                found.append(t)  # verb: `L'armée haïtienne manque de tout.`
        # a state first: `Le Burundi, longtemps contributeur de l'Amisom, a claqué la porte`
        return next((t for t in found if t.i in self.mentions), found[0] if found else None)

    def context_country(self, token: Token) -> Owner:
        """The nearest country tied to a military word in the sentence or the two before,
        in the same paragraph (a new paragraph often turns to another state)."""
        n = self.sentence[token.i]
        paragraph = self.d.paragraph(token.i)
        for i in range(token.i - 1, max(token.i - 3 * NEAR, 0) - 1, -1):
            if self.sentence[i] < n - 2 or self.d.paragraph(i) != paragraph:
                break
            m = self.d.mention(i)
            if m is not None and i == m.start and self.military_tie(m):
                return self.owner_at(i).by("context")
        return UNKNOWN

    def main_country(self) -> Owner:
        """The country most often tied to a military word, then most often named, when
        one leads (with no such tie, the most named one); its first such mention."""
        tied = [m for m in self.all_mentions if self.military_tie(m)]
        ties = Counter(m.code for m in tied)
        named = Counter(m.code for m in self.all_mentions)
        ranked = sorted(ties or named, key=lambda code: (ties[code], named[code]), reverse=True)
        score = [(ties[code], named[code]) for code in ranked[:2]]
        if not ranked or (len(ranked) > 1 and score[0] <= score[1]):
            return UNKNOWN
        first = next(m for m in (tied or self.all_mentions) if m.code == ranked[0])
        return Owner(ranked[0], True, "article", self.d.mention_chars(first))

    def military_tie(self, m: CountryMention) -> bool:
        """`armée américaine`, `soldats nigériens`, `l'Italie a déployé un contingent`."""
        token = self.doc[m.start]
        near = [token.head, *self.tree.children(token.head)] if m.kind == "demonym" else [
            token.head]
        if any(fold(t.text) in self.lex.context for t in near if t.i != token.i):
            return True
        if token.dep_ in SUBJECTS:
            if self.lex.hosts(token.head.text):  # `Le Niger accueille des soldats russes`
                return False
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
        found = {m.code: m for t in linked for m in self.mentions.get(t.i, ())}
        first = self.mentions[i][0]
        if len(found) != 1:
            return Owner(None, True, "several_states", self.d.mention_chars(first))
        return Owner(first.code, True, MENTION_CUES[first.kind], self.d.mention_chars(first))
