"""Troop counts: how many military personnel, whose, how sure, strength or casualties.

A number is a troop count when it quantifies a personnel word (`data/personnel.tsv`):
`200 soldats`, `une centaine de casques bleus`, `450 de ses soldats`. A number standing
apart from its personnel word is one when the parse or the sentence ties them: the
clause's subject (`ces soldats - qui seraient un peu plus de 200 -`, `Ils étaient 1 500`),
an apposition (`Des instructeurs turcs, une cinquantaine,`), the clitic `en` (`n'en
comptent plus que 600`), a casualty noun among personnel (`28 morts parmi les soldats`),
or a count earlier in the sentence that it continues (`269 soldats sur les 946
présents`, `17 soldats tués et cinq blessés`, `le Tchad 1 000 soldats, le Niger 500`).

The country is the state served, taken in this order from: the noun phrase (`soldats
italiens`, `soldats du Tchad`, `hommes de Wagner`, `un bataillon rwandais de 850
hommes`), a subject right before the verb or elided (`..., la Jamaïque deux douzaines de soldats`),
a relative
(`le Rwanda, dont 2 100 casques bleus`), the clause's subject, through a possessive or not
(`L'armée tanzanienne a retiré 450 de ses soldats`), and last the article's main military
country. Multinational bodies and UN peacekeepers of no stated nationality give none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .countries import CountryMention
from .models import Qualifier, TroopFact, TroopKind
from .numbers import Number, approx_nouns, find_numbers
from .paragraphs import BLANK_LINE
from .text import (
    data_lines,
    doc_text,
    doc_tokens,
    fold,
    head_indices,
    token_texts,
    word_set,
)

_OWNER_CASES = {"de", "d'", "du", "des"}
_PLACE_CASES = {"au", "aux", "en", "a", "dans", "vers", "sur"}
_TOWARDS = {"vers", "jusqu'", "jusqu'a", "jusque"}
_TOPIC_REACH = 4  # tokens from a sentence's start where its topic (`Côté nigérian,`) can be
_REGIONS = {"est", "ouest", "nord", "sud", "centre", "nord-est", "nord-ouest", "sud-est",
            "sud-ouest", "region", "frontiere", "frontieres", "territoire", "sol", "capitale",
            "ville", "zone", "cote", "cotes", "province", "localite", "espace"}
_POSSESSIVES = {"ses", "leurs", "leur", "son", "sa"}
_RELATIVES = {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}
_PRONOUNS = {"ils", "elles", "ceux-ci", "celles-ci"}
_RANGE = {"a", "et", "-", "–"}
_BEFORE_NOUN = {"de", "d'", "autres", "nouveaux", "nouvelles", "premiers", "premieres",
                "derniers", "dernieres", "jeunes", "anciens", "simples", "ses", "leurs", "nos",
                "vos", "ces", "les", "des"}
_DETERMINERS = {"le", "la", "l'", "les", "ce", "cet", "cette", "ces", "un", "une", "des", "du"}
_APPOSITION = {",", "–", "—", "-", "(", ":"}
_AMONG = {"parmi", "chez"}
_COUNT_NOUNS = {"nombre", "effectif", "effectifs", "total"}
_STRONG = {"fort", "forte", "forts", "fortes"}
_SUBJECTS = ("nsubj", "nsubj:pass")
# Dependencies from a count up to the verb it is the object of (`en déploie environ 700`).
_OBJECT_PATH = ("obj", "obl", "obl:arg", "obl:mod", "advmod", "fixed", "det", "nummod")
_CLAUSES = ("acl:relcl", "acl", "advcl", "ccomp", "csubj", "parataxis", "cc", "punct")
_QUALIFYING = ("amod", "acl", "acl:relcl")
_PLACE_CLAUSES = tuple(c for c in _CLAUSES if c != "acl")
_NOT_COUNT = {"%", "€", "$", "euros", "dollars", "francs", "ans", "km", "kilometres"}
_LABEL_POS = {"NOUN", "PROPN", "ADJ"}
_CLAUSE_DEPTH = 12  # heads climbed to find a clause's predicate
_NEAR = 60  # tokens: the reach of a clause or of a sentence's context
_MILITARY_TEXT = 3  # military words from which a text's "hommes" are soldiers
_VERB_GROUP = {"n'", "ne", "déjà", "aussi", "encore", "désormais", "toujours"}
_CLITICS = {"en", "y", "plus", "que", "qu'"}  # n'en comptent plus que 600
_TERMINAL = {".", "!", "?", "…"}


@dataclass(frozen=True)
class _Lexicon:
    personnel: dict[str, str]  # phrase -> sense
    casualty: frozenset[str]
    context: frozenset[str]
    units: frozenset[str]
    qualifiers: tuple[tuple[str, Qualifier], ...]
    qualifier_words: frozenset[str]
    forces: dict[str, str]  # PMC or state force name -> alpha-3
    multinational: frozenset[str]
    not_troops: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    personnel = dict(line.split("\t") for line in data_lines("personnel.tsv"))
    qualifiers = sorted(((fold(p), q) for p, q in (line.split("\t") for line in data_lines(
        "qualifiers.tsv"))), key=lambda pq: len(pq[0]), reverse=True)
    forces = {fold(name): code for name, code in (line.split("\t") for line in data_lines(
        "pmcs.tsv"))}
    not_troops = frozenset(line.strip().lower() for line in data_lines("not_troops.txt"))
    words = frozenset(w for phrase, _ in qualifiers for w in phrase.split()) | {
        "de", "d'", "a", "jusqu'"}
    return _Lexicon(personnel, word_set("casualty_words.txt"), word_set("military_context.txt"),
                    word_set("military_units.txt"), tuple(qualifiers), words, forces,
                    word_set("multinational.txt"), not_troops)


@dataclass
class _Troop:
    number: Number
    noun: Token | None  # the personnel word counted, or the one it refers to
    end: int  # token end of the text span
    qualifier: Qualifier
    kind: TroopKind | None  # None: the same as the referent's
    referent: _Troop | None = None  # an earlier count this one continues
    country: str | None = None
    location: str | None = None


@dataclass(frozen=True)
class _Owner:
    """What a phrase says of the state served: a code, or `settled` with no code."""

    code: str | None = None
    settled: bool = False


_UNKNOWN = _Owner()
_NOBODY = _Owner(None, True)


class TroopExtractor:
    """Find troop counts in a `Doc`, given its country mentions."""

    def __init__(self, nlp: Language) -> None:
        self.lex = _lexicon()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase, sense in self.lex.personnel.items():
            variants = sorted({phrase, fold(phrase)})
            self.matcher.add(sense, list(nlp.tokenizer.pipe(variants)))

    def __call__(self, doc: Doc, mentions: list[CountryMention], body_start: int = 0,
                 excluded: Iterable[tuple[int, int]] = ()) -> list[TroopFact]:
        return _Run(self, doc, mentions, body_start, list(excluded)).facts()


# The bounds of a troop count (see is_troop_count).
MIN_TROOPS = 1
MAX_TROOPS = 100_000_000


def is_troop_count(value: int) -> bool:
    """Whether a number can count soldiers or casualties, the one place that says so.

    At least one person: `0 militaire` counts nobody. At most 100 million: the largest
    count there has been, all the soldiers mobilised in the Second World War, is some 70
    million, so `999 milliards de soldats` or `deux milliards de blessés` counts no army
    (a typo, a figure of speech or a fuzzer) and is not a fact.
    """
    return MIN_TROOPS <= value <= MAX_TROOPS


class _Run:
    """One document's extraction: the lookups every step shares."""

    def __init__(self, extractor: TroopExtractor, doc: Doc, mentions: list[CountryMention],
                 body_start: int, excluded: list[tuple[int, int]]) -> None:
        self.lex = extractor.lex
        self.doc = doc
        self.text = doc_text(doc)
        self.mentions: dict[int, list[CountryMention]] = {}
        for m in mentions:  # a compound (`franco-allemande`) names two states in one token
            for i in range(m.start, m.end):
                self.mentions.setdefault(i, []).append(m)
        self.all_mentions = mentions
        self.personnel = {s.start: (s.end, s.label_) for s in filter_spans(
            [Span(doc, start, end, label=key) for key, start, end in extractor.matcher(doc)])}
        self.sentence = _sentence_index(doc)
        self.military = Counter(self.sentence[i] for i, x in enumerate(token_texts(doc))
                                if fold(x) in self.lex.context)
        self.military_text = sum(self.military.values()) >= _MILITARY_TEXT
        dated = {i for s, e in excluded for i in range(s, e)}
        tokens = doc_tokens(doc)
        self.numbers = [n for n in find_numbers(doc, body_start)
                        if tokens[n.start].idx not in dated and is_troop_count(n.value)]
        self.tree = _Tree(doc)
        self.breaks = [m.end() for m in BLANK_LINE.finditer(self.text)]
        self.troops: list[_Troop] = []

    # -- the facts ---------------------------------------------------------------------
    def facts(self) -> list[TroopFact]:
        """Find the counts in text order (a count may continue an earlier one), settle
        their countries, and list each (count, country, kind) once."""
        for k in range(len(self.numbers)):
            troop = self._troop(k)
            if troop is not None:
                self.troops.append(troop)
        main = self._main_country()
        for troop in self.troops:
            self._settle(troop, main)
        facts: dict[tuple, TroopFact] = {}
        for t in self.troops:
            kind = self._kind_of(t)
            start = self.doc[t.number.start].idx
            last = self.doc[t.end - 1]
            end = last.idx + len(last.text)
            for country in self._each(t) or [t.country]:
                key = (t.number.value, country, kind)
                if key in facts:
                    continue
                facts[key] = TroopFact(text=self.text[start:end], count=t.number.value,
                                       country=country, qualifier=t.qualifier, kind=kind,
                                       location=t.location, start=start, end=end)
        return list(facts.values())

    def _each(self, troop: _Troop) -> list[str]:
        """The states a `chacun` count is said of, one count each: `L'Indonésie et l'Italie
        en fournissent chacune plus de 1 000`."""
        start = self._qualifier_start(troop.number)
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

    @staticmethod
    def _kind_of(troop: _Troop) -> TroopKind:
        """A count's kind, or that of the count it continues (`tués : 8 de la SADC`)."""
        while troop.kind is None and troop.referent is not None:
            troop = troop.referent
        return troop.kind or "strength"

    # -- finding -----------------------------------------------------------------------
    def _troop(self, k: int) -> _Troop | None:
        """numbers[k] as a troop count: with its personnel word, or apart from it."""
        doc, number = self.doc, self.numbers[k]
        upper, lower = self._range(k)
        qualifier = ("more_than" if upper else "less_than" if lower
                     else self._qualifier(number))
        after = upper.end if upper else number.end
        found = self._personnel_after(after)
        if found is not None:
            noun, end = found
            if not self._valid(noun, end):
                return None
            troop = _Troop(number, noun, number.end if upper else end, qualifier,
                           self._kind(noun, end))
            if self._dont(number) is not None and not self._whose(noun):
                troop.referent = self._earlier(number)
            return troop
        if self._label(number) or _year(doc, number):
            return None
        if after + 1 < len(doc) and fold(doc[after].text) in ("de", "d'") and (
                self._people(after + 1) or fold(doc[after + 1].text) == "autres"):
            after += 1  # `dont une vingtaine de Marocains`, `une quinzaine d'autres blessés`
        elif after < len(doc) and self._counts_other(after):
            return None
        return self._apart(number, qualifier, after)

    def _people(self, i: int) -> bool:
        """A nationality's people as a noun: `Marocains`, `Américains`."""
        m = self._mention(i)
        return m is not None and m.kind == "demonym" and i == m.start and (
            self.doc[i].text[0].isupper())

    def _counts_other(self, i: int) -> bool:
        """The number before token i counts something else: `40 blindés`, `15 %`, `une
        dizaine de jihadistes`, `200 civils` (not `7 morts`, `5 autres`, `2 Indonésiens`)."""
        word = self.doc[i]
        if fold(word.text) in _NOT_COUNT or word.lower_ in self.lex.not_troops or (
                self._percent(i) or self._quantifies(i)):
            return True
        return (word.pos_ in ("NOUN", "PROPN", "SYM", "NUM") and i not in self.mentions
                and fold(word.text) not in self.lex.casualty | {"autres"})

    def _percent(self, i: int) -> bool:
        """`15 pour cent`."""
        return fold(self.doc[i : i + 2].text) == "pour cent"

    def _quantifies(self, i: int) -> bool:
        """`une dizaine de jihadistes`: `de` and a bare noun after a number."""
        doc = self.doc
        return (fold(doc[i].text) in ("de", "d'") and i + 1 < len(doc)
                and doc[i + 1].pos_ in ("NOUN", "PROPN", "ADJ"))

    def _range(self, k: int) -> tuple[Number | None, Number | None]:
        """The other end of a range `de 2 500 à 3 000`, `entre 400 et 500`: (the upper end
        when numbers[k] is the lower one, the lower end when it is the upper one)."""
        def joined(a: Number, b: Number) -> bool:
            return (b.start == a.end + 1 and fold(self.doc[a.end].text) in _RANGE
                    and a.value < b.value)
        nxt = self.numbers[k + 1] if k + 1 < len(self.numbers) else None
        prev = self.numbers[k - 1] if k else None
        number = self.numbers[k]
        if nxt is not None and joined(number, nxt):
            return nxt, None
        if prev is not None and joined(prev, number):
            return None, prev
        return None, None

    def _qualifier(self, number: Number) -> Qualifier:
        """From the words before the number (`un peu plus de`), else its own form."""
        start = self.doc[number.start].idx
        before = re.sub(r"\s+", " ", fold(self.text[max(0, start - 30) : start])).rstrip()
        for phrase, qualifier in self.lex.qualifiers:
            if before.endswith(phrase) and (len(before) == len(phrase)
                                            or not before[-len(phrase) - 1].isalpha()):
                return qualifier
        return "approx" if number.approx else "exact"

    def _qualifier_start(self, number: Number) -> int:
        """First token of the qualifier before a number (the number's own start if none)."""
        i = number.start
        while i > 0 and fold(self.doc[i - 1].text) in self.lex.qualifier_words:
            i -= 1
        return i

    def _label(self, number: Number) -> bool:
        """`la base aérienne 101`, `la résolution 1701`, `Mirage 2000`: a name, not a count."""
        i = number.start - 1
        if i < 0 or i in self.mentions:
            return False
        before = self.doc[i]
        return before.pos_ in _LABEL_POS and before.is_alpha and fold(
            before.text) not in self.lex.casualty and before.i not in self.personnel

    def _personnel_after(self, i: int) -> tuple[Token, int] | None:
        """The personnel word a number quantifies, from token i: (its head, phrase end)."""
        start = i
        while i < len(self.doc) and i - start < 3 and fold(self.doc[i].text) in _BEFORE_NOUN:
            i += 1
        if i not in self.personnel:
            return None
        end, sense = self.personnel[i]
        if sense == "member":
            end = self._member_end(end)
            if end is None:
                return None
        return self.doc[i], end

    def _member_end(self, end: int) -> int | None:
        """`membres des forces armées`: the end of the unit complement, if there is one."""
        doc = self.doc
        if end >= len(doc) or fold(doc[end].text) not in _OWNER_CASES:
            return None
        for i in range(end + 1, min(end + 4, len(doc))):
            if i in self.personnel:
                return self.personnel[i][0]
            word = fold(doc[i].text)
            if word in self.lex.units or word in self.lex.forces:
                return i + 1
        return None

    def _valid(self, noun: Token, end: int) -> bool:
        """A personnel word that counts: not an armed group's, not civilians, and `hommes`
        or `éléments` only in a military text or of a named force (`hommes de Wagner`)."""
        sense = self.personnel.get(noun.i, (0, "military"))[1]
        if sense == "context" and not (self.military_text or self._military_near(noun)
                                       or self._forces(list(self.tree.phrase(noun, end)))):
            return False
        return not self._not_troops(noun, end)

    def _military_near(self, token: Token) -> bool:
        """A military word in the token's sentence or the one before."""
        n = self.sentence[token.i]
        return bool(self.military[n] or self.military[n - 1])

    def _not_troops(self, noun: Token, end: int) -> bool:
        """`150 hommes du JNIM`, `hommes armés`, `hommes et femmes` (see not_troops.txt)."""
        words = [t.lower_.replace("’", "'") for t in sorted(self.tree.phrase(noun, end))]
        text = f" {' '.join(words)} "
        return any(f" {w} " in text for w in self.lex.not_troops)

    def _apart(self, number: Number, qualifier: Qualifier, after: int) -> _Troop | None:
        """A number apart from its personnel word: tie it to one, or to an earlier count."""
        doc = self.doc
        word = fold(doc[after].text) if after < len(doc) else ""
        earlier = self._earlier(number)
        troop = _Troop(number, None, number.end, qualifier, None)
        continued = earlier if earlier is not None and self._continues(earlier, number) else None
        if word in self.lex.casualty:
            troop.kind = "casualties"
            noun = self._among(after + 1)
            if noun is not None:
                troop.noun = noun
            elif continued is not None:
                troop.referent = continued
            elif not self._own_ranks(after + 1):
                troop.referent = self._toll_before(number, after)
                if troop.referent is None:
                    return None
            return troop
        if fold(doc[after : after + 3].text) in ("d'entre eux", "d'entre elles"):
            troop.referent = self._earlier(number, sentences=3)
            troop.kind = self._clause_kind(doc[number.start])
            return troop if troop.referent else None
        if word == "autres":
            troop.referent = earlier or self._earlier(number, sentences=2)
            cue = doc[after + 1 : after + 2]
            troop.kind = "casualties" if self._casualty(cue) else self._clause_kind(
                doc[number.start])
            return troop if troop.referent else None
        if after in self.mentions:
            troop.noun, troop.referent = doc[after], continued
            return troop if continued is not None else None
        noun = self._subject_personnel(number) or self._apposition(number)
        troop.kind = self._clause_kind(doc[number.start])
        if noun is not None:
            troop.noun = noun
            if troop.kind is None and noun.i in self.personnel:  # soldats russes tués ... 100 000
                troop.kind = self._kind(noun, self._noun_end(noun))
        elif continued is not None:
            troop.referent = continued
        else:
            return None
        return troop

    def _continues(self, earlier: _Troop, number: Number) -> bool:
        """A number continues an earlier count when `dont` introduces it or no other verb
        comes between them than casualty words and the count's own verb (`17 soldats tués
        et cinq blessés`, `Le Tchad a envoyé 1 000 soldats, le Niger 500`), unlike `2 000
        soldats tués, selon l'ONG, qui recense 8 000 morts`."""
        if self._dont(number) is not None:
            return True
        anchor = earlier.noun if earlier.noun is not None else self.doc[earlier.number.start]
        own = fold(self.tree.governor(anchor).text)
        between = self.doc[earlier.end : number.start]
        return all(t.pos_ != "VERB" or fold(t.text) in self.lex.casualty | {own}
                   for t in between)

    def _earlier(self, number: Number, sentences: int = 1) -> _Troop | None:
        """The last count before this number, in its sentence (or the `sentences` last)."""
        last = self.troops[-1] if self.troops else None
        if last is not None and self.sentence[last.number.start] > (
                self.sentence[number.start] - sentences):
            return last
        return None

    def _among(self, i: int) -> Token | None:
        """`28 morts (et 15 blessés) parmi les soldats maliens`: the personnel word after
        `parmi` a few words on in the sentence."""
        doc = self.doc
        for j in range(i, min(i + 6, len(doc))):
            if self.sentence[j] != self.sentence[i - 1]:
                break
            if fold(doc[j].text) in _AMONG:
                found = self._personnel_after(j + 1)
                return found[0] if found and self._valid(*found) else None
        return None

    def _toll_before(self, number: Number, after: int) -> _Troop | None:
        """The soldiers' toll a bare `quatre morts` revises, given in one of the two sentences
        before in the paragraph (`54 soldats ont été tués ... Un premier bilan faisait état de
        huit morts`); not when the count names its own group (`parmi les civils`)."""
        last = self.troops[-1] if self.troops else None
        if last is None or self._kind_of(last) != "casualties":
            return None
        n, m = self.sentence[number.start], self.sentence[last.number.start]
        if not n - 2 <= m < n or self._paragraph(last.number.start) != self._paragraph(
                number.start):
            return None
        window = self.doc[after + 1 : min(after + 7, len(self.doc))]
        if any(fold(t.text) in _AMONG for t in window):
            return None
        return last

    def _own_ranks(self, i: int) -> bool:
        """`quatre morts dans ses rangs`: the subject's own personnel."""
        window = [fold(t.text) for t in self.doc[i : i + 4]]
        return "rangs" in window

    def _subject_personnel(self, number: Number) -> Token | None:
        """The personnel word a number is said of: the subject of its clause (`Ces soldats
        ... seraient 200`, `Ils étaient 1 500`) or the antecedent of `en`."""
        doc = self.doc
        verb = self.tree.governor(doc[number.end - 1])
        subjects = [s for s in self.tree.subjects(verb, near=doc[number.start])
                    if s.i not in range(number.start, number.end)]
        i = self._before_verb(number, clitics=True)
        if 0 <= i < self._qualifier_start(number) - 1:
            subjects.append(doc[i])
        for subject in subjects:
            noun = self._resolve(subject)
            if noun is not None:
                return noun
        if verb.i in self.tree.with_en:
            return self._personnel_before(number.start, sentences=3)
        return None

    def _resolve(self, subject: Token) -> Token | None:
        """A subject as a personnel word: itself, the antecedent of `qui`, of `ils`."""
        if subject.i in self.personnel:
            return subject if self._valid(subject, self.personnel[subject.i][0]) else None
        if fold(subject.text) in self.lex.casualty | _COUNT_NOUNS:  # les pertes des troupes
            return next((c for c in self.tree.children(subject) if c.i in self.personnel
                         and self._valid(c, self.personnel[c.i][0])), None)
        word = subject.lower_
        if word in _RELATIVES:
            return self._personnel_before(subject.i, sentences=1, near=4)
        if word in _PRONOUNS:
            return self._personnel_before(subject.i, sentences=2, demonyms=True)
        m = self._mention(subject.i)
        if m is not None and m.kind == "demonym" and subject.text[0].isupper() and (
                self.military_text):
            return subject
        return None

    def _apposition(self, number: Number) -> Token | None:
        """`Des instructeurs turcs, une cinquantaine,`: the noun phrase before a comma."""
        i = self._qualifier_start(number) - 1
        if i < 0 or self.doc[i].text not in _APPOSITION:
            return None
        return self._personnel_before(i, sentences=1, near=5)

    def _personnel_before(self, i: int, sentences: int, near: int | None = None,
                          demonyms: bool = False) -> Token | None:
        """The nearest valid personnel word (or demonym noun) before token i."""
        n = self.sentence[i]
        first = i - (3 * _NEAR if near is None else near)
        for j in range(i - 1, max(first, 0) - 1, -1):
            if self.sentence[j] <= n - sentences:
                break
            if j in self.personnel and self._valid(self.doc[j], self.personnel[j][0]):
                return self.doc[j]
            m = self._mention(j)
            if demonyms and m and m.kind == "demonym" and self.doc[j].text[0].isupper():
                return self.doc[j]
            if near is not None and self.doc[j].pos_ in ("VERB", "AUX"):
                break
        return None

    # -- kind --------------------------------------------------------------------------
    def _kind(self, noun: Token, end: int) -> TroopKind:
        """Casualties when a casualty word qualifies or governs the personnel word
        (`12 soldats tués`, `la mort de 25 soldats`) or is its clause's predicate."""
        cues = [*self.doc[end : end + 1], *(c for c in self.tree.children(noun)
                                            if c.i > noun.i and c.dep_ in _QUALIFYING)]
        if noun.head.pos_ == "NOUN" and noun.dep_ == "nmod":
            cues.append(noun.head)
        if self._casualty(cues) or self._clause_kind(noun):
            return "casualties"
        return "strength"

    def _clause_kind(self, token: Token) -> TroopKind | None:
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
        return "casualties" if self._casualty(cues) else None

    def _casualty(self, tokens: Iterable[Token]) -> bool:
        return any(fold(t.text) in self.lex.casualty for t in tokens)

    # -- whose -------------------------------------------------------------------------
    def _settle(self, troop: _Troop, main: str | None) -> None:
        """The troop's country: what the text says, else its referent's, else none for UN
        personnel, else the country of the military context, near or article-wide."""
        owner = self._owner(troop)
        if owner.settled:
            troop.country = owner.code
        elif troop.referent is not None:
            troop.country = troop.referent.country
        elif troop.noun is None or not self._peacekeeper(troop.noun):
            troop.country = self._context_country(self.doc[troop.number.start]) or main
        troop.location = self._location(troop)

    def _owner(self, troop: _Troop) -> _Owner:
        """What the text says of the troop's state, the closest evidence first: a count
        apart from its noun first looks at its own clause (`1 200 sont tchadiens`)."""
        noun, number = troop.noun, troop.number
        if noun is not None and noun.i in self.mentions:
            return self._owner_at(noun.i, coordinated=False)
        steps = [lambda: self._subject_before(number), lambda: self._predicate(number)]
        if noun is not None:
            phrase = [lambda: self._phrase_owner(noun, number), lambda: self._apposed(number)]
            steps = [*steps, *phrase] if noun.i < number.start else [*phrase, *steps]
            steps += [lambda: self._relative_owner(noun, number), lambda: self._subset(troop),
                      lambda: self._subject_owner(noun)]
        elif troop.referent is None:
            steps.append(lambda: self._subject_owner(self.doc[number.end - 1]))
        if self._borrowed(troop) and troop.kind != "casualties":  # its subject: the attacker
            # after a state right before the count (`le Niger 500`), before the borrowed noun
            steps.insert(2, lambda: self._clause_subject_owner(self.doc[number.end - 1]))
        for step in steps:
            owner = step()
            if owner.settled:
                return owner
        return _UNKNOWN

    @staticmethod
    def _subset(troop: _Troop) -> _Owner:
        """`12 000 soldats nord-coréens, dont 500 officiers`: the whole's country."""
        return _Owner(troop.referent.country, True) if troop.referent else _UNKNOWN

    def _apposed(self, number: Number) -> _Owner:
        """`ces troupes ougandaises, moins de 300 hommes`: the phrase it is set beside."""
        noun = self._apposition(number)
        return self._phrase_owner(noun, number) if noun is not None else _UNKNOWN

    def _peacekeeper(self, noun: Token) -> bool:
        return self.personnel.get(noun.i, (0, ""))[1] == "peacekeeper"

    def _phrase_owner(self, noun: Token, number: Number) -> _Owner:
        """Nationalities, `de` + country, forces and multinational bodies in the phrase,
        and in the military body it is counted in (`un bataillon rwandais de 850 hommes`).
        After a possessive (`ses 1 000 militaires du Niger`) `de` + country is a place."""
        tokens = list(self.tree.phrase(noun, self._noun_end(noun)))
        if number.start < noun.i:  # `Deux cents instructeurs de l'armée`: parsed under `cents`
            tokens += [t for n in self.doc[number.start : number.end]
                       if n.head.i not in range(number.start, number.end) and n.head.i != noun.i
                       for t in self.tree.phrase(n, n.i + 1)]
        head = noun
        while head.dep_ in ("nmod", "obl", "obl:arg", "obl:mod") and (
                fold(head.head.text) in self.lex.units or fold(head.head.text) in _STRONG):
            came_from, head = head, head.head
            if fold(head.text) in _STRONG and head.head.i != head.i:
                came_from, head = head, head.head
            tokens += [head, *(t for t in self.tree.phrase(head, head.i + 1)
                               if t.i != came_from.i and not came_from.is_ancestor(t))]
        return self._owner_in(tokens, by_name=not self._possessive(noun, number))

    def _possessive(self, noun: Token, number: Number) -> bool:
        """`ses 1 000 militaires`, `450 de ses soldats`."""
        first = min(number.start, noun.i)
        return any(t.lower_ in _POSSESSIVES for t in self.doc[max(0, first - 1) : noun.i])

    def _noun_end(self, noun: Token) -> int:
        return self.personnel.get(noun.i, (noun.i + 1, ""))[0]

    def _owner_in(self, tokens: list[Token], by_name: bool = True) -> _Owner:
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
            if self._region_of(m) or self._misattached(m):
                continue
            if m.kind == "demonym":
                nationalities.add(m.code)
            elif by_name and before in _OWNER_CASES and not self._origin(m):
                codes.add(m.code)
        # A nationality says whose the troops are; `de` + a state may be where they are
        # from: `retirer 4 500 militaires américains de Corée du Sud`.
        codes = (nationalities or codes) | self._forces(tokens)
        if len(codes) == 1:
            return _Owner(codes.pop(), True)
        if codes or self._multinational(self.tree.owning(tokens)):
            return _NOBODY
        return _UNKNOWN

    def _origin(self, m: CountryMention) -> bool:
        """`du Niger vers le Bénin`, `du Mali au Niger`: where troops move from, not whose."""
        doc, end = self.doc, m.end
        if end >= len(doc):
            return False
        word = fold(doc[end].text)
        if word in _TOWARDS:
            return True
        return word in _PLACE_CASES and end + 1 < len(doc) and (
            end + 1 in self.mentions or (end + 2 in self.mentions
                                         and fold(doc[end + 1].text) in _DETERMINERS))

    def _misattached(self, m: CountryMention) -> bool:
        """A nationality parsed onto a noun far before it, past another noun: `forte de
        70 000 hommes et équipée de drones turcs` (turcs is the drones')."""
        token = self.doc[m.start]
        head = token.head
        if m.kind != "demonym" or head.i >= token.i:
            return False
        first = self.personnel.get(head.i, (head.i + 1, ""))[0]
        return any(t.pos_ in ("NOUN", "PROPN") for t in self.doc[first : token.i])

    def _region_of(self, m: CountryMention) -> bool:
        """`le nord du Mali`, `l'est de la RDC`, `la frontière libyenne`: a place."""
        if m.kind == "demonym":
            return fold(self.doc[m.start].head.text) in _REGIONS
        i = m.start - 1
        while i > 0 and fold(self.doc[i].text) in _OWNER_CASES | _DETERMINERS:
            i -= 1
        return fold(self.doc[i].text) in _REGIONS

    def _forces(self, tokens: list[Token]) -> set[str]:
        """States of the PMCs and national forces named in the tokens (`Wagner` -> RUS)."""
        words = [fold(t.text) for t in sorted(tokens)]
        text = f" {' '.join(words)} "
        return {code for name, code in self.lex.forces.items() if f" {name} " in text}

    def _multinational(self, tokens: list[Token]) -> bool:
        """A multinational body (`mission`, `Minusma`, `force conjointe`, a bare `force`)."""
        words = [fold(t.text) for t in sorted(tokens)]
        text = f" {' '.join(words)} "
        return any(f" {name} " in text for name in self.lex.multinational) or any(
            w == "force" for w in words)

    def _before_verb(self, number: Number, clitics: bool = False) -> int:
        """The token before the verb group right before a count (`Ils étaient encore près
        de 1 000`): its subject when the parse has lost it. With `clitics`, past `en` and
        `ne ... plus que` too (not for a country, which `en déployant` would pass)."""
        words = _VERB_GROUP | _CLITICS if clitics else _VERB_GROUP
        i = self._qualifier_start(number) - 1
        while i >= 0 and number.start - i <= 6 and (
                self.doc[i].pos_ in ("VERB", "AUX") or self.doc[i].lower_ in words):
            i -= 1
        return i

    def _subject_before(self, number: Number) -> _Owner:
        """A country right before the count, or before the verb right before it, is its
        subject, written or elided: `..., le Niger 500`, `la Jamaïque deux douzaines de
        soldats`, `quand Taïwan compte environ 170 000 militaires` (parsed or not)."""
        gap = self._qualifier_start(number) - 1
        i = self._before_verb(number)
        m = self._mention(i)
        if m is None or (m.kind == "demonym" and not self.doc[m.start].text[0].isupper()):
            return _UNKNOWN
        before = fold(self.doc[m.start - 1].text) if m.start else ""
        if before in _DETERMINERS or before in {",", "et", "quand", "alors", "que"} or (
                m.start == 0 or self.sentence[m.start - 1] != self.sentence[m.start]):
            return self._owner_at(i, coordinated=i != gap)
        return _UNKNOWN

    def _predicate(self, number: Number) -> _Owner:
        """`1 200 sont tchadiens`: a nationality said of the number."""
        head = self.doc[number.end - 1].head
        m = self._mention(head.i)
        if m is not None and m.kind == "demonym" and any(
                c.dep_ == "cop" for c in self.tree.children(head)):
            return self._owner_at(head.i)
        return _UNKNOWN

    def _dont(self, number: Number) -> int | None:
        """The `dont` right before a count (`dont les 1 135 instructeurs`), if any."""
        i = self._qualifier_start(number) - 1
        while i >= 0 and fold(self.doc[i].text) in _DETERMINERS:
            i -= 1
        return i if i >= 0 and self.doc[i].lower_ == "dont" else None

    def _whose(self, noun: Token) -> bool:
        """`dont` + a count with a verb of its own is `whose` (`le Rwanda, dont 2 100
        casques bleus servent`); without one it is `including` (`12 000 soldats, dont 500
        officiers`). The verb is the parser's or the next one before punctuation."""
        verb = self.tree.governor(noun)
        if verb.i > noun.i and (verb.pos_ in ("VERB", "AUX") or self.tree.heads_clause(verb)):
            return True
        for t in self.doc[self._noun_end(noun) : self._noun_end(noun) + 4]:
            if t.is_punct:
                break
            if t.pos_ in ("VERB", "AUX"):
                return True
        return False

    def _relative_owner(self, noun: Token, number: Number) -> _Owner:
        """`le Rwanda, dont plus de 2 100 casques bleus servent ...`: the antecedent's."""
        i = self._dont(number)
        if i is None or not self._whose(noun):
            return _UNKNOWN
        antecedent = _before_punct(self.doc, i)
        return self._body_owner(antecedent) if antecedent is not None else _UNKNOWN

    def _subject_owner(self, noun: Token) -> _Owner:
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
                owner = self._body_owner(subject)
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
        return _UNKNOWN

    def _borrowed(self, troop: _Troop) -> bool:
        """A count that takes its personnel word from another clause (`en`, an earlier
        count): `Le Tchad a envoyé 1 000 soldats, le Niger en a envoyé 500`."""
        if troop.noun is None:
            return troop.referent is not None
        own = self.tree.governor(self.doc[troop.number.end - 1])
        return troop.noun.i < troop.number.start and self.tree.governor(troop.noun).i != own.i

    def _clause_subject_owner(self, token: Token) -> _Owner:
        """The state of the subject of the count's own clause, for a count that continues an
        earlier one: `l'Italie fournit 1 000 soldats, et la France, qui en déploie 700`."""
        verb = self.tree.governor(token)
        t = token
        while t.i != verb.i:  # the count must be the verb's object, not its subject
            if t.dep_ not in _OBJECT_PATH or t.head.i == t.i:
                return _UNKNOWN
            t = t.head
        for subject in self.tree.subjects(verb, near=token):
            if subject.i != token.i and not subject.is_ancestor(token) \
                    and not self.tree.counted(subject):
                owner = self._body_owner(subject)
                if owner.settled:
                    return owner
        return _UNKNOWN

    def _body_owner(self, token: Token) -> _Owner:
        """The state a subject or antecedent stands for: a country, a national army, a
        multinational body; through `qui` and `ils` to what they stand for."""
        if token.lower_ in _RELATIVES:
            verb = token.head
            antecedent = verb.head if verb.dep_ == "acl:relcl" else _before_punct(
                self.doc, token.i)
            return self._body_owner(antecedent) if antecedent is not None and (
                antecedent.lower_ not in _RELATIVES) else _UNKNOWN
        if token.lower_ in _PRONOUNS:
            previous = self._previous_subject(token)
            return self._body_owner(previous) if previous is not None else _UNKNOWN
        m = self._mention(token.i)
        if m is not None and (m.kind != "demonym" or token.text[0].isupper()):
            return self._owner_at(token.i)
        phrase = list(self.tree.phrase(token, token.i + 1))
        owner = self._owner_in(phrase)
        if owner.settled:
            return owner
        whose = self._dont_before(token)
        if whose is not None:  # `Pyongyang, dont l'armée compte 1,2 million d'hommes`
            return self._body_owner(whose)
        if any(t.lower_ in _POSSESSIVES and t.i < token.i for t in self.tree.children(token)):
            previous = self._previous_subject(token) or self._previous_topic(token)
            if previous is not None:  # `La Pologne ... Son armée dépasse 200 000 soldats`
                return self._body_owner(previous)
        if token.pos_ == "NOUN":
            topic = self._sentence_topic(token)
            if topic is not None:  # `Côté nigérian, l'armée a perdu 20 hommes`, `À Caracas,
                return _Owner(topic, True)  # le ministre a annoncé l'envoi de 15 000 soldats`
        return owner

    def _sentence_topic(self, token: Token) -> str | None:
        """The state a sentence opens with as its topic: `Côté nigérian, ...`, `Au Tchad,
        ...` (a place or side, then a comma)."""
        n, i = self.sentence[token.i], token.i
        while i > 0 and self.sentence[i - 1] == n:
            i -= 1
        for j in range(i, min(i + _TOPIC_REACH, token.i)):
            m = self._mention(j)
            if m is None or j != m.start:
                continue
            before = fold(self.doc[j - 1].text) if j > i else ""
            after = self.doc[m.end].text if m.end < len(self.doc) else ""
            if after == "," and (before == "cote" or before in _PLACE_CASES):
                return m.code
        return None

    def _dont_before(self, token: Token) -> Token | None:
        """The antecedent of a `dont` that opens the subject's phrase (`X, dont l'armée`)."""
        i = token.i - 1
        while i >= 0 and fold(self.doc[i].text) in _DETERMINERS:
            i -= 1
        if i < 0 or self.doc[i].lower_ != "dont":
            return None
        antecedent = _before_punct(self.doc, i)
        return antecedent if antecedent is not None and antecedent.i in self.mentions else None

    def _previous_topic(self, token: Token) -> Token | None:
        """A state named as the subject or the root of the sentence before (a parse that
        lost the verb: `La Pologne, qui ..., fait figure de bon élève`)."""
        n = self.sentence[token.i]
        start = next((i for i in range(token.i, -1, -1) if self.sentence[i] < n - 1), -1) + 1
        for i in range(start, token.i):
            if self.sentence[i] == n - 1 and i in self.mentions:
                t = self.doc[i]
                if t.dep_ in _SUBJECTS or t.dep_ == "ROOT":
                    return t
        return None

    def _previous_subject(self, pronoun: Token) -> Token | None:
        """The subject of the sentence before, which `ils` or `elles` stands for."""
        n = self.sentence[pronoun.i]
        for t in reversed(self.doc[max(pronoun.i - 3 * _NEAR, 0) : pronoun.i]):
            if self.sentence[t.i] < n - 1:
                break
            if self.sentence[t.i] == n - 1 and t.dep_ in _SUBJECTS and t.head.dep_ == "ROOT":
                return t
        return None

    def _context_country(self, token: Token) -> str | None:
        """The nearest country tied to a military word in the sentence or the two before,
        in the same paragraph (a new paragraph often turns to another state)."""
        n = self.sentence[token.i]
        paragraph = self._paragraph(token.i)
        for i in range(token.i - 1, max(token.i - 3 * _NEAR, 0) - 1, -1):
            if self.sentence[i] < n - 2 or self._paragraph(i) != paragraph:
                break
            m = self._mention(i)
            if m is not None and i == m.start and self._military_tie(m):
                return self._owner_at(i).code
        return None

    def _paragraph(self, i: int) -> int:
        """The number of the paragraph (blank-line separated) of token i."""
        return bisect_right(self.breaks, self.doc[i].idx)

    def _main_country(self) -> str | None:
        """The country most often tied to a military word, then most often named, when
        one leads (with no such tie, the most named one)."""
        ties = Counter(m.code for m in self.all_mentions if self._military_tie(m))
        named = Counter(m.code for m in self.all_mentions)
        ranked = sorted(ties or named, key=lambda code: (ties[code], named[code]), reverse=True)
        score = [(ties[code], named[code]) for code in ranked[:2]]
        if ranked and (len(ranked) == 1 or score[0] > score[1]):
            return ranked[0]
        return None

    def _military_tie(self, m: CountryMention) -> bool:
        """`armée américaine`, `soldats nigériens`, `l'Italie a déployé un contingent`."""
        token = self.doc[m.start]
        near = [token.head, *self.tree.children(token.head)] if m.kind == "demonym" else [
            token.head]
        if any(fold(t.text) in self.lex.context for t in near if t.i != token.i):
            return True
        if token.dep_ in _SUBJECTS:
            predicate = token.head.head if token.head.dep_ == "cop" else token.head
            return any(fold(t.text) in self.lex.context for t in self.tree.subtree(predicate)
                       if t.i != token.i)
        return False

    def _mention(self, i: int) -> CountryMention | None:
        return self.mentions[i][0] if i in self.mentions else None

    def _owner_at(self, i: int, coordinated: bool = True) -> _Owner:
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
        return _Owner(codes.pop(), True) if len(codes) == 1 else _NOBODY

    # -- where -------------------------------------------------------------------------
    def _location(self, troop: _Troop) -> str | None:
        """The country the personnel are in, when their phrase or clause says it
        (`stationnés au Niger`, `dans l'est de la RDC`, `ses soldats du Mali`)."""
        noun, number = troop.noun, troop.number
        token = noun if noun is not None and noun.i > number.start else self.doc[number.end - 1]
        verb = self.tree.governor(token)
        own = sorted(self.tree.phrase(token, token.i + 1, clauses=_PLACE_CLAUSES))
        obliques = self.tree.children(verb, "obl", "obl:arg", "obl:mod", "advmod", "xcomp")
        clause = sorted(t for c in obliques if abs(c.i - token.i) <= _NEAR
                        for t in self.tree.subtree(c)) if verb.i != token.i else []
        origin = self._possessive(token, number)
        for t in (*own, *clause):
            m = self._mention(t.i)
            if m is None or t.i != m.start or m.kind == "demonym" or m.code == troop.country:
                continue
            before = fold(self.doc[m.start - 1].text) if m.start else ""
            if before in _PLACE_CASES or self._region_of(m) or (origin and (
                    before in _OWNER_CASES)) or (
                    before in _DETERMINERS and m.start > 1
                    and fold(self.doc[m.start - 2].text) in _PLACE_CASES):
                return m.code
        return None


class _Tree:
    """A doc's dependency tree with each token's children listed once: spaCy's
    `Token.children` scans the token's whole span, which is quadratic on the flat parses
    of long runs of numbers or names."""

    def __init__(self, doc: Doc) -> None:
        self.kids: list[list[Token]] = [[] for _ in range(len(doc))]
        labels = [t.dep_ for t in doc_tokens(doc)]  # read once: `Token.dep_` decodes anew
        self.deps = ["aux" if d.startswith("aux") else d for d in labels]  # aux:* as `aux`
        self.predicates: set[int] = set()
        self.passives: set[int] = set()
        self.with_en: set[int] = set()
        clause_deps = ("cop", *_SUBJECTS)
        texts = token_texts(doc)
        # One pass over cached tokens and head indices: `Token.head` builds a new Token.
        for i, (t, head) in enumerate(zip(doc_tokens(doc), head_indices(doc), strict=True)):
            if head == i:
                continue
            self.kids[head].append(t)
            dep = self.deps[i]
            if dep in clause_deps:
                self.predicates.add(head)
            elif labels[i] == "aux:pass":
                self.passives.add(head)
            if texts[i].lower() == "en":
                self.with_en.add(head)
        self.roots: list[Token] = []  # Token.sent scans: read them once
        self.sent_of = [0] * len(doc)
        for n, sent in enumerate(doc.sents):
            self.roots.append(sent.root)
            self.sent_of[sent.start : sent.end] = [n] * len(sent)

    def previous_root(self, token: Token) -> Token | None:
        """The root of the parser's sentence before the token's."""
        n = self.sent_of[token.i]
        return self.roots[n - 1] if n else None

    def subtree(self, token: Token) -> list[Token]:
        """A token and its descendants, in no set order (`Token.subtree` scans and sorts)."""
        found, stack = [], [token]
        while stack:
            t = stack.pop()
            found.append(t)
            stack.extend(self.kids[t.i])
        return found

    def children(self, token: Token, *deps: str) -> list[Token]:
        """A token's children, or those with one of `deps` (`aux` for every aux:*)."""
        if not deps:
            return self.kids[token.i]
        return [c for dep in deps for c in self.kids[token.i] if self.deps[c.i] == dep]

    def heads_clause(self, token: Token) -> bool:
        """A word heading a clause of its own (with a copula or a subject)."""
        return token.i in self.predicates

    def governor(self, token: Token) -> Token:
        """The predicate of a token's clause: its verb, or a copular noun or adjective. A
        clause is a few heads deep; degenerate parses (long runs of numbers) are cut short."""
        t = token
        for _ in range(_CLAUSE_DEPTH):
            if self.heads_clause(t) or (t.i != token.i and t.pos_ in ("VERB", "AUX")):
                return t
            if t.head.i == t.i:
                return t
            t = t.head
        return t

    def subjects(self, verb: Token, near: Token | None = None) -> list[Token]:
        """A predicate's subjects, also when the parser hung them on its auxiliary; only
        those `near` a token if given (a flat parse may give a verb thousands)."""
        heads = [verb, *self.children(verb, "aux")]
        found = [c for t in heads for c in self.children(t, *_SUBJECTS)]
        if near is None:
            return found
        found.sort(key=lambda t: t.i)
        lo = bisect_left(found, near.i - _NEAR, key=lambda t: t.i)
        hi = bisect_right(found, near.i + _NEAR, key=lambda t: t.i)
        return found[lo:hi]

    def counted(self, token: Token) -> bool:
        """A noun with its own number: `10 soldats`, `une dizaine`."""
        return token.like_num or any(c.like_num or c.dep_ == "nummod"
                                     for c in self.kids[token.i]) or (
            fold(token.text).rstrip("s") in approx_nouns())

    def phrase(self, head: Token, end: int, clauses: tuple[str, ...] = _CLAUSES
               ) -> Iterable[Token]:
        """A noun's phrase: its words up to `end` and their dependents, not their clauses
        (`1 200 sont tchadiens` parsed under `soldats`) nor other phrases with their own
        number (`3 soldats et une dizaine de jihadistes`)."""
        words = list(head.doc[head.i : end]) or [head]
        yield from words
        inside = {t.i for t in words}
        stack = [c for t in words for c in self.kids[t.i] if c.i not in inside]
        while stack:
            t = stack.pop()
            if t.dep_ in clauses or self.heads_clause(t):
                continue
            if self.counted(t) or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")):
                continue
            yield t
            stack.extend(self.kids[t.i])

    def owning(self, tokens: list[Token]) -> list[Token]:
        """The tokens of a phrase that are not inside a place complement (`à la Minusca`)."""
        ids = {t.i for t in tokens}

        def placed(t: Token) -> bool:
            while t.head.i in ids and t.head.i != t.i:
                if any(c.dep_ == "case" and fold(c.text) in _PLACE_CASES
                       for c in self.kids[t.i]):
                    return True
                t = t.head
            return False

        return [t for t in tokens if not placed(t)]


def _before_punct(doc: Doc, i: int) -> Token | None:
    """The word before token i, past punctuation: the antecedent of `dont`, `qui`."""
    j = i - 1
    while j >= 0 and doc[j].is_punct:
        j -= 1
    return doc[j] if j >= 0 else None


def _year(doc: Doc, number: Number) -> bool:
    """A bare four-digit number from 1800 to 2100 standing alone is a year."""
    text = doc[number.start : number.end].text
    return text.isdigit() and len(text) == 4 and 1800 <= number.value <= 2100


def _sentence_index(doc: Doc) -> list[int]:
    """Sentence number of each token; spaCy's sentences are joined until one ends with
    terminal punctuation or a line break, as dashes and quotes often split them."""
    texts = token_texts(doc)
    index = [0] * len(doc)
    n = 0
    for sent in doc.sents:
        start, end = sent.start, sent.end
        index[start:end] = [n] * (end - start)
        words = [x for x in texts[start:end] if not x.isspace()]  # as `Token.is_space`
        last = words[-1] if words else ""
        closed = words[-2] if len(words) > 1 and last in "»\")" else last
        if closed in _TERMINAL or "\n" in texts[end - 1] + doc[end - 1].whitespace_:
            n += 1
    return index
