"""Troop counts: one document's shared lookups, read once, that every decision uses."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..countries import CountryMention
from ..models import TroopKind
from ..numbers import Number, find_numbers
from ..paragraphs import BLANK_LINE
from ..text import doc_text, doc_tokens, fold, token_texts
from .lexicon import (
    CLITICS,
    DETERMINERS,
    MILITARY_TEXT,
    NEAR,
    OWNER_CASES,
    POSSESSIVES,
    REGIONS,
    VERB_GROUP,
    Lexicon,
    is_troop_count,
)
from .records import Troop
from .tree import Tree, sentence_index


class Document:
    """One document's lookups: mentions, personnel words, sentences, the tree."""

    def __init__(self, lex: Lexicon, matcher: PhraseMatcher, doc: Doc,
                 mentions: list[CountryMention], body_start: int,
                 excluded: list[tuple[int, int]]) -> None:
        self.lex = lex
        self.doc = doc
        self.text = doc_text(doc)
        self.mentions: dict[int, list[CountryMention]] = {}
        for m in mentions:  # a compound (`franco-allemande`) names two states in one token
            for i in range(m.start, m.end):
                self.mentions.setdefault(i, []).append(m)
        self.all_mentions = mentions
        self.personnel = {s.start: (s.end, s.label_) for s in filter_spans(
            [Span(doc, start, end, label=key) for key, start, end in matcher(doc)])}
        self.sentence = sentence_index(doc)
        self.military = Counter(self.sentence[i] for i, x in enumerate(token_texts(doc))
                                if fold(x) in self.lex.context)
        self.military_text = sum(self.military.values()) >= MILITARY_TEXT
        dated = {i for s, e in excluded for i in range(s, e)}
        tokens = doc_tokens(doc)
        self.numbers = [n for n in find_numbers(doc, body_start)
                        if tokens[n.start].idx not in dated and is_troop_count(n.value)]
        self.tree = Tree(doc)
        self.breaks = [m.end() for m in BLANK_LINE.finditer(self.text)]
        self.troops: list[Troop] = []

    @staticmethod
    def kind_of(troop: Troop) -> TroopKind:
        """A count's kind, or that of the count it continues (`tués : 8 de la SADC`)."""
        while troop.kind is None and troop.referent is not None:
            troop = troop.referent
        return troop.kind or "strength"

    def people(self, i: int) -> bool:
        """A nationality's people as a noun: `Marocains`, `Américains`."""
        m = self.mention(i)
        return m is not None and m.kind == "demonym" and i == m.start and (
            self.doc[i].text[0].isupper())

    def qualifier_start(self, number: Number) -> int:
        """First token of the qualifier before a number (the number's own start if none)."""
        i = number.start
        while i > 0 and fold(self.doc[i - 1].text) in self.lex.qualifier_words:
            i -= 1
        return i

    def valid(self, noun: Token, end: int) -> bool:
        """A personnel word that counts: not an armed group's, not civilians, and `hommes`
        or `éléments` only in a military text or of a named force (`hommes de Wagner`)."""
        sense = self.personnel.get(noun.i, (0, "military"))[1]
        if sense == "context" and not (self.military_text or self.military_near(noun)
                                       or self.forces(list(self.tree.phrase(noun, end)))):
            return False
        return not self.not_troops(noun, end)

    def military_near(self, token: Token) -> bool:
        """A military word in the token's sentence or the one before."""
        n = self.sentence[token.i]
        return bool(self.military[n] or self.military[n - 1])

    def not_troops(self, noun: Token, end: int) -> bool:
        """`150 hommes du JNIM`, `hommes armés`, `hommes et femmes` (see not_troops.txt)."""
        words = [t.lower_.replace("’", "'") for t in sorted(self.tree.phrase(noun, end))]
        text = f" {' '.join(words)} "
        return any(f" {w} " in text for w in self.lex.not_troops)

    def earlier(self, number: Number, sentences: int = 1) -> Troop | None:
        """The last count before this number, in its sentence (or the `sentences` last)."""
        last = self.troops[-1] if self.troops else None
        if last is not None and self.sentence[last.number.start] > (
                self.sentence[number.start] - sentences):
            return last
        return None

    def personnel_before(self, i: int, sentences: int, near: int | None = None,
                          demonyms: bool = False) -> Token | None:
        """The nearest valid personnel word (or demonym noun) before token i."""
        n = self.sentence[i]
        first = i - (3 * NEAR if near is None else near)
        for j in range(i - 1, max(first, 0) - 1, -1):
            if self.sentence[j] <= n - sentences:
                break
            if j in self.personnel and self.valid(self.doc[j], self.personnel[j][0]):
                return self.doc[j]
            m = self.mention(j)
            if demonyms and m and m.kind == "demonym" and self.doc[j].text[0].isupper():
                return self.doc[j]
            if near is not None and self.doc[j].pos_ in ("VERB", "AUX"):
                break
        return None

    def casualty(self, tokens: Iterable[Token]) -> bool:
        return any(fold(t.text) in self.lex.casualty for t in tokens)

    def peacekeeper(self, noun: Token) -> bool:
        return self.personnel.get(noun.i, (0, ""))[1] == "peacekeeper"

    def possessive(self, noun: Token, number: Number) -> bool:
        """`ses 1 000 militaires`, `450 de ses soldats`."""
        first = min(number.start, noun.i)
        return any(t.lower_ in POSSESSIVES for t in self.doc[max(0, first - 1) : noun.i])

    def noun_end(self, noun: Token) -> int:
        return self.personnel.get(noun.i, (noun.i + 1, ""))[0]

    def region_of(self, m: CountryMention) -> bool:
        """`le nord du Mali`, `l'est de la RDC`, `la frontière libyenne`: a place."""
        if m.kind == "demonym":
            return fold(self.doc[m.start].head.text) in REGIONS
        i = m.start - 1
        while i > 0 and fold(self.doc[i].text) in OWNER_CASES | DETERMINERS:
            i -= 1
        return fold(self.doc[i].text) in REGIONS

    def forces(self, tokens: list[Token]) -> dict[str, tuple[int, int]]:
        """States of the PMCs and national forces named in the tokens (`Wagner` -> RUS),
        each with the characters of the name."""
        found: dict[str, tuple[int, int]] = {}
        for name, chars in _named(tokens, self.lex.forces):
            found.setdefault(self.lex.forces[name], chars)
        return found

    def multinational(self, tokens: list[Token]) -> tuple[int, int] | None:
        """The characters of a multinational body named in the tokens (`mission`,
        `Minusma`, `force conjointe`, a bare `force`), if any."""
        names = [*self.lex.multinational, "force"]
        return next((chars for _, chars in _named(tokens, names)), None)

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """The doc characters of tokens start..end."""
        last = self.doc[end - 1]
        return self.doc[start].idx, last.idx + len(last.text)

    def mention_chars(self, m: CountryMention) -> tuple[int, int]:
        return m.char_range(self.doc)

    def before_verb(self, number: Number, clitics: bool = False) -> int:
        """The token before the verb group right before a count (`Ils étaient encore près
        de 1 000`): its subject when the parse has lost it. With `clitics`, past `en` and
        `ne ... plus que` too (not for a country, which `en déployant` would pass)."""
        words = VERB_GROUP | CLITICS if clitics else VERB_GROUP
        i = self.qualifier_start(number) - 1
        while i >= 0 and number.start - i <= 6 and (
                self.doc[i].pos_ in ("VERB", "AUX") or self.doc[i].lower_ in words):
            i -= 1
        return i

    def dont(self, number: Number) -> int | None:
        """The `dont` right before a count (`dont les 1 135 instructeurs`), if any."""
        i = self.qualifier_start(number) - 1
        while i >= 0 and fold(self.doc[i].text) in DETERMINERS:
            i -= 1
        return i if i >= 0 and self.doc[i].lower_ == "dont" else None

    def whose(self, noun: Token) -> bool:
        """`dont` + a count with a verb of its own is `whose` (`le Rwanda, dont 2 100
        casques bleus servent`); without one it is `including` (`12 000 soldats, dont 500
        officiers`). The verb is the parser's or the next one before punctuation."""
        verb = self.tree.governor(noun)
        if verb.i > noun.i and (verb.pos_ in ("VERB", "AUX") or self.tree.heads_clause(verb)):
            return True
        for t in self.doc[self.noun_end(noun) : self.noun_end(noun) + 4]:
            if t.is_punct:
                break
            if t.pos_ in ("VERB", "AUX"):
                return True
        return False

    def paragraph(self, i: int) -> int:
        """The number of the paragraph (blank-line separated) of token i."""
        return bisect_right(self.breaks, self.doc[i].idx)

    def mention(self, i: int) -> CountryMention | None:
        return self.mentions[i][0] if i in self.mentions else None


class Part:
    """One decision over a document: it reads the document's shared lookups."""

    def __init__(self, d: Document) -> None:
        self.d = d
        self.doc, self.lex, self.text, self.tree = d.doc, d.lex, d.text, d.tree
        self.mentions, self.all_mentions, self.personnel = d.mentions, d.all_mentions, d.personnel
        self.sentence, self.military, self.breaks = d.sentence, d.military, d.breaks
        self.numbers, self.troops, self.military_text = d.numbers, d.troops, d.military_text


def _named(tokens: list[Token], names: Iterable[str]) -> Iterable[tuple[str, tuple[int, int]]]:
    """The names (folded, words joined by spaces) said by consecutive tokens, in text order,
    with their characters."""
    ordered = sorted(tokens, key=lambda t: t.i)
    words = [fold(t.text) for t in ordered]
    wanted = [(name, name.split()) for name in names]
    for k in range(len(words)):
        for name, parts in wanted:
            if words[k : k + len(parts)] == parts:
                last = ordered[k + len(parts) - 1]
                yield name, (ordered[k].idx, last.idx + len(last.text))
