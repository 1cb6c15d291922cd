"""Leaders: named people with a political, governmental, military or organizational role.

People start from spaCy's PER entities, repaired where the statistical model slips on news:
titles and courtesy words are cut off (`le général Tiani` -> `Tiani`), names are completed
(`Ibro Amadou` -> `Ibro Amadou Bacharou`), names right after a title or before an appositive
title are taken even when the model calls them places (`Alpha Condé`), and proper names that
name a thing are dropped (`le groupe Wagner`, `la force Barkhane`, `chef de Wagner`).

A title is an entry of `data/titles.tsv` with its noun phrase: adjectives, nationality and
complement (`ministre nigérien de la Défense`). A person's titles are the phrases before the
name, linked directly or by appositive commas (`le chef de la junte, le capitaine Ibrahim
Traoré`), those after it (`Mahamat Idriss Déby, président de la transition`) and, in a
coordination, those of the first name (`les anciens présidents X et Y`). Spokespersons and
other non-leading roles win over a bare rank; a leading role wins over them.

A relative clause gives a role too (`X, qui a dirigé le Niger`). The role is past with
`ancien`, `ex-`, `feu`, `déchu`, a predecessor, `sous l'ère du colonel X`, or when the person
is the object of an ousting verb (`a renversé le président X`).

The country is the role's: the state force led (`data/pmcs.tsv`), none for an international
body or an armed group, else a nationality or state in the title's phrase or in the body led
(`les FSR du général X`, `l'armée soudanaise, dirigée par ...`); failing those, the leader a
possessive refers to (`son ministre`), the person's nationality, the place the sentence is set
in (`Au Mali, le général ...`) or its first state, a previous sentence that names one state
only, a relative's state, and last the state the article is most about.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .countries import CountryMention, CountryResolver
from .models import LeaderFact, Mention
from .text import data_lines, doc_text, doc_tokens, fold, token_texts, word_set

_DE = {"de", "d'", "du", "des"}
_PREPOSITIONS = _DE | {"pour", "a", "au", "aux", "en", "par", "dans", "sur"}
_DETERMINERS = {"le", "la", "les", "l'", "un", "une", "son", "sa", "ses", "leur", "leurs",
                "notre", "nos", "ce", "cet", "cette"}
_LOCATIVE = {"a", "au", "aux", "en", "pour"}
_POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}
_NOT_NAME_POS = {"ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "ADV", "VERB", "NUM"}
_CLOSES_APPOSITION = {",", ".", ";", ":", ")", "(", "et", "ou", "»", "!", "?"}
_LEADING = {"leader", "rank"}
_PEERS = {"predecessor", "successor", "counterpart"}
_NOT_LEADER = {"other", "spokesperson"}
_INVARIABLE = {"vice", "ex", "porte", "contre", "demi", "beau"}
_ROMAN = re.compile(r"^[IVX]+$")
_SENTENCES_TO_SPOKESPERSON = 2
_SUCCESSION_REACH = 6  # tokens from a succession word to the name: `succédé en octobre 2024 à`
_SENTENCE_ENDS = {".", "!", "?", "…"}
_FIRST_MENTION = 2.5  # weight of the article's first state, as against one more mention
_OPENERS = {"«", "“", '"', "(", "–", "—", ":", "-"}


@dataclass
class _Title:
    """A title word with its noun phrase (adjectives, nationality, complement)."""

    start: int
    head_end: int
    role: str
    entry: str  # singular lexicon entry
    plural: bool
    ex: bool  # written `ex-président`
    end: int = 0  # end of the noun phrase
    inner: int = 0  # start of a title inside the complement (`avocat du président`), or end
    complement: bool = False
    former: bool = False
    verbal: bool = False  # a role given by a verb: `qui dirige le Mali`


@dataclass
class _Person:
    start: int
    end: int
    left: list[_Title] = field(default_factory=list)
    right: list[_Title] = field(default_factory=list)
    nationality: str | None = None
    former: bool = False
    status: str | None = None  # leader | rank | non | None (no title)
    title: str | None = None
    country: str | None = None
    strength: int = -1  # how the country was found: 3 role, 2 nationality, 1 setting, 0 article
    place: CountryMention | None = None  # the mention that set the country at strength 1
    kin: bool = False  # named as a relative: `Son fils, Saddam Haftar`
    index: int = 0  # place in a list of names after a plural title

    @property
    def chain(self) -> list[_Title]:
        return self.left + self.right

    @property
    def first(self) -> int:
        """First token of the person's phrase, titles included."""
        return min([self.start] + [t.start for t in self.left])


@dataclass
class _Group:
    people: list[_Person]
    words: frozenset[str]
    last: str  # last word of the fullest name


@lru_cache(maxsize=1)
def _state_forces() -> dict[str, str]:
    """Folded name of a PMC or state force -> alpha-3 of its state."""
    rows = (line.split("\t") for line in data_lines("pmcs.tsv"))
    return {fold(row[0]): row[1] for row in rows}


def _plural(title: str) -> str:
    """`président` -> `présidents`, `secrétaire général` -> `secrétaires généraux`."""
    words = title.split(" ")
    out = []
    for i, word in enumerate(words):
        if word in ("de", "du", "des", "en", "à") or word.startswith("d'"):
            out += words[i:]
            break
        out.append("-".join(p if p in _INVARIABLE else _plural_word(p) for p in word.split("-")))
    return " ".join(out)


def _plural_word(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + ("x" if word.endswith("eau") else "s")


def _words(text: str) -> frozenset[str]:
    """Name words for matching mentions: folded, hyphens and apostrophes as spaces."""
    return frozenset(re.sub(r"[-'.]", " ", fold(text)).split())


def _last(name: str) -> str:
    return re.sub(r"[-'.]", " ", fold(name)).split()[-1]


def _contains(text: str, phrases: frozenset[str]) -> bool:
    return bool(phrases) and _phrase_pattern(phrases).search(text) is not None


@lru_cache(maxsize=256)
def _phrase_pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, in one compiled pattern (longest first)."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


class _Verbs:
    """Verbs listed by infinitive, found in any form without a lemmatizer (the pipeline runs
    none): by stem (`renverser` -> `renversé`, `renversait`), or as listed (`dit`)."""

    def __init__(self, name: str) -> None:
        words = [fold(w) for w in data_lines(name)]
        self.forms = frozenset(words)
        self.stems = tuple(w[:-2] for w in words if w.endswith(("er", "ir", "re")) and len(w) > 5)

    def __contains__(self, token: Token) -> bool:
        word = fold(token.text)
        return token.pos_ in ("VERB", "AUX", "ADJ") and (word in self.forms
                                                        or word.startswith(self.stems))


class _Doc:
    """What the rules need to know about one doc: countries, titles, sentences, paragraphs."""

    def __init__(self, doc: Doc, mentions: list[CountryMention], body_start: int) -> None:
        self.doc = doc
        self.tokens = tokens = doc_tokens(doc)  # `doc[i]` would build a new Token each time
        self.body_start = body_start
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.country_at = {i: m for m in mentions for i in range(m.start, m.end)}
        self.texts = texts = token_texts(doc)
        ends = {i + 1 for i, x in enumerate(texts) if x in _SENTENCE_ENDS
                or ("\n" in x and i and texts[i - 1] != ",")}  # a signature line
        self.sentence_starts = [0, *sorted(i for i in ends if i < len(tokens))]
        self.breaks = [m.start() for m in re.finditer("\n", doc_text(doc))]
        self.titles: list[_Title] = []
        self.title_from: dict[int, _Title] = {}
        self.title_tokens: set[int] = set()

    def opens_sentence(self, i: int) -> bool:
        """Whether token i opens a sentence, a quotation or a line: any word is capitalized."""
        return i == self.sentence_starts[self.sentence_index(i)] or not i \
            or self.texts[i - 1] in _OPENERS or self.tokens[i - 1].is_space

    def sentence_index(self, i: int) -> int:
        return bisect_right(self.sentence_starts, i) - 1

    def sentence(self, i: int) -> tuple[int, int]:
        """Token bounds of the sentence of token i (spaCy's parser splits `Mohammed VI`)."""
        k = self.sentence_index(i)
        end = self.sentence_starts[k + 1] if k + 1 < len(self.sentence_starts) else len(self.doc)
        return self.sentence_starts[k], end

    def paragraph(self, i: int) -> int:
        return bisect_right(self.breaks, self.tokens[i].idx)


class LeaderExtractor:
    """Find leaders in a `Doc`, given its country mentions."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # `secrétaire américain à la Défense`: a nationality inside a title whose first
        # word is no title alone; first word -> (the other words, label)
        self.split_titles: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        entries = [line.split("\t") for line in data_lines("titles.tsv")]
        single = {title for title, _ in entries if " " not in title}
        for title, role in entries:
            for form in {title, _plural(title)}:
                phrases = {form, form.replace("'", "’"), fold(form)}
                phrases |= {f"ex-{p}" for p in phrases}
                label = f"{title}|{role}|{int(form != title)}"
                self.matcher.add(label, list(nlp.tokenizer.pipe(sorted(phrases))))
                words = [fold(t.text) for t in nlp.tokenizer(form)]
                if len(words) > 1 and words[0] not in single:
                    self.split_titles.setdefault(words[0], []).append((tuple(words[1:]), label))
        self.former = word_set("former_markers.txt")
        self.former_verbs = _Verbs("leader_former_verbs.txt")
        self.speech_verbs = _Verbs("leader_speech_verbs.txt")
        self.international = word_set("international_orgs.txt")
        self.generic_bodies = word_set("leader_generic_bodies.txt")
        self.armed = word_set("leader_armed_groups.txt")
        self.naming = word_set("leader_naming_nouns.txt")
        self.state_nouns = word_set("leader_state_nouns.txt")
        self.state_titles = {fold(title): code for title, code in (
            line.split("\t") for line in data_lines("leader_state_titles.tsv"))}
        self.particles = word_set("leader_name_particles.txt")
        self.courtesy = word_set("leader_courtesy.txt")
        self.lead_verbs = _Verbs("leader_lead_verbs.txt")
        self.appointment_verbs = _Verbs("leader_appointment_verbs.txt")
        self.succession = word_set("leader_succession_cues.txt")
        self.countries = CountryResolver(nlp)

    def __call__(self, doc: Doc, mentions: list[CountryMention],
                 body_start: int = 0) -> list[LeaderFact]:
        ctx = _Doc(doc, mentions, body_start)
        self._find_titles(ctx)
        people = [self._person(ctx, s, e) for s, e in self._candidates(ctx)]
        self._coordinate(ctx, people)
        consumed = self._consumed(ctx, people)
        for person in people:
            self._describe(ctx, person, people, consumed)
        self._untitled_leaders(ctx, people, consumed)
        places = {i for p in people if p.place is not None and p.status in ("leader", "rank")
                  for i in range(p.place.start, p.place.end)}
        focus = self._focus(ctx, consumed | places)
        for person in people:
            if person.strength == 0:
                person.country = focus
        return self._merge(ctx, people)

    # -- titles --------------------------------------------------------------------------
    def _find_titles(self, ctx: _Doc) -> None:
        doc, tokens = ctx.doc, ctx.tokens
        found = [(doc.vocab.strings[key], s, e) for key, s, e in self.matcher(doc)]
        found += self._split_titles(ctx)
        spans = [Span(doc, s, e, label=label) for label, s, e in found
                 if tokens[s].idx >= ctx.body_start and not _glued(tokens, s, e)]
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            before = tokens[span.start - 1] if span.start else None
            if before is not None and before.pos_ == "NOUN" and before.is_lower:
                continue  # `quartier général`, `directeur général`: an adjective here
            entry, role, plural = span.label_.split("|")
            ctx.titles.append(_Title(span.start, span.end, role, entry, plural == "1",
                                     fold(span[0].text).startswith("ex-")))
        ctx.title_from = {t.start: t for t in ctx.titles}
        ctx.title_tokens = {i for t in ctx.titles for i in range(t.start, t.head_end)}
        for title in reversed(ctx.titles):
            self._extend(ctx, title)

    def _split_titles(self, ctx: _Doc) -> list[tuple[str, int, int]]:
        """(label, start, end) of titles with a nationality inside: `secrétaire américain à
        la Défense` (a `PhraseMatcher` cannot skip the adjective)."""
        texts, found = ctx.texts, []
        for i, x in enumerate(texts):
            entries = self.split_titles.get(fold(x))
            mention = ctx.country_at.get(i + 1)
            if entries is None or mention is None or mention.kind != "demonym":
                continue
            for rest, label in entries:
                end = i + 2 + len(rest)
                if tuple(fold(w) for w in texts[i + 2 : end]) == rest:
                    found.append((label, i, end))
        return found

    def _extend(self, ctx: _Doc, title: _Title) -> None:
        """Find where the title's noun phrase ends and whether it makes the role past."""
        doc, tokens = ctx.doc, ctx.tokens
        i = title.head_end
        title.inner = -1
        while i < len(tokens):
            mention = ctx.country_at.get(i)
            if mention is not None and mention.kind == "demonym" and mention.start == i:
                i = mention.end
                continue
            token = tokens[i]
            after = ctx.country_at.get(i + 1)
            if token.lower_ == "et" and after is not None and after.kind == "demonym":
                i = after.end  # `les présidents malien et burkinabè`
                continue
            if token.is_lower and _adjective(token) and i not in ctx.title_from:
                title.former |= title.inner < 0 and fold(token.text) in self.former
                i += 1
                continue
            j = self._complement(ctx, i, title)
            if j == i:
                break
            title.complement = True
            i = j
        title.end = i
        title.inner = i if title.inner < 0 else title.inner
        prefix = doc[self._prefix_start(ctx, title.start) : title.start]
        title.former |= title.ex or any(fold(t.text) in self.former for t in prefix)

    def _complement(self, ctx: _Doc, i: int, title: _Title) -> int:
        """End of one complement (`de la Défense`, `du groupe Wagner`), or i when none."""
        doc, tokens = ctx.doc, ctx.tokens
        n = len(tokens)
        k = i
        if tokens[k].text == "," and k + 1 < n and fold(tokens[k + 1].text) in _DE:
            k += 1  # `ministre des Affaires étrangères, de la Francophonie et ...`
        elif fold(tokens[k].text) == "et" and k + 1 < n \
                and fold(tokens[k + 1].text) in _PREPOSITIONS:
            k += 1
        word = fold(tokens[k].text)
        if word not in _PREPOSITIONS or (word not in _DE and tokens[k].pos_ != "ADP"):
            return i
        if word == "par" and k + 1 < n and fold(tokens[k + 1].text) in _DETERMINERS:
            return i  # `par intérim`, not `nommé Premier ministre par le CNSP`
        k += 1
        while k < n and fold(tokens[k].text) in _DETERMINERS:
            k += 1
        if k >= n:
            return i
        if k in ctx.title_from:
            if title.inner < 0:
                title.inner = k
            return ctx.title_from[k].end
        mention = ctx.country_at.get(k)
        if mention is not None and mention.start == k:
            return mention.end
        end = self._name_end(ctx, k, acronyms=True)
        entity = tokens[k].ent_type_ not in ("", "PER") and tokens[k].ent_iob_ == "B"
        if end > k and entity:
            entity_end = next((j for j in range(k + 1, len(tokens)) if tokens[j].ent_iob_ != "I"),
                              len(tokens))
            if any(t.is_lower and t.is_alpha for t in doc[end:entity_end]) or (
                    fold(ctx.texts[k]) in self.naming and entity_end <= end):
                return entity_end  # `de l'Alliance fleuve Congo`, `des Nations unies pour ...`
        if end > k:
            person = next((j for j in range(k + 1, end) if tokens[j].ent_iob_ == "B"
                           and tokens[j].ent_type_ == "PER"), None)
            if person is not None:
                return person  # `secrétaire général de l'ONU António Guterres`
            return k + 1 if end - k >= 3 else end  # `ministre de la Défense Kalla Moutari`
        token = tokens[k]
        number = token.like_num and word in _DE | {"en"}  # `renversé en 2021`
        if not (number or (token.is_lower and token.pos_ in ("NOUN", "PROPN", "ADJ"))):
            return i
        k += 1
        if fold(token.text) in self.naming:
            k = self._named_thing_end(ctx, k)
        return k

    def _named_thing_end(self, ctx: _Doc, k: int) -> int:
        """After a naming noun, the adjectives and the proper name: `force française Barkhane`."""
        tokens = ctx.tokens
        j = k
        while j < len(tokens) and (
                tokens[j].like_num or (tokens[j].is_lower and tokens[j].pos_ == "ADJ")
                or (j in ctx.country_at and ctx.country_at[j].kind == "demonym")):
            j += 1
        end = self._name_end(ctx, j, acronyms=True)
        return end if end > j else k

    def _prefix_start(self, ctx: _Doc, i: int) -> int:
        """Start of the determiner and adjectives before a title: `l'ancien`, `Feu le`."""
        tokens = ctx.tokens
        j = i
        while j > 0 and i - j < 4 and tokens[j - 1].idx >= ctx.body_start:
            token = tokens[j - 1]
            word = fold(token.text)
            if word in _DETERMINERS or word in self.former or token.is_space \
                    or (token.is_lower and token.pos_ == "ADJ"):
                j -= 1
            else:
                break
        return j

    # -- names ---------------------------------------------------------------------------
    def _word_end(self, ctx: _Doc, i: int, acronyms: bool) -> int:
        """End of the name word at i (`Paul-Henri`, `al-Sahraoui`, `VI`), or i when none."""
        tokens = ctx.tokens
        if i >= len(tokens) or i in ctx.title_tokens or i in ctx.country_at:
            return i
        end = _glued_end(tokens, i)
        parts = [ctx.texts[k] for k in range(i, end, 2)]
        first = parts[0]
        if not all(p.replace("-", "").isalpha() for p in parts) \
                or fold(first) in self.courtesy:
            return i
        if _ROMAN.match(first) and i > 0 and ctx.texts[i - 1][:1].isupper():
            return end  # `Mohammed VI`
        if ctx.opens_sentence(i) and tokens[i].ent_type_ != "PER" \
                and (tokens[i].is_stop or tokens[i].pos_ in _NOT_NAME_POS):
            return i  # `Selon`, `Depuis`, `Reste`
        if first[0].isupper():
            if first.isupper() and len(first) > 1 and not acronyms:
                return i
            return end
        if fold(first) in self.particles and len(parts) > 1 and parts[1][0].isupper():
            return end
        return i

    def _name_end(self, ctx: _Doc, i: int, acronyms: bool = False) -> int:
        """End of the run of name words from token i (`Tamim ben Hamad Al Thani`), or i."""
        tokens = ctx.tokens
        j = end = i
        while j < len(tokens):
            w = self._word_end(ctx, j, acronyms or end > i)
            if w > j:
                j = end = w
            else:
                k = j
                while k < len(tokens) and fold(tokens[k].text) in self.particles:
                    k += 1  # `von der`
                if end == i or k == j or self._word_end(ctx, k, True) == k:
                    break
                j = k
        return end

    def _candidates(self, ctx: _Doc) -> list[tuple[int, int]]:
        """Token spans of person names: PER entities repaired, and names next to titles."""
        doc, tokens = ctx.doc, ctx.tokens
        spans: list[tuple[int, int]] = []
        for ent in doc.ents:
            if ent.label_ != "PER" or ent.start_char < ctx.body_start:
                continue
            s = next((i for i in range(ent.start, ent.end)
                      if self._word_end(ctx, i, False) > i), None)
            if s is not None:
                spans.append((s, self._name_end(ctx, s)))
        for title in ctx.titles:
            spans += self._names_after(ctx, title)
            comma = self._prefix_start(ctx, title.start) - 1
            closed = title.end >= len(tokens) or fold(tokens[title.end].text) in _CLOSES_APPOSITION
            if comma > 0 and tokens[comma].text == "," and closed \
                    and not self._named(ctx, title.end):
                start = comma
                while start > 0 and self._word_end(ctx, start - 1, True) == start:
                    start -= 1
                name = doc[start:comma]
                governed = start > 0 and fold(tokens[start - 1].text) in _PREPOSITIONS
                if not governed and (len(name) > 1 or any(t.ent_type_ in ("PER", "LOC", "MISC")
                                                          for t in name)):
                    spans.append((start, comma))  # `Alpha Condé, le président guinéen, ...`
        kept = []
        taken: set[int] = set()
        for s, e in sorted(set(spans), key=lambda se: (se[0], -se[1])):
            states = any(i in ctx.country_at and ctx.country_at[i].kind != "demonym"
                         for i in range(s, e))  # `l'Alliance Fleuve Congo`: not a person
            if e > s and not states and not taken.intersection(range(s, e)) \
                    and not self._names_thing(ctx, s):
                kept.append((s, e))
                taken.update(range(s, e))
        return kept

    def _names_after(self, ctx: _Doc, title: _Title) -> list[tuple[int, int]]:
        """Names that follow a title, directly or after a comma (`le chef de la Minusma,
        El-Ghassim Wane,`), and the names coordinated after a plural title."""
        doc, tokens = ctx.doc, ctx.tokens
        i = title.end
        appositive = i < len(tokens) and tokens[i].text == ","
        if appositive:
            i += 1
            while i < len(tokens) and fold(tokens[i].text) in _DETERMINERS:
                i += 1
        while i < len(tokens) and fold(tokens[i].text) in self.courtesy:
            i += 1
        e = self._name_end(ctx, i)
        if e == i:
            return []
        closed = e == len(tokens) or fold(tokens[e].text) in _CLOSES_APPOSITION
        if appositive and not ((e - i > 1 or any(t.ent_type_ in ("PER", "LOC", "MISC")
                                                 for t in doc[i:e])) and closed):
            return []
        names = [(i, e)]
        while title.plural and e + 1 < len(tokens) and fold(tokens[e].text) in (",", "et") \
                and self._name_end(ctx, e + 1) > e + 1:
            names.append((e + 1, self._name_end(ctx, e + 1)))  # `les présidents X, Y et Z`
            e = names[-1][1]
        return names

    def _named(self, ctx: _Doc, i: int) -> bool:
        """Whether a name starts at i, after optional courtesy words."""
        while i < len(ctx.tokens) and fold(ctx.tokens[i].text) in self.courtesy:
            i += 1
        return self._name_end(ctx, i) > i

    def _names_thing(self, ctx: _Doc, s: int) -> bool:
        """`le groupe Wagner`, `chef de l'Alliance Fleuve Congo`: a proper name inside a noun
        phrase."""
        if any(t.start < s < t.end for t in ctx.titles):
            return True
        tokens = ctx.tokens
        j = s
        while j > 0 and (tokens[j - 1].like_num
                         or (tokens[j - 1].is_lower and tokens[j - 1].pos_ == "ADJ")
                         or (j - 1 in ctx.country_at
                             and ctx.country_at[j - 1].kind == "demonym")):
            j -= 1
        if j == 0 or fold(ctx.texts[j - 1]) not in self.naming or j - 1 in ctx.title_tokens:
            return False
        noun = tokens[j - 1]  # `la coalition M23`, `l'Alliance Fleuve Congo`, not `Mission :`
        return noun.is_lower or (noun.is_title and not ctx.opens_sentence(j - 1))

    # -- people --------------------------------------------------------------------------
    def _person(self, ctx: _Doc, s: int, e: int) -> _Person:
        person = _Person(s, e)
        tokens = ctx.tokens
        sent_start, sent_end = ctx.sentence(s)
        i = s
        while i > sent_start and fold(tokens[i - 1].text) in self.courtesy:
            i -= 1
        mention = ctx.country_at.get(i - 1)
        if mention is not None and mention.kind == "demonym" and mention.end == i \
                and tokens[mention.start].text[0].isupper():
            person.nationality = mention.code  # `le Gambien Omar Alieu Touray`
            i = mention.start
        adjacent = person.nationality is None
        closed = e >= len(tokens) or fold(tokens[e].text) in _CLOSES_APPOSITION \
            or tokens[e].is_space
        listed = e < len(tokens) and fold(tokens[e].text) in (",", "et")
        while i > sent_start:
            title = None
            ending = [t for t in ctx.titles if t.end == i and t.start >= sent_start]
            if adjacent and ending:
                title = max(ending, key=lambda t: t.start)
            else:
                j = self._prefix_start(ctx, i)
                comma = j - 1
                ending = [t for t in ctx.titles if t.end == comma and t.start >= sent_start]
                if comma >= sent_start and tokens[comma].text == "," and ending and closed:
                    title = min(ending, key=lambda t: t.start)
                    if title.plural and not listed:
                        title = None
            if title is None or title.role == "kin":
                person.kin = title is not None
                break
            person.left.append(title)
            i = title.start
            adjacent = False
        person.right, person.former = self._right(ctx, e, sent_end)
        if not person.right:
            person.right = self._predicate(ctx, person)
        return person

    def _predicate(self, ctx: _Doc, person: _Person) -> list[_Title]:
        """A title given by an appointment verb: `X a été nommé Premier ministre`, `a nommé X
        ministre de l'Intérieur`."""
        doc, tokens = ctx.doc, ctx.tokens
        before = self._prefix_start(ctx, person.first) - 1
        if before >= 0 and tokens[before] in self.appointment_verbs:
            title = ctx.title_from.get(person.end)  # the object, then its title
            return [title] if title is not None else []
        verbs = {t.head for t in doc[person.start : person.end] if t.dep_.startswith("nsubj")}
        for verb in verbs:
            if verb in self.appointment_verbs and verb.i > person.end:
                title = ctx.title_from.get(verb.i + 1)
                return [title] if title is not None else []
        return []

    def _right(self, ctx: _Doc, e: int, limit: int) -> tuple[list[_Title], bool]:
        """Appositive titles after the name, and whether a past participle follows it."""
        doc, tokens = ctx.doc, ctx.tokens
        titles: list[_Title] = []
        title = ctx.title_from.get(e)
        if title is not None and title.entry == "à la tête":
            titles.append(title)
            e = title.end
        while e < limit and tokens[e].text == ",":
            k = e + 1
            while k < limit and k - e <= 3 and (fold(tokens[k].text) in _DETERMINERS
                                                 or fold(tokens[k].text) in self.former
                                                 or (tokens[k].is_lower
                                                     and tokens[k].pos_ == "ADJ")):
                k += 1
            if k >= limit:
                break
            title = ctx.title_from.get(k)
            if title is None and fold(tokens[k].text) == "qui":
                return self._relative(ctx, tokens[k], titles)
            if title is None or title.role == "kin":
                past = any(fold(t.text) in self.former for t in doc[e + 1 : k])
                return titles, past and title is None
            titles.append(title)
            e = title.end
        return titles, False

    def _relative(self, ctx: _Doc, who: Token,
                  titles: list[_Title]) -> tuple[list[_Title], bool]:
        """`X, qui a dirigé le Niger de 2011 à 2021,`: a role given by a verb (past when the verb
        is); `X, qui a été renversé,`: a role lost."""
        verb = who.head
        if verb in self.former_verbs and who.dep_ == "nsubj:pass":
            return titles, True
        objects = [t for t in verb.children if t.dep_ == "obj"]
        if verb not in self.lead_verbs or not objects:
            return titles, False
        end = objects[0].right_edge.i + 1
        if not self._phrase_country(ctx, objects[0].left_edge.i, end)[0]:
            return titles, False  # `qui a dirigé la délégation` is no leading role
        past = "Pres" not in verb.morph.get("Tense") or "Part" in verb.morph.get("VerbForm")
        titles.append(_Title(verb.i, verb.i + 1, "leader", "", False, False, end=end, inner=end,
                             complement=True, former=past, verbal=True))
        return titles, False

    def _coordinate(self, ctx: _Doc, people: list[_Person]) -> None:
        """`les généraux X et Y`: a name after `et` or a comma shares a plural title."""
        tokens = ctx.tokens
        for prev, person in pairwise(people):
            link = tokens[prev.end] if prev.end < len(tokens) else None
            if person.left or link is None or person.start != prev.end + 1 \
                    or fold(link.text) not in ("et", ","):
                continue
            if prev.left and prev.left[0].plural:
                person.left = prev.left
                person.index = prev.index + 1

    def _consumed(self, ctx: _Doc, people: list[_Person]) -> set[int]:
        """Tokens whose country mention already serves a person's title or nationality."""
        tokens: set[int] = set()
        for person in people:
            for title in person.chain:
                tokens.update(range(title.start, title.end))
            if person.nationality is not None:
                tokens.update(range(person.first, person.start))
        return tokens

    def _focus(self, ctx: _Doc, consumed: set[int]) -> str | None:
        """The state the article is most about: its mentions not used by a person, where the
        story takes place (`au Tchad`, `à N'Djamena`) and the first state named (not by an
        adjective, `soldats américains`, unless of an institution: `gouvernement béninois`)
        counting more."""
        free = [m for m in ctx.mentions if m.start not in consumed]
        if not free:
            return None
        score = Counter(m.code for m in free)
        score.update(m.code for m in free if self._locative(ctx, m, 0))
        places = [m for m in free if m.kind != "demonym" or (
            m.start and fold(ctx.texts[m.start - 1]) in self.state_nouns)] or free
        score[places[0].code] += _FIRST_MENTION
        return max(score, key=lambda c: (score[c], -min(m.start for m in free if m.code == c)))

    def _describe(self, ctx: _Doc, person: _Person, people: list[_Person],
                  consumed: set[int]) -> None:
        """Status, title, former and country (left unknown at strength 0 for the article's)."""
        tokens = ctx.tokens
        chain = person.chain
        roles = {t.role for t in chain}
        if roles & (_PEERS | {"leader"}):
            person.status = "leader"
        elif roles & _NOT_LEADER:
            person.status = "non"
        elif "rank" in roles:
            person.status = "non" if self._spokesperson(ctx, person, people) else "rank"
        first = person.first
        person.former |= any(t.former or t.role == "predecessor" for t in chain)
        person.former |= self._ousted(ctx, first, person.end)
        before = self._prefix_start(ctx, first)
        if before >= 2 and fold(tokens[before - 1].text) in _DE:
            person.former |= fold(tokens[before - 2].text) in self.former  # `sous l'ère du`
        primary = next((t for t in person.left + person.right
                        if t.role in _LEADING and not t.verbal), None)
        peer = next((t for t in chain if t.role in _PEERS), None)
        referent = self._referent(ctx, peer, chain) if peer is not None else None
        if primary is not None:
            person.title = self._title_text(ctx, primary, person.index)
        elif referent is not None:
            person.title = referent.entry
        person.country, person.strength = self._country(ctx, person, people, peer, referent,
                                                        consumed)

    def _untitled_leaders(self, ctx: _Doc, people: list[_Person], consumed: set[int]) -> None:
        """Leaders named with no title: in power (`X, au pouvoir depuis 2005`), or the
        predecessor of a titled person (`Naïm Qassem, qui a succédé en octobre 2024 à Hassan
        Nasrallah`: same title and state, former)."""
        for person in (p for p in people if p.status is None):
            past = self._in_power(ctx, person)
            if past is not None:
                person.status, person.former = "leader", person.former or past
                person.country, person.place = self._setting(ctx, person.first, consumed)
                person.strength = 0 if person.country is None else 1
                continue
            if not self._succeeded(ctx, person.first):
                continue
            start, _ = ctx.sentence(person.first)
            successor = next((p for p in reversed(people) if start <= p.start < person.start
                              and p.status == "leader"), None)
            if successor is not None:
                person.status, person.title, person.former = "leader", successor.title, True
                person.country, person.strength = successor.country, successor.strength

    @staticmethod
    def _in_power(ctx: _Doc, person: _Person) -> bool | None:
        """Whether `X, resté au pouvoir trente-huit ans` (True: a past role) or `X, au
        pouvoir depuis 2005` (False) follows the name; None when neither does."""
        after = [fold(w) for w in ctx.texts[person.end : person.end + 4]]
        if after[:1] != [","] or "pouvoir" not in after:
            return None
        if person.start and fold(ctx.texts[person.start - 1]) in _DE:
            return None  # `le parti de X, au pouvoir depuis 2010`: the party is
        k = after.index("pouvoir")
        if k < 2 or after[k - 1] != "au":
            return None
        return after[k - 2] in ("reste", "restee")

    def _succeeded(self, ctx: _Doc, first: int) -> bool:
        """A succession word shortly before a name: `succédé (en octobre 2024) à`,
        `en remplacement de`."""
        window = ctx.texts[max(0, first - _SUCCESSION_REACH) : first]
        return bool(window) and fold(window[-1]) in {"a", "de", "d'"} and any(
            fold(w) in self.succession for w in window)

    def _spokesperson(self, ctx: _Doc, person: _Person, people: list[_Person]) -> bool:
        """A rank-only source quoted near an unnamed spokesperson is that spokesperson."""
        doc, tokens = ctx.doc, ctx.tokens
        start = self._prefix_start(ctx, person.first)
        quoted = start > 0 and fold(tokens[start - 1].text) == "selon"
        quoted |= any(t.dep_ == "nsubj" and t.head in self.speech_verbs
                      for t in doc[person.first : person.end])
        if not quoted:
            return False
        named = {id(t) for p in people for t in p.chain}
        here = ctx.sentence_index(person.start)
        return any(t.role == "spokesperson" and id(t) not in named
                   and abs(ctx.sentence_index(t.start) - here) <= _SENTENCES_TO_SPOKESPERSON
                   for t in ctx.titles)

    def _ousted(self, ctx: _Doc, start: int, end: int) -> bool:
        """`a renversé le président X`, `X a été destitué`: the object of an ousting verb."""
        return any(t.dep_ in ("obj", "nsubj:pass", "obl:arg") and t.head in self.former_verbs
                   and not start <= t.head.i < end for t in ctx.doc[start:end])

    @staticmethod
    def _referent(ctx: _Doc, peer: _Title, chain: list[_Title]) -> _Title | None:
        """The title a `prédécesseur` or `homologue` refers to: the nearest leading one before."""
        own = {id(t) for t in chain}
        return next((t for t in reversed(ctx.titles) if t.start < peer.start
                     and t.role in _LEADING and id(t) not in own), None)

    # -- country -------------------------------------------------------------------------
    def _country(self, ctx: _Doc, person: _Person, people: list[_Person], peer: _Title | None,
                 referent: _Title | None, consumed: set[int]) -> tuple[str | None, int]:
        chain = person.chain
        roles = [t for t in chain if t.role == "leader" or (t.role == "rank" and t.complement)]
        roles += [t for t in chain if t.role == "rank" and not t.complement]
        roles += [t for t in chain if t.role in _PEERS]
        for title in roles:
            found, code = self._role_country(ctx, title, person.index)
            if found:
                return code, 3
        if peer is not None and peer.role != "counterpart" and referent is not None:
            owner = next((p for p in people if p.strength >= 0
                          and any(t is referent for t in p.chain)), None)
            if owner is not None:
                return owner.country, owner.strength
            found, code = self._role_country(ctx, referent)
            if found:
                return code, 3
            named = [p for p in people if p.start < referent.start and p.strength > 0
                     and p.status == "leader"]  # `le nouveau chef de l'État`: the last one named
            if named:
                return named[-1].country, named[-1].strength
        found, code = self._body_led(ctx, person)
        if found:
            return code, 3
        owner = self._possessor(ctx, person, people)
        if owner is not None:
            return owner.country, owner.strength
        if person.nationality is not None:
            return person.nationality, 2
        if peer is not None and peer.role == "counterpart":
            return None, 1  # another state than the referent's, not said
        for title in roles:  # `le ministre des Armées`: France's only
            code = self.state_titles.get(fold(self._title_text(ctx, title, person.index)))
            if code is not None:
                return code, 2
        code, person.place = self._setting(ctx, person.first, consumed)
        if code is None and any(t.role == "leader" for t in roles):
            code = self._government(ctx, person, people)
        return code, 0 if code is None else 1

    @staticmethod
    def _government(ctx: _Doc, person: _Person, people: list[_Person]) -> str | None:
        """The state of the leader named in the sentence before, same paragraph, for a
        minister whose own sentences name no one state: `le président Félix Tshisekedi a
        dénoncé ... de Kigali. La ministre des Affaires étrangères, X, a réclamé ...`."""
        start, _ = ctx.sentence(person.first)
        if start == 0:
            return None
        previous, _ = ctx.sentence(start - 1)
        if ctx.paragraph(previous) != ctx.paragraph(start):
            return None
        named = [p for p in people if previous <= p.start < start and p.strength >= 1
                 and p.status == "leader" and p.country is not None]
        return named[-1].country if named else None

    def _possessor(self, ctx: _Doc, person: _Person, people: list[_Person]) -> _Person | None:
        """`Joe Biden et son secrétaire d'État Antony Blinken`: the leader `son` refers to."""
        tokens = ctx.tokens
        if not any(fold(tokens[j].text) in _POSSESSIVES for t in person.left
                   for j in range(self._prefix_start(ctx, t.start), t.start)):
            return None
        start, _ = ctx.sentence(person.first)
        return next((p for p in reversed(people) if start <= p.start < person.first
                     and p.status in ("leader", "rank") and p.strength >= 2), None)

    def _role_country(self, ctx: _Doc, title: _Title, index: int = 0) -> tuple[bool, str | None]:
        """The state of a role from its phrase: (found, alpha-3 or None for a stateless body).
        The index-th name after `les présidents malien et burkinabè` takes the index-th state."""
        found, code = self._phrase_country(ctx, title.start, title.inner)
        if found and title.plural:
            states = list(dict.fromkeys(ctx.country_at[i].code
                                        for i in range(title.head_end, title.inner)
                                        if i in ctx.country_at))
            code = states[min(index, len(states) - 1)] if states else code
        return found, code

    def _body_led(self, ctx: _Doc, person: _Person) -> tuple[bool, str | None]:
        """The state of the body a person leads when it is named around the title: `les FSR du
        général X`, `l'armée soudanaise, dirigée par le général X`."""
        tokens = ctx.tokens
        start, _ = ctx.sentence(person.first)
        p = self._prefix_start(ctx, person.first) - 1
        if p <= start:
            return False, None
        if fold(tokens[p].text) in _DE:
            j = p - 1
            while j >= start and not (fold(tokens[j].text) in _DETERMINERS | _DE
                                      or tokens[j].is_punct or tokens[j].pos_ == "ADP"):
                j -= 1
            return self._phrase_country(ctx, j + 1, p) if j + 1 < p else (False, None)
        verb = tokens[p - 1]
        if fold(tokens[p].text) == "par" and verb in self.lead_verbs and verb.dep_ == "acl" \
                and verb.head.i < verb.i:
            return self._phrase_country(ctx, verb.head.left_edge.i, verb.i)
        return False, None

    def _phrase_country(self, ctx: _Doc, start: int, end: int) -> tuple[bool, str | None]:
        """The state a phrase names: (found, alpha-3 or None for a stateless body)."""
        doc, tokens = ctx.doc, ctx.tokens
        phrase = doc[start:end]
        text = fold(phrase.text)
        for name, code in _state_forces().items():
            if _contains(text, frozenset({name})):
                return True, code
        rotating = "en exercice" in text  # a head of state chairing a body keeps his state
        if not rotating and (_contains(text, self.international) or _contains(text, self.armed)):
            return True, None
        codes = [ctx.country_at[i].code for i in range(start, end) if i in ctx.country_at]
        if not codes:  # the resolver skips states inside a PER entity that swallowed the title
            for match_id, s, _ in sorted(self.countries.matcher(phrase), key=lambda m: m[1]):
                code, kind = doc.vocab.strings[match_id].split("|")
                if kind == "demonym" or tokens[s].text[0].isupper():
                    codes.append(code)
        if codes:
            return True, codes[0]
        if _contains(text, self.generic_bodies):  # le commandant de la force, sans État nommé
            return True, None
        return False, None

    def _setting(self, ctx: _Doc, first: int,
                 consumed: set[int]) -> tuple[str | None, CountryMention | None]:
        """The state the sentence is about before the person, and the mention that says it: a
        place (`Au Mali, le général ...`), else its first state; or a previous sentence of the
        paragraph naming one state."""
        start, _ = ctx.sentence(first)
        before = [m for m in ctx.mentions if start <= m.start and m.end <= first
                  and m.start not in consumed]
        places = [m for m in before if self._locative(ctx, m, start)]
        if places or before:
            mention = places[-1] if places else before[0]
            return mention.code, mention
        if start == 0:
            return None, None
        previous, _ = ctx.sentence(start - 1)
        if ctx.paragraph(previous) != ctx.paragraph(start):
            return None, None
        codes = {m.code for m in ctx.mentions if previous <= m.start < start
                 and m.start not in consumed}
        if len(codes) == 1:
            return codes.pop(), None
        return self._paragraph_place(ctx, start), None

    def _paragraph_place(self, ctx: _Doc, start: int) -> str | None:
        """The place a paragraph opens with (`En France, le président ...`): the setting of
        its later sentences too."""
        first = start
        while first > 0 and ctx.paragraph(first - 1) == ctx.paragraph(start):
            first = ctx.sentence(first - 1)[0]
        opening = next((m for m in ctx.mentions if m.start >= first), None)
        if opening is None or opening.start - first > 2 or opening.start >= start:
            return None
        return opening.code if self._locative(ctx, opening, first) else None

    @staticmethod
    def _locative(ctx: _Doc, mention: CountryMention, start: int) -> bool:
        """`au Mali`, `à Tripoli`, `pour le Burkina Faso`: a state or capital as a place."""
        if mention.kind not in ("name", "capital"):
            return False
        j = mention.start - 1
        while j >= start and fold(ctx.tokens[j].text) in _DETERMINERS:
            j -= 1
        return j >= start and fold(ctx.tokens[j].text) in _LOCATIVE

    # -- output --------------------------------------------------------------------------
    def _title_text(self, ctx: _Doc, title: _Title, index: int = 0) -> str:
        """The title as written, without nationality, `ex-`, past participles or a state; the
        index-th name after `les ministres de la Défense et de l'Intérieur` takes the index-th
        complement."""
        doc, tokens = ctx.doc, ctx.tokens
        kept: list[Token] = []
        i = title.start
        while i < title.inner:
            mention = ctx.country_at.get(i)
            if mention is not None and not (mention.kind == "demonym"
                                            and tokens[i].text[0].isupper()):
                if kept and fold(kept[-1].text) in _DE | _LOCATIVE:
                    kept.pop()
                i = mention.end
                continue
            if i < title.head_end or fold(tokens[i].text) not in self.former:
                kept.append(tokens[i])
            i += 1
        cuts = [k for k, t in enumerate(kept[:-1]) if t.lower_ == "et" and k
                and fold(kept[k + 1].text) in _DE and fold(kept[k - 1].text) not in _DE]
        if title.plural and cuts:
            first = next(k for k, t in enumerate(kept) if fold(t.text) in _DE)
            ends = [*cuts, len(kept)]
            parts = [kept[first : cuts[0]]] + [kept[c + 1 : e] for c, e in pairwise(ends)]
            kept = kept[:first] + parts[min(index, len(parts) - 1)]
        while kept and fold(kept[-1].text) in _DE | _DETERMINERS | {",", "et"}:
            kept.pop()
        text = "".join(t.text_with_ws for t in kept).strip()
        if title.plural:
            text = title.entry + text[len(doc[title.start : title.head_end].text):]
        text = text[3:] if fold(text).startswith("ex-") else text
        if ctx.opens_sentence(title.start) or title.plural:
            text = text[:1].lower() + text[1:]
        return text

    def _merge(self, ctx: _Doc, people: list[_Person]) -> list[LeaderFact]:
        """One leader per person: mentions merged by name, attributes from the best mention."""
        doc, tokens = ctx.doc, ctx.tokens
        full = doc_text(doc)
        groups: list[_Group] = []
        for person in people:
            text = doc[person.start : person.end].text
            words = _words(text)
            group = next((g for g in reversed(groups) if self._same(g, words, person)), None)
            if group is None:
                groups.append(_Group([person], words, _last(text)))
            else:
                group.people.append(person)
                if len(words) > len(group.words):
                    group.words, group.last = words, _last(text)
        self._remention(ctx, groups)
        groups = [g for g in groups if _leads(g)]
        best = {id(g): max((p for p in g.people if p.status in ("leader", "rank")),
                           key=lambda p: p.strength) for g in groups}
        leaders = []
        for group in groups:
            titled = [p for p in group.people if p.status in ("leader", "rank")]
            country = best[id(group)].country
            if best[id(group)].strength <= 1:  # a relative's state: `Son fils, Saddam Haftar`
                kin = [best[id(g)] for g in groups if g.last == group.last and g is not group
                       and best[id(g)].strength == 3]
                country = kin[0].country if kin else country
            spans = sorted({(tokens[p.start].idx, tokens[p.end - 1].idx + len(tokens[p.end - 1]))
                            for p in group.people})
            name = max((full[s:e] for s, e in spans), key=lambda n: len(_words(n)))
            leaders.append(LeaderFact(
                name=name, title=next((p.title for p in titled if p.title), None),
                country=country, former=any(p.former for p in group.people),
                mentions=[Mention(text=full[s:e], start=s, end=e) for s, e in spans]))
        return leaders

    @staticmethod
    def _same(group: _Group, words: frozenset[str], person: _Person) -> bool:
        """Same person: same name, or one name inside the other without a clash of roles."""
        if words == group.words:
            return True
        if (len(words) == 1 and group.last not in words) or person.kin:
            return False  # a relative shares the name, not the person
        if not (words <= group.words or group.words <= words):
            return False
        if len(words) < 2 or len(group.words) < 2:
            return True
        titled = [p for p in group.people if p.status is not None]
        return person.status is None or not titled or all(p.former == person.former
                                                           for p in titled)

    def _remention(self, ctx: _Doc, groups: list[_Group]) -> None:
        """Add the mentions spaCy did not tag as a person: `Tiani a promis...`."""
        doc, tokens = ctx.doc, ctx.tokens
        if not groups:
            return
        taken = {i for g in groups for p in g.people for i in range(p.start, p.end)}
        could_start = [i for i, x in enumerate(ctx.texts)
                       if x[:1].isupper() or fold(x) in self.particles]
        resume = 0  # names do not overlap: a name's words are not looked at again
        for i in could_start:
            if i < resume:
                continue
            end = self._name_end(ctx, i) if tokens[i].idx >= ctx.body_start else i
            resume = max(end, i + 1)
            if end == i or taken.intersection(range(i, end)):
                continue
            words = _words(doc[i:end].text)
            owners = [g for g in groups if words <= g.words and g.last in words and len(g.words) > 1
                      and any(p.status in ("leader", "rank") for p in g.people)]
            before = [g for g in owners if any(p.start < i for p in g.people)]
            owner = max(before, key=lambda g: max(p.start for p in g.people if p.start < i),
                        default=owners[0] if owners else None)
            if owner is not None and not self._names_thing(ctx, i):
                owner.people.append(_Person(i, end))


def _leads(group: _Group) -> bool:
    """A leading role somewhere, or a rank and no other role (a spokesperson's rank)."""
    statuses = {p.status for p in group.people}
    return "leader" in statuses or ("rank" in statuses and "non" not in statuses)


def _adjective(token: Token) -> bool:
    """An adjective or a past participle used as one: `russe`, `déchu`, `unies`."""
    return token.pos_ == "ADJ" or (token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm"))


def _glued(tokens: Sequence[Token], start: int, end: int) -> bool:
    """A title word inside a hyphenated compound: `Sergent-chef`, `chef-lieu`."""
    before = start >= 2 and tokens[start - 1].text == "-" and not tokens[start - 2].whitespace_ \
        and not tokens[start - 1].whitespace_
    after = end < len(tokens) and tokens[end].text == "-" and not tokens[end - 1].whitespace_
    return before or after


def _glued_end(tokens: Sequence[Token], i: int) -> int:
    """End of the tokens joined to tokens[i] by hyphens without spaces (`Paul - Henri`)."""
    j = i + 1
    while j + 1 < len(tokens) and tokens[j].text == "-" and not tokens[j - 1].whitespace_ \
            and not tokens[j].whitespace_ and tokens[j + 1].is_alpha:
        j += 2
    return j
