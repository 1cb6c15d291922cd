"""What the leader rules share: the lexicon, one doc's context (tokens, sentences,
paragraphs, country mentions, titles), and the title and person records they fill in."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..countries import CountryMention
from ..text import data_lines, doc_text, doc_tokens, fold, token_texts, word_set
from .knowledge import KnowledgeBase, Officeholder

DE = {"de", "d'", "du", "des"}
PREPOSITIONS = DE | {"pour", "a", "au", "aux", "en", "par", "dans", "sur"}
DETERMINERS = {"le", "la", "les", "l'", "un", "une", "son", "sa", "ses", "leur", "leurs",
                "notre", "nos", "ce", "cet", "cette"}
LOCATIVE = {"a", "au", "aux", "en", "pour"}
POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}
NOT_NAME_POS = {"ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "ADV", "VERB", "NUM"}
CLOSES_APPOSITION = {",", ".", ";", ":", ")", "(", "et", "ou", "»", "!", "?"}
LEADING = {"leader", "rank"}
PEERS = {"predecessor", "successor", "counterpart"}
NOT_LEADER = {"other", "spokesperson"}
INVARIABLE = {"vice", "ex", "porte", "contre", "demi", "beau"}
ROMAN = re.compile(r"^[IVX]+$")
SENTENCES_TO_SPOKESPERSON = 2
SUCCESSION_REACH = 6  # tokens from a succession word to the name: `succédé en octobre 2024 à`
SENTENCE_ENDS = {".", "!", "?", "…"}
FIRST_MENTION = 2.5  # weight of the article's first state, as against one more mention
OPENERS = {"«", "“", '"', "(", "–", "—", ":", "-"}


@dataclass
class Title:
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
class Person:
    start: int
    end: int
    left: list[Title] = field(default_factory=list)
    right: list[Title] = field(default_factory=list)
    nationality: str | None = None
    former: bool = False
    former_cue: str | None = None  # the cue that decided `former` (see `former.CUES`)
    known: Officeholder | None = None  # the officeholder the name stands for, if any
    status_cue: str | None = None  # the cue that decided `status` (see `Roles.status`)
    state_cue: str | None = None  # the cue that decided `country` (see `States.country`)
    appositive_past: bool = False  # `X, l'ancien ...`, `X, qui a été renversé`
    status: str | None = None  # leader | rank | non | None (no title)
    title: str | None = None
    country: str | None = None
    strength: int = -1  # how the country was found: 3 role, 2 nationality, 1 setting, 0 article
    place: CountryMention | None = None  # the mention that set the country at strength 1
    kin: bool = False  # named as a relative: `Son fils, Saddam Haftar`
    index: int = 0  # place in a list of names after a plural title

    @property
    def chain(self) -> list[Title]:
        return self.left + self.right

    @property
    def first(self) -> int:
        """First token of the person's phrase, titles included."""
        return min([self.start] + [t.start for t in self.left])


@dataclass
class Group:
    people: list[Person]
    words: frozenset[str]
    last: str  # last word of the fullest name


class Verbs:
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


class DocContext:
    """What the rules need to know about one doc: countries, titles, sentences, paragraphs."""

    def __init__(self, doc: Doc, mentions: list[CountryMention], body_start: int,
                 lex: Lexicon, reference: str | None = None,
                 knowledge: KnowledgeBase | None = None) -> None:
        self.doc = doc
        self.lex = lex
        self.reference = reference  # the reference date, ISO 8601
        self.knowledge = knowledge
        self.tokens = tokens = doc_tokens(doc)  # `doc[i]` would build a new Token each time
        self.body_start = body_start
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.country_at = {i: m for m in mentions for i in range(m.start, m.end)}
        self.texts = texts = token_texts(doc)
        ends = {i + 1 for i, x in enumerate(texts) if x in SENTENCE_ENDS
                or ("\n" in x and i and texts[i - 1] != ",")}  # a signature line
        self.sentence_starts = [0, *sorted(i for i in ends if i < len(tokens))]
        self.breaks = [m.start() for m in re.finditer("\n", doc_text(doc))]
        self.titles: list[Title] = []
        self.title_from: dict[int, Title] = {}
        self.title_tokens: set[int] = set()

    def opens_sentence(self, i: int) -> bool:
        """Whether token i opens a sentence, a quotation or a line: any word is capitalized."""
        return i == self.sentence_starts[self.sentence_index(i)] or not i \
            or self.texts[i - 1] in OPENERS or self.tokens[i - 1].is_space

    def sentence_index(self, i: int) -> int:
        return bisect_right(self.sentence_starts, i) - 1

    def sentence(self, i: int) -> tuple[int, int]:
        """Token bounds of the sentence of token i (spaCy's parser splits `Mohammed VI`)."""
        k = self.sentence_index(i)
        end = self.sentence_starts[k + 1] if k + 1 < len(self.sentence_starts) else len(self.doc)
        return self.sentence_starts[k], end

    def paragraph(self, i: int) -> int:
        return bisect_right(self.breaks, self.tokens[i].idx)

    def prefix_start(self, i: int) -> int:
        """Start of the determiner and adjectives before a title: `l'ancien`, `Feu le`."""
        tokens = self.tokens
        j = i
        while j > 0 and i - j < 4 and tokens[j - 1].idx >= self.body_start:
            token = tokens[j - 1]
            word = fold(token.text)
            if word in DETERMINERS or word in self.lex.former or token.is_space \
                    or (token.is_lower and token.pos_ == "ADJ"):
                j -= 1
            else:
                break
        return j


class Lexicon:
    """The word lists the leader rules read, loaded once from `data/`."""

    def __init__(self) -> None:
        self.former = word_set("former_markers.txt")
        self.former_verbs = Verbs("leader_former_verbs.txt")
        self.speech_verbs = Verbs("leader_speech_verbs.txt")
        self.international = word_set("international_orgs.txt")
        self.generic_bodies = word_set("leader_generic_bodies.txt")
        self.armed = word_set("leader_armed_groups.txt")
        self.naming = word_set("leader_naming_nouns.txt")
        self.state_nouns = word_set("leader_state_nouns.txt")
        self.state_titles = {fold(title): code for title, code in (
            line.split("\t") for line in data_lines("leader_state_titles.tsv"))}
        self.particles = word_set("leader_name_particles.txt")
        self.courtesy = word_set("leader_courtesy.txt")
        self.lead_verbs = Verbs("leader_lead_verbs.txt")
        self.appointment_verbs = Verbs("leader_appointment_verbs.txt")
        self.succession = word_set("leader_succession_cues.txt")


def name_words(text: str) -> frozenset[str]:
    """Name words for matching mentions: folded, hyphens and apostrophes as spaces."""
    return frozenset(re.sub(r"[-'.]", " ", fold(text)).split())


def last(name: str) -> str:
    return re.sub(r"[-'.]", " ", fold(name)).split()[-1]


def contains(text: str, phrases: frozenset[str]) -> bool:
    return bool(phrases) and _phrase_pattern(phrases).search(text) is not None


@lru_cache(maxsize=256)
def _phrase_pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, in one compiled pattern (longest first)."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def adjective(token: Token) -> bool:
    """An adjective or a past participle used as one: `russe`, `déchu`, `unies`."""
    return token.pos_ == "ADJ" or (token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm"))


def glued(tokens: Sequence[Token], start: int, end: int) -> bool:
    """A title word inside a hyphenated compound: `Sergent-chef`, `chef-lieu`."""
    before = start >= 2 and tokens[start - 1].text == "-" and not tokens[start - 2].whitespace_ \
        and not tokens[start - 1].whitespace_
    after = end < len(tokens) and tokens[end].text == "-" and not tokens[end - 1].whitespace_
    return before or after


def glued_end(tokens: Sequence[Token], i: int) -> int:
    """End of the tokens joined to tokens[i] by hyphens without spaces (`Paul - Henri`)."""
    j = i + 1
    while j + 1 < len(tokens) and tokens[j].text == "-" and not tokens[j - 1].whitespace_ \
            and not tokens[j].whitespace_ and tokens[j + 1].is_alpha:
        j += 2
    return j
