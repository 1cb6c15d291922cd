"""Troop counts: the state each count's personnel serve."""

from __future__ import annotations

from spacy.tokens import Token

from ..numbers import Number
from ..text import fold
from .document import Document, Part
from .lexicon import DETERMINERS, OBJECT_PATH
from .phrases import Phrases
from .places import Places
from .records import UNKNOWN, Owner, Troop
from .subjects import Subjects
from .tree import before_punct


class Owners(Part):
    """Settle each count's state."""

    def __init__(self, d: Document, phrases: Phrases, subjects: Subjects, places: Places) -> None:
        super().__init__(d)
        self.phrases = phrases
        self.subjects = subjects
        self.places = places

    def each(self, troop: Troop) -> list[str]:
        """The states a `chacun` count is said of, one count each: `L'Indonésie et l'Italie
        en fournissent chacune plus de 1 000`."""
        start = self.d.qualifier_start(troop.number)
        before = self.doc[max(0, start - 3) : start]
        if not any(fold(t.text) in ("chacun", "chacune") for t in before):
            return []
        verb = self.tree.governor(self.doc[troop.number.end - 1])
        n = self.sentence[troop.number.start]
        first = next((m.start for m in self.all_mentions if self.sentence[m.start] == n), None)
        heads = [*self.tree.subjects(verb), *([] if first is None else [self.doc[first]])]
        for head in heads:  # the subject, or the sentence's first state when the parse lost it
            linked = [head, *(c for c in self.tree.children(head) if c.dep_ == "conj")]
            codes = list(dict.fromkeys(m.code for t in linked for m in self.mentions.get(t.i, ())))
            if len(codes) > 1:
                return codes
        return []

    def settle(self, troop: Troop, main: str | None) -> None:
        """The troop's country: what the text says, else its referent's, else none for UN
        personnel, else the country of the military context, near or article-wide."""
        owner = self.owner(troop)
        if owner.settled:
            troop.country = owner.code
        elif troop.referent is not None:
            troop.country = troop.referent.country
        elif troop.noun is None or not self.d.peacekeeper(troop.noun):
            troop.country = self.subjects.context_country(self.doc[troop.number.start]) or main
        troop.location = self.places.location(troop)

    def owner(self, troop: Troop) -> Owner:
        """What the text says of the troop's state, the closest evidence first: a count
        apart from its noun first looks at its own clause (`1 200 sont tchadiens`)."""
        noun, number = troop.noun, troop.number
        if noun is not None and noun.i in self.mentions:
            return self.subjects.owner_at(noun.i, coordinated=False)
        steps = [lambda: self.subject_before(number), lambda: self.predicate(number)]
        if noun is not None:
            phrase = [lambda: self.phrases.phrase_owner(noun, number),
                      lambda: self.phrases.apposed(number)]
            steps = [*steps, *phrase] if noun.i < number.start else [*phrase, *steps]
            steps += [lambda: self.relative_owner(noun, number), lambda: self.phrases.subset(troop),
                      lambda: self.subject_owner(noun)]
        elif troop.referent is None:
            steps.append(lambda: self.subject_owner(self.doc[number.end - 1]))
        if self.borrowed(troop) and troop.kind != "casualties":  # its subject: the attacker
            # after a state right before the count (`le Niger 500`), before the borrowed noun
            steps.insert(2, lambda: self.clause_subject_owner(self.doc[number.end - 1]))
        for step in steps:
            owner = step()
            if owner.settled:
                return owner
        return UNKNOWN

    def subject_before(self, number: Number) -> Owner:
        """A country right before the count, or before the verb right before it, is its
        subject, written or elided: `..., le Niger 500`, `la Jamaïque deux douzaines de
        soldats`, `quand Taïwan compte environ 170 000 militaires` (parsed or not)."""
        gap = self.d.qualifier_start(number) - 1
        i = self.d.before_verb(number)
        m = self.d.mention(i)
        if m is None or (m.kind == "demonym" and not self.doc[m.start].text[0].isupper()):
            return UNKNOWN
        before = fold(self.doc[m.start - 1].text) if m.start else ""
        if before in DETERMINERS or before in {",", "et", "quand", "alors", "que"} or (
                m.start == 0 or self.sentence[m.start - 1] != self.sentence[m.start]):
            return self.subjects.owner_at(i, coordinated=i != gap)
        return UNKNOWN

    def predicate(self, number: Number) -> Owner:
        """`1 200 sont tchadiens`: a nationality said of the number."""
        head = self.doc[number.end - 1].head
        m = self.d.mention(head.i)
        if m is not None and m.kind == "demonym" and any(
                c.dep_ == "cop" for c in self.tree.children(head)):
            return self.subjects.owner_at(head.i)
        return UNKNOWN

    def relative_owner(self, noun: Token, number: Number) -> Owner:
        """`le Rwanda, dont plus de 2 100 casques bleus servent ...`: the antecedent's."""
        i = self.d.dont(number)
        if i is None or not self.d.whose(noun):
            return UNKNOWN
        antecedent = before_punct(self.doc, i)
        return self.subjects.body_owner(antecedent) if antecedent is not None else UNKNOWN

    def subject_owner(self, noun: Token) -> Owner:
        """The state of the clause's subject: `La Corée du Nord a déployé 12 000 soldats`,
        `Washington a achevé le retrait de ses 1 000 militaires`."""
        token = noun if noun.dep_ != "conj" else noun.head
        verb = self.tree.governor(token)
        for _ in range(3):
            subjects = [s for s in self.tree.subjects(verb, near=token) if s.i != token.i
                        and not s.is_ancestor(token) and not self.tree.counted(s)]
            if verb.dep_ == "acl" and not subjects:
                subjects = [verb.head]
            for subject in subjects:
                owner = self.subjects.body_owner(subject)
                if owner.settled:
                    return owner
            if subjects:
                break
            if verb.head.i != verb.i:
                verb = self.tree.governor(verb.head)
            elif (previous := self.tree.previous_root(verb)) is not None and (
                    self.sentence[previous.i] == self.sentence[verb.i]):
                verb = previous  # the parser split the sentence
            else:
                break
        return UNKNOWN

    def borrowed(self, troop: Troop) -> bool:
        """A count that takes its personnel word from another clause (`en`, an earlier
        count): `Le Tchad a envoyé 1 000 soldats, le Niger en a envoyé 500`."""
        if troop.noun is None:
            return troop.referent is not None
        own = self.tree.governor(self.doc[troop.number.end - 1])
        return troop.noun.i < troop.number.start and self.tree.governor(troop.noun).i != own.i

    def clause_subject_owner(self, token: Token) -> Owner:
        """The state of the subject of the count's own clause, for a count that continues an
        earlier one: `l'Italie fournit 1 000 soldats, et la France, qui en déploie 700`."""
        verb = self.tree.governor(token)
        t = token
        while t.i != verb.i:  # the count must be the verb's object, not its subject
            if t.dep_ not in OBJECT_PATH or t.head.i == t.i:
                return UNKNOWN
            t = t.head
        for subject in self.tree.subjects(verb, near=token):
            if subject.i != token.i and not subject.is_ancestor(token) \
                    and not self.tree.counted(subject):
                owner = self.subjects.body_owner(subject)
                if owner.settled:
                    return owner
        return UNKNOWN
