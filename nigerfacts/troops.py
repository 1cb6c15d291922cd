"""Troop counts: how many soldiers, whose, how sure, and whether they are casualties.

A number is a troop count when a personnel word (`data/personnel.tsv`) follows it
(`200 soldats`, `une centaine de casques bleus`), or when it stands apart from
that word in the same sentence (`ces soldats - qui seraient un peu plus de 200 -`,
`29 soldats tués et deux blessés`). The country comes, in this order, from the
noun phrase (`soldats italiens`, `les soldats du Tchad`), the clause's subject
(`La Corée du Nord a déployé 12 000 soldats`), the troop counts and the military
mentions of the sentences just before, then the article's main military country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from .countries import CountryMention
from .models import Qualifier, TroopFact, TroopKind
from .numbers import Number, find_numbers
from .text import data_lines, fold, word_set

_BELONG = {"de", "d'", "du", "des"}
_LOCATED = {"au", "aux", "en", "a", "dans", "vers"}
_POSSESSIVES = {"ses", "leurs", "leur", "son", "sa", "nos", "notre"}
_RANGE = {"a", "et", "-", "–"}
_SKIP_BEFORE_NOUN = {"de", "d'", "autres", "nouveaux", "premiers", "derniers", "jeunes"}
_DETERMINERS = {"la", "le", "les", "l'", "ce", "cet", "cette", "ces"}
_MILITARY_NOUNS = {"armee", "armees", "forces", "troupes", "soldats", "militaires", "contingent",
                   "base", "bataillon", "brigade", "instructeurs", "defense", "mission"}


@dataclass(frozen=True)
class _Lexicon:
    personnel: dict[tuple[str, ...], str]
    casualty: frozenset[str]
    context: frozenset[str]
    units: frozenset[str]
    qualifiers: tuple[tuple[str, Qualifier], ...]
    pmcs: dict[str, str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    personnel = {}
    for line in data_lines("personnel.tsv"):
        phrase, sense = line.split("\t")
        personnel[tuple(fold(phrase).split())] = sense
    qualifiers = [
        (fold(phrase), qualifier)
        for phrase, qualifier in (line.split("\t") for line in data_lines("qualifiers.tsv"))
    ]
    qualifiers.sort(key=lambda q: len(q[0]), reverse=True)
    pmcs = {fold(name): code for name, code in (line.split("\t") for line in data_lines(
        "pmcs.tsv"))}
    return _Lexicon(personnel, word_set("casualty_words.txt"), word_set("military_context.txt"),
                    word_set("military_units.txt"), tuple(qualifiers), pmcs)


@dataclass
class _Troop:
    number: Number
    noun: Token | None  # the personnel word, or its antecedent when apart
    text_start: int
    text_end: int
    qualifier: Qualifier
    kind: TroopKind
    country: str | None = None
    location: str | None = None


class TroopExtractor:
    """Find troop counts in a `Doc`, given its country mentions."""

    def __init__(self, nlp: Language) -> None:
        self.lex = _lexicon()

    def __call__(self, doc: Doc, mentions: list[CountryMention], body_start: int = 0,
                 excluded: list[tuple[int, int]] = ()) -> list[TroopFact]:
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        numbers = [n for n in find_numbers(doc, body_start)
                   if not any(s <= doc[n.start].idx < e for s, e in excluded)]
        troops: list[_Troop] = []
        for k, _number in enumerate(numbers):
            troop = self._troop(doc, numbers, k)
            if troop is not None:
                troops.append(troop)
        for troop in troops:
            troop.country, troop.location = self._country(doc, troop, troops, by_token)
        facts: dict[tuple, TroopFact] = {}
        for t in troops:
            key = (t.number.value, t.country, t.kind)
            if key not in facts:
                facts[key] = TroopFact(
                    text=doc.text[t.text_start : t.text_end], count=t.number.value,
                    country=t.country, qualifier=t.qualifier, kind=t.kind,
                    location=t.location, start=t.text_start, end=t.text_end)
        return list(facts.values())

    # -- finding ---------------------------------------------------------------------------
    def _personnel_at(self, doc: Doc, i: int) -> tuple[int, str] | None:
        """If a personnel word starts at token i: (its end, its sense)."""
        for phrase, sense in self.lex.personnel.items():
            end = i + len(phrase)
            if end <= len(doc) and tuple(fold(t.text) for t in doc[i:end]) == phrase:
                return end, sense
        return None

    def _is_personnel(self, doc: Doc, i: int) -> bool:
        found = self._personnel_at(doc, i)
        if found is None:
            return False
        end, sense = found
        if sense == "context":
            sent = doc[i].sent
            return any(fold(t.text) in self.lex.context for t in sent if t.i != i)
        if sense == "member":
            tail = [fold(t.text) for t in doc[end : end + 3]]
            return bool(tail) and tail[0] in _BELONG | {"de"} and any(
                w in self.lex.units for w in tail[1:])
        return True

    def _troop(self, doc: Doc, numbers: list[Number], k: int) -> _Troop | None:
        number = numbers[k]
        after = number.end
        # a range "2 500 à 3 000 soldats": the first number shares the second's noun
        nxt = numbers[k + 1] if k + 1 < len(numbers) else None
        in_range = (nxt is not None and nxt.start == after + 1
                    and fold(doc[after].text) in _RANGE)
        if in_range:
            after = nxt.end
        prev = numbers[k - 1] if k else None
        closes_range = (prev is not None and number.start == prev.end + 1
                        and fold(doc[prev.end].text) in _RANGE)
        i = after
        while i < len(doc) and fold(doc[i].text) in _SKIP_BEFORE_NOUN and i - after < 3:
            i += 1
        qualifier = self._qualifier(doc, number)
        if in_range:
            qualifier = "more_than"
        elif closes_range:
            qualifier = "less_than"
        start = self._qualifier_start(doc, number, qualifier)
        if i < len(doc) and self._is_personnel(doc, i):
            noun = doc[i]
            if self._hostile(noun):
                return None
            end = (self._personnel_at(doc, i) or (i + 1, ""))[0]
            text_end = doc[end - 1].idx + len(doc[end - 1].text)
            if in_range:
                text_end = doc[number.end - 1].idx + len(doc[number.end - 1].text)
            kind = self._kind(doc, noun, None)
            return _Troop(number, noun, start, text_end, qualifier, kind)
        return self._apart(doc, number, start, qualifier)

    def _apart(self, doc: Doc, number: Number, start: int, qualifier: Qualifier) -> _Troop | None:
        """A number standing apart from its personnel word: find the word before it."""
        after = doc[number.end] if number.end < len(doc) else None
        first = doc[number.start]
        if after is not None:
            word = fold(after.text)
            casualty_noun = word in self.lex.casualty
            if after.pos_ in ("NOUN", "PROPN", "SYM", "NUM") and not casualty_noun:
                return None
            if after.text in ("%", "€", "$") or (word in ("de", "d'") and not self._partitive(
                    doc, number.end + 1)):
                return None
        if number.start > 0 and fold(doc[number.start - 1].text) in ("le", "n°", "no"):
            return None
        if first.dep_ == "nummod" and first.head.i >= number.end and not self._is_personnel(
                doc, first.head.i):
            return None
        antecedent = self._antecedent(doc, number)
        if antecedent is None or self._hostile(antecedent):
            return None
        end_token = doc[number.end - 1]
        text_end = end_token.idx + len(end_token.text)
        kind = self._kind(doc, None, number)
        if kind == "strength" and after is not None and fold(after.text) == "autres":
            kind = self._kind(doc, antecedent, None)
        return _Troop(number, antecedent, start, text_end, qualifier, kind)

    @staticmethod
    def _partitive(doc: Doc, i: int) -> bool:
        """`7 de la force`: a share of a group, not a quantity of some noun."""
        return i < len(doc) and fold(doc[i].text) in _DETERMINERS

    def _antecedent(self, doc: Doc, number: Number) -> Token | None:
        """The nearest personnel word before the number, in its sentence or the one before."""
        sent = doc[number.start].sent
        start = sent.start
        if number.start > 0 and sent.start > 0:
            start = doc[sent.start - 1].sent.start
        for i in range(number.start - 1, start - 1, -1):
            if self._is_personnel(doc, i):
                return doc[i]
        return None

    def _hostile(self, noun: Token) -> bool:
        """Fighters of armed groups are not troops: `150 hommes du groupe jihadiste`."""
        words = {fold(t.text) for t in noun.subtree}
        return bool(words & {"jihadistes", "djihadistes", "terroristes", "rebelles",
                             "insurges", "assaillants", "jihadiste", "djihadiste"})

    def _qualifier(self, doc: Doc, number: Number) -> Qualifier:
        before = doc.text[max(0, doc[number.start].idx - 30) : doc[number.start].idx]
        before = re.sub(r"\s+", " ", fold(before)).rstrip()
        for phrase, qualifier in self.lex.qualifiers:
            if before.endswith(phrase) and (len(before) == len(phrase)
                                            or not before[-len(phrase) - 1].isalpha()):
                return qualifier
        return "approx" if number.approx else "exact"

    def _qualifier_start(self, doc: Doc, number: Number, qualifier: Qualifier) -> int:
        start = doc[number.start].idx
        if qualifier == "exact" or (number.approx and qualifier == "approx"):
            return start
        before = doc.text[max(0, start - 30) : start]
        folded = fold(before)
        for phrase, _ in self.lex.qualifiers:
            pattern = r"\s+".join(re.escape(w) for w in phrase.split()) + r"\s*$"
            match = re.search(pattern, folded)
            if match:
                return start - len(before) + match.start()
        return start

    def _kind(self, doc: Doc, noun: Token | None, number: Number | None) -> TroopKind:
        """Casualties when a casualty word governs or qualifies the number or its noun."""
        words: set[str] = set()
        if number is not None:
            first = doc[number.start]
            if number.end < len(doc):
                words.add(fold(doc[number.end].text))
            words.add(fold(first.head.text))
            words |= {fold(c.text) for c in first.head.children
                      if c.dep_ in ("nsubj", "nsubj:pass", "conj")}
        if noun is not None:
            words |= {fold(t.text) for t in noun.subtree if t.i > noun.i}
            head = noun.head
            words.add(fold(head.text))
            words |= {fold(c.text) for c in head.children
                      if c.dep_ in ("xcomp", "conj", "acl", "amod", "nsubj", "nsubj:pass")}
        return "casualties" if words & self.lex.casualty else "strength"

    # -- whose -----------------------------------------------------------------------------
    def _country(self, doc: Doc, troop: _Troop, troops: list[_Troop],
                 by_token: dict[int, CountryMention]) -> tuple[str | None, str | None]:
        noun = troop.noun
        own, location = self._noun_countries(noun, by_token)
        if len(own) > 1:
            return None, location
        if own:
            return own.pop(), location
        if noun is not None and fold(noun.text) == "casques":
            return None, location
        subject = self._subject_country(noun, by_token)
        if subject is not None:
            return (subject or None), location
        sent_start = noun.sent.start
        for other in reversed(troops):
            if other is troop or other.noun is None or other.number.start > troop.number.start:
                continue
            if other.country and other.noun.sent.start >= _sentence_back(doc, sent_start, 2):
                return other.country, location
        return self._context_country(doc, noun, by_token), location

    def _noun_countries(self, noun: Token, by_token: dict[int, CountryMention]
                        ) -> tuple[set[str], str | None]:
        """Countries inside the personnel noun phrase, split into owner and location."""
        owners: set[str] = set()
        location = None
        tokens = list(noun.subtree)
        for conj in noun.conjuncts:
            tokens += list(conj.subtree)
        if noun.dep_ == "conj":
            tokens += [c for c in noun.head.children if c.dep_ == "amod"]
        for t in tokens:
            if t.dep_ == "acl:relcl":
                continue
            m = by_token.get(t.i)
            if m is None or t.i != m.start:
                pmc = self.lex.pmcs.get(fold(t.text))
                if pmc:
                    owners.add(pmc)
                continue
            before = fold(noun.doc[m.start - 1].text) if m.start else ""
            if m.kind == "demonym" or before in _BELONG:
                owners.add(m.code)
            elif before in _LOCATED or before in ("l'", "la", "le"):
                location = location or m.code
        head = noun.head
        if location is None:
            for t in head.subtree:
                m = by_token.get(t.i)
                if m and t.i == m.start and m.kind == "name" and m.start > 0 and fold(
                        noun.doc[m.start - 1].text) in _LOCATED:
                    location = m.code
                    break
        return owners, location

    @staticmethod
    def _subject_country(noun: Token, by_token: dict[int, CountryMention]) -> str | None:
        """Country of the clause's subject; '' when the subject is a non-country noun."""
        verb = noun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for _ in range(3):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
            for subject in subjects:
                if noun in subject.subtree:
                    return None
                codes = {by_token[t.i].code for t in subject.subtree if t.i in by_token}
                if len(codes) == 1:
                    return codes.pop()
                if subject.pos_ == "NOUN" and fold(subject.text) in ("force", "forces", "mission",
                                                                      "coalition"):
                    return ""
            if verb.head.i == verb.i:
                break
            verb = verb.head
        return None

    def _context_country(self, doc: Doc, noun: Token, by_token: dict[int, CountryMention]
                         ) -> str | None:
        """The nearest country tied to a military word before the noun, else the main one."""
        sent = noun.sent
        first = _sentence_back(doc, sent.start, 3)
        for i in range(noun.i - 1, first - 1, -1):
            m = by_token.get(i)
            if m is None or i != m.start:
                continue
            if self._military_tie(doc, m):
                return m.code
        tally = Counter(m.code for m in set(by_token.values()) if self._military_tie(doc, m))
        ranked = tally.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return None

    @staticmethod
    def _military_tie(doc: Doc, m: CountryMention) -> bool:
        """`armée américaine`, `soldats nigériens`, `l'Italie ... un contingent`."""
        token = doc[m.start]
        near = [token.head, *token.head.children] if m.kind == "demonym" else [token.head]
        if any(fold(t.text) in _MILITARY_NOUNS for t in near):
            return True
        if token.dep_ in ("nsubj", "nsubj:pass"):
            return any(fold(t.text) in _MILITARY_NOUNS for t in token.head.subtree)
        return False


def _sentence_back(doc: Doc, sent_start: int, count: int) -> int:
    """Start token of the sentence `count` sentences before the one starting at sent_start."""
    start = sent_start
    for _ in range(count):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start

