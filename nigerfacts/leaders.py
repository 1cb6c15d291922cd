"""Leaders: named people with a political, governmental, military or organizational role.

People come from spaCy's PER entities, repaired where the model slips on news
(a title swallowed into the name, a name cut short, a person missed after a
rank). A person is a leader when a title from `data/titles.tsv` stands before
the name (`le président russe Vladimir Poutine`), in apposition (`Mahamat Idriss
Déby, président de la transition`) or is shared by coordination (`les anciens
présidents X et Y`), and no title of another kind (porte-parole, journaliste,
ambassadeur...) is closer. Mentions of one person are merged by surname.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .countries import CountryMention
from .models import LeaderFact, Mention
from .text import data_lines, fold, word_set

_BELONG = {"de", "d'", "du", "des"}
_SKIP_IN_NAME = {"m.", "mme", "mr", "dr"}
_ARTICLES = {"le", "la", "les", "l'", "un", "une", "son", "sa", "ses", "leur", "notre"}
_WINDOW = 12


@dataclass
class _Title:
    start: int  # token span of the title phrase (with its complement)
    end: int
    text: str
    role: str  # leader | rank | other
    head: str  # the lexicon entry


@dataclass
class _Person:
    span: Span
    title: _Title | None = None
    country: str | None = None
    org: bool = False
    former: bool = False
    mentions: list[Span] = field(default_factory=list)


@lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    return {fold(t): role for t, role in (line.split("\t") for line in data_lines("titles.tsv"))}


class LeaderExtractor:
    """Find leaders in a `Doc`, given its country mentions."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for line in data_lines("titles.tsv"):
            title, role = line.split("\t")
            phrases = {title, title.replace("'", "’"), fold(title)}
            phrases |= {f"ex-{p}" for p in phrases}
            self.matcher.add(role, list(nlp.tokenizer.pipe(sorted(phrases))))
        self.former_words = word_set("former_markers.txt")
        self.orgs = word_set("international_orgs.txt")

    def __call__(self, doc: Doc, mentions: list[CountryMention],
                 body_start: int = 0) -> list[LeaderFact]:
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        titles = self._find_titles(doc)
        title_at = {i: t for t in titles for i in range(t.start, t.end)}
        people: list[_Person] = []
        for span in self._people(doc, title_at, body_start):
            person = _Person(span, mentions=[span])
            self._describe(doc, person, titles, title_at, by_token)
            people.append(person)
        return self._merge(doc, people, by_token)

    # -- people ----------------------------------------------------------------------------
    def _find_titles(self, doc: Doc) -> list[_Title]:
        spans = [Span(doc, s, e, label=r) for r, s, e in self.matcher(doc)]
        titles = []
        for span in sorted(_longest(spans), key=lambda s: s.start):
            head = fold(span.text)
            head = head[3:] if head.startswith("ex-") else head
            titles.append(_Title(span.start, span.end, span.text, span.label_, head))
        return titles

    def _people(self, doc: Doc, title_at: dict[int, _Title], body_start: int) -> list[Span]:
        """PER entities, trimmed of titles and extended to the whole name; names after titles."""
        found: list[Span] = []
        taken: set[int] = set()
        for ent in doc.ents:
            if ent.label_ != "PER" or ent.start_char < body_start:
                continue
            start, end = ent.start, ent.end
            while start < end and (start in title_at or fold(doc[start].text) in _SKIP_IN_NAME
                                   or fold(doc[start].text) in _ARTICLES):
                start += 1
            while end < len(doc) and _name_word(doc[end]) and end not in title_at:
                end += 1
            if start < end and any(t.is_title or t.is_upper for t in doc[start:end]):
                found.append(doc[start:end])
                taken.update(range(start, end))
        for i, token in enumerate(doc):
            title = title_at.get(i)
            if title is None or title.end != i + 1 or token.idx < body_start:
                continue
            j = title.end
            while j < len(doc) and (doc[j].pos_ == "ADJ" and doc[j].is_lower):
                j += 1
            k = j
            while k < len(doc) and _name_word(doc[k]) and k not in title_at:
                k += 1
            if k > j and not taken.intersection(range(j, k)):
                found.append(doc[j:k])
                taken.update(range(j, k))
        return sorted(found, key=lambda s: s.start)

    # -- what they are ---------------------------------------------------------------------
    def _describe(self, doc: Doc, person: _Person, titles: list[_Title],
                  title_at: dict[int, _Title], by_token: dict[int, CountryMention]) -> None:
        span = person.span
        chain = self._left_titles(doc, span, titles)
        right = self._right_title(doc, span, title_at)
        if right is not None:
            chain.append(right)
        if not chain:
            return
        nearest = chain[0]
        if any(t.role == "other" for t in chain[:2]):
            person.title = _Title(nearest.start, nearest.end, nearest.text, "other", nearest.head)
            return
        person.title = nearest
        tokens = [doc[i] for t in chain for i in range(t.start, t.end)]
        words = {fold(t.text) for t in tokens}
        person.org = any(org in words or org in fold(" ".join(t.text for t in tokens))
                         for org in self.orgs if " " in org) or bool(words & self.orgs)
        codes = [by_token[t.i].code for t in tokens if t.i in by_token
                 and (by_token[t.i].kind == "demonym" or fold(doc[by_token[t.i].start - 1].text)
                      in _BELONG)]
        person.country = codes[0] if codes else None
        left = {fold(t.text) for t in doc[max(0, chain[0].start - 4) : chain[0].start]}
        inner = {fold(t.text) for t in doc[nearest.start : span.end + 2]}
        person.former = bool((left | inner) & self.former_words) or nearest.text.lower(
        ).startswith("ex-") or fold(span.root.head.text) in self.former_words

    def _left_titles(self, doc: Doc, span: Span, titles: list[_Title]) -> list[_Title]:
        """Titles before the name, nearest first, following appositions and coordination."""
        chain: list[_Title] = []
        limit = span.start
        sent_start = span.sent.start
        for title in reversed(titles):
            if title.end > limit or title.start < sent_start:
                continue
            gap = doc[title.end : limit]
            if not _bridge(gap, chain):
                break
            complement_end = _complement_end(doc, title.end, limit)
            text = _title_text(doc, title.start, complement_end)
            chain.append(_Title(title.start, limit, text, title.role, title.head))
            limit = title.start
            if len(chain) == 3:
                break
        return chain

    @staticmethod
    def _right_title(doc: Doc, span: Span, title_at: dict[int, _Title]) -> _Title | None:
        """`Mahamat Idriss Déby, président de la transition`."""
        i = span.end
        if i < len(doc) and doc[i].text == ",":
            i += 1
            while i < len(doc) and fold(doc[i].text) in _ARTICLES:
                i += 1
            title = title_at.get(i)
            if title is not None and title.start == i:
                end = _complement_end(doc, title.end, min(len(doc), title.end + 8))
                return _Title(title.start, end, _title_text(doc, title.start, end), title.role,
                              title.head)
        return None

    # -- merging ---------------------------------------------------------------------------
    def _merge(self, doc: Doc, people: list[_Person],
               by_token: dict[int, CountryMention]) -> list[LeaderFact]:
        groups: dict[str, list[_Person]] = {}
        for person in people:
            groups.setdefault(fold(person.span[-1].text), []).append(person)
        main = _main_country(by_token)
        title_country = {p.title.head: p.country for p in people
                         if p.title and p.country and p.title.role != "other"}
        leaders = []
        for group in groups.values():
            titled = [p for p in group if p.title is not None]
            if not titled or any(p.title.role == "other" for p in titled):
                continue
            first = titled[0]
            name = max((p.span.text for p in group), key=lambda n: len(n.split()))
            country = next((p.country for p in titled if p.country), None)
            if country is None and not any(p.org for p in titled):
                country = title_country.get(first.title.head) or main
            if any(p.org for p in titled) and not any(p.country for p in titled):
                country = None
            mentions = sorted({(s.start_char, s.end_char, s.text) for p in group
                               for s in p.mentions})
            leaders.append(LeaderFact(
                name=name, title=_clean_title(first.title.text), country=country,
                former=any(p.former for p in titled),
                mentions=[Mention(text=t, start=s, end=e) for s, e, t in mentions]))
        return leaders


def _longest(spans: list[Span]) -> list[Span]:
    spans = sorted(spans, key=lambda s: (s.end - s.start, -s.start), reverse=True)
    seen: set[int] = set()
    kept = []
    for s in spans:
        if not seen.intersection(range(s.start, s.end)):
            kept.append(s)
            seen.update(range(s.start, s.end))
    return kept


def _name_word(token) -> bool:
    return (token.is_title or (token.is_upper and len(token) > 1)) and token.is_alpha and (
        token.pos_ in ("PROPN", "NOUN", "ADJ", "X") or token.ent_type_ == "PER") and not (
        token.is_sent_start)


def _bridge(gap: Span, chain: list[_Title]) -> bool:
    """Tokens between a title and what follows it that keep them in one noun phrase."""
    for t in gap:
        if t.is_punct and t.text not in (",", "-", "–"):
            return False
        if t.pos_ in ("VERB", "AUX") and not (t.text.endswith(("é", "ée", "és"))):
            return False
    return len(gap) <= _WINDOW


def _complement_end(doc: Doc, start: int, limit: int) -> int:
    """End of a title's complement: `ministre [de la Défense]`, stopping at a comma or a name."""
    i = start
    stops = (",", "(", ")", "«", "»", '"')
    while i < limit and doc[i].text not in stops and doc[i].ent_type_ != "PER":
        i += 1
    return i


def _title_text(doc: Doc, start: int, end: int) -> str:
    """The title as the text gives it, without nationality adjectives or articles."""
    words = []
    for t in doc[start:end]:
        adjective = t.pos_ == "ADJ" and t.is_lower and fold(t.text) not in _titles()
        if adjective and words[-1:] != ["de"]:
            continue
        words.append(t.text)
    while words and fold(words[-1]) in _ARTICLES | _BELONG:
        words.pop()
    return " ".join(words).replace("' ", "'").replace("’ ", "’")


def _clean_title(text: str) -> str:
    lowered = text[0].lower() + text[1:] if text else text
    if fold(lowered).startswith("ex-"):
        lowered = lowered[3:]
    return lowered


def _main_country(by_token: dict[int, CountryMention]) -> str | None:
    tally = Counter(m.code for m in set(by_token.values()))
    return tally.most_common(1)[0][0] if tally else None
