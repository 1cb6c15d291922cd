"""Troop counts: finding the counts and the personnel noun each counts."""

from __future__ import annotations

from spacy.tokens import Token

from ..models import Qualifier
from ..numbers import Number
from ..text import fold
from .document import Document, Part
from .kinds import Kinds
from .lexicon import (
    AMONG,
    APPOSITION,
    BEFORE_NOUN,
    COUNT_NOUNS,
    LABEL_POS,
    NOT_COUNT,
    OWNER_CASES,
    PRONOUNS,
    RANGE,
    RELATIVES,
)
from .records import Troop
from .tree import is_year


class Counts(Part):
    """Numbers as troop counts, with their personnel word or apart from it."""

    def __init__(self, d: Document, kinds: Kinds) -> None:
        super().__init__(d)
        self.kinds = kinds

    def troop(self, k: int) -> Troop | None:
        """numbers[k] as a troop count: with its personnel word, or apart from it."""
        doc, number = self.doc, self.numbers[k]
        upper, lower = self.range(k)
        qualifier = ("more_than" if upper else "less_than" if lower
                     else self.kinds.qualifier(number))
        after = upper.end if upper else number.end
        found = self.personnel_after(after)
        if found is not None:
            noun, end = found
            if not self.d.valid(noun, end):
                return None
            troop = Troop(number, noun, number.end if upper else end, qualifier,
                           self.kinds.kind(noun, end))
            if self.d.dont(number) is not None and not self.d.whose(noun):
                troop.referent = self.d.earlier(number)
            return troop
        if self.label(number) or is_year(doc, number):
            return None
        if after + 1 < len(doc) and fold(doc[after].text) in ("de", "d'") and (
                self.d.people(after + 1) or fold(doc[after + 1].text) == "autres"):
            after += 1  # `dont une vingtaine de Marocains`, `une quinzaine d'autres blessés`
        elif after < len(doc) and self.counts_other(after):
            return None
        return self.apart(number, qualifier, after)

    def counts_other(self, i: int) -> bool:
        """The number before token i counts something else: `40 blindés`, `15 %`, `une
        dizaine de jihadistes`, `200 civils` (not `7 morts`, `5 autres`, `2 Indonésiens`)."""
        word = self.doc[i]
        if fold(word.text) in NOT_COUNT or word.lower_ in self.lex.not_troops or (
                self.percent(i) or self.quantifies(i)):
            return True
        return (word.pos_ in ("NOUN", "PROPN", "SYM", "NUM") and i not in self.mentions
                and fold(word.text) not in self.lex.casualty | {"autres"})

    def percent(self, i: int) -> bool:
        """`15 pour cent`."""
        return fold(self.doc[i : i + 2].text) == "pour cent"

    def quantifies(self, i: int) -> bool:
        """`une dizaine de jihadistes`: `de` and a bare noun after a number."""
        doc = self.doc
        return (fold(doc[i].text) in ("de", "d'") and i + 1 < len(doc)
                and doc[i + 1].pos_ in ("NOUN", "PROPN", "ADJ"))

    def range(self, k: int) -> tuple[Number | None, Number | None]:
        """The other end of a range `de 2 500 à 3 000`, `entre 400 et 500`: (the upper end
        when numbers[k] is the lower one, the lower end when it is the upper one)."""
        def joined(a: Number, b: Number) -> bool:
            return (b.start == a.end + 1 and fold(self.doc[a.end].text) in RANGE
                    and a.value < b.value)
        nxt = self.numbers[k + 1] if k + 1 < len(self.numbers) else None
        prev = self.numbers[k - 1] if k else None
        number = self.numbers[k]
        if nxt is not None and joined(number, nxt):
            return nxt, None
        if prev is not None and joined(prev, number):
            return None, prev
        return None, None

    def label(self, number: Number) -> bool:
        """`la base aérienne 101`, `la résolution 1701`, `Mirage 2000`: a name, not a count."""
        i = number.start - 1
        if i < 0 or i in self.mentions:
            return False
        before = self.doc[i]
        return before.pos_ in LABEL_POS and before.is_alpha and fold(
            before.text) not in self.lex.casualty and before.i not in self.personnel

    def personnel_after(self, i: int) -> tuple[Token, int] | None:
        """The personnel word a number quantifies, from token i: (its head, phrase end)."""
        start = i
        while i < len(self.doc) and i - start < 3 and fold(self.doc[i].text) in BEFORE_NOUN:
            i += 1
        if i not in self.personnel:
            return None
        end, sense = self.personnel[i]
        if sense == "member":
            end = self.member_end(end)
            if end is None:
                return None
        return self.doc[i], end

    def member_end(self, end: int) -> int | None:
        """`membres des forces armées`: the end of the unit complement, if there is one."""
        doc = self.doc
        if end >= len(doc) or fold(doc[end].text) not in OWNER_CASES:
            return None
        for i in range(end + 1, min(end + 4, len(doc))):
            if i in self.personnel:
                return self.personnel[i][0]
            word = fold(doc[i].text)
            if word in self.lex.units or word in self.lex.forces:
                return i + 1
        return None

    def apart(self, number: Number, qualifier: Qualifier, after: int) -> Troop | None:
        """A number apart from its personnel word: tie it to one, or to an earlier count."""
        doc = self.doc
        word = fold(doc[after].text) if after < len(doc) else ""
        earlier = self.d.earlier(number)
        troop = Troop(number, None, number.end, qualifier, None)
        continued = earlier if earlier is not None and self.continues(earlier, number) else None
        if word in self.lex.casualty:
            troop.kind = "casualties"
            noun = self.among(after + 1)
            if noun is not None:
                troop.noun = noun
            elif continued is not None:
                troop.referent = continued
            elif not self.own_ranks(after + 1):
                troop.referent = self.toll_before(number, after)
                if troop.referent is None:
                    return None
            return troop
        if fold(doc[after : after + 3].text) in ("d'entre eux", "d'entre elles"):
            troop.referent = self.d.earlier(number, sentences=3)
            troop.kind = self.kinds.clause_kind(doc[number.start])
            return troop if troop.referent else None
        if word == "autres":
            troop.referent = earlier or self.d.earlier(number, sentences=2)
            cue = doc[after + 1 : after + 2]
            troop.kind = "casualties" if self.d.casualty(cue) else self.kinds.clause_kind(
                doc[number.start])
            return troop if troop.referent else None
        if after in self.mentions:
            troop.noun, troop.referent = doc[after], continued
            return troop if continued is not None else None
        noun = self.subject_personnel(number) or self.apposition(number)
        troop.kind = self.kinds.clause_kind(doc[number.start])
        if noun is not None:
            troop.noun = noun
            if troop.kind is None and noun.i in self.personnel:  # soldats russes tués ... 100 000
                troop.kind = self.kinds.kind(noun, self.d.noun_end(noun))
        elif continued is not None:
            troop.referent = continued
        else:
            return None
        return troop

    def continues(self, earlier: Troop, number: Number) -> bool:
        """A number continues an earlier count when `dont` introduces it or no other verb
        comes between them than casualty words and the count's own verb (`17 soldats tués
        et cinq blessés`, `Le Tchad a envoyé 1 000 soldats, le Niger 500`), unlike `2 000
        soldats tués, selon l'ONG, qui recense 8 000 morts`."""
        if self.d.dont(number) is not None:
            return True
        anchor = earlier.noun if earlier.noun is not None else self.doc[earlier.number.start]
        own = fold(self.tree.governor(anchor).text)
        between = self.doc[earlier.end : number.start]
        return all(t.pos_ != "VERB" or fold(t.text) in self.lex.casualty | {own}
                   for t in between)

    def among(self, i: int) -> Token | None:
        """`28 morts (et 15 blessés) parmi les soldats maliens`: the personnel word after
        `parmi` a few words on in the sentence."""
        doc = self.doc
        for j in range(i, min(i + 6, len(doc))):
            if self.sentence[j] != self.sentence[i - 1]:
                break
            if fold(doc[j].text) in AMONG:
                found = self.personnel_after(j + 1)
                return found[0] if found and self.d.valid(*found) else None
        return None

    def toll_before(self, number: Number, after: int) -> Troop | None:
        """The soldiers' toll a bare `quatre morts` revises, given in one of the two sentences
        before in the paragraph (`54 soldats ont été tués ... Un premier bilan faisait état de
        huit morts`); not when the count names its own group (`parmi les civils`)."""
        last = self.troops[-1] if self.troops else None
        if last is None or self.d.kind_of(last) != "casualties":
            return None
        n, m = self.sentence[number.start], self.sentence[last.number.start]
        if not n - 2 <= m < n or self.d.paragraph(last.number.start) != self.d.paragraph(
                number.start):
            return None
        window = self.doc[after + 1 : min(after + 7, len(self.doc))]
        if any(fold(t.text) in AMONG for t in window):
            return None
        return last

    def own_ranks(self, i: int) -> bool:
        """`quatre morts dans ses rangs`: the subject's own personnel."""
        window = [fold(t.text) for t in self.doc[i : i + 4]]
        return "rangs" in window

    def subject_personnel(self, number: Number) -> Token | None:
        """The personnel word a number is said of: the subject of its clause (`Ces soldats
        ... seraient 200`, `Ils étaient 1 500`) or the antecedent of `en`."""
        doc = self.doc
        verb = self.tree.governor(doc[number.end - 1])
        subjects = [s for s in self.tree.subjects(verb, near=doc[number.start])
                    if s.i not in range(number.start, number.end)]
        i = self.d.before_verb(number, clitics=True)
        if 0 <= i < self.d.qualifier_start(number) - 1:
            subjects.append(doc[i])
        for subject in subjects:
            noun = self.resolve(subject)
            if noun is not None:
                return noun
        if verb.i in self.tree.with_en:
            return self.d.personnel_before(number.start, sentences=3)
        return None

    def resolve(self, subject: Token) -> Token | None:
        """A subject as a personnel word: itself, the antecedent of `qui`, of `ils`."""
        if subject.i in self.personnel:
            return subject if self.d.valid(subject, self.personnel[subject.i][0]) else None
        if fold(subject.text) in self.lex.casualty | COUNT_NOUNS:  # les pertes des troupes
            return next((c for c in self.tree.children(subject) if c.i in self.personnel
                         and self.d.valid(c, self.personnel[c.i][0])), None)
        word = subject.lower_
        if word in RELATIVES:
            return self.d.personnel_before(subject.i, sentences=1, near=4)
        if word in PRONOUNS:
            return self.d.personnel_before(subject.i, sentences=2, demonyms=True)
        m = self.d.mention(subject.i)
        if m is not None and m.kind == "demonym" and subject.text[0].isupper() and (
                self.military_text):
            return subject
        return None

    def apposition(self, number: Number) -> Token | None:
        """`Des instructeurs turcs, une cinquantaine,`: the noun phrase before a comma."""
        i = self.d.qualifier_start(number) - 1
        if i < 0 or self.doc[i].text not in APPOSITION:
            return None
        return self.d.personnel_before(i, sentences=1, near=5)
