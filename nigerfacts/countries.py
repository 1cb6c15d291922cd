"""Countries: every way French news names a state, resolved to ISO 3166-1 alpha-3.

Names come from CLDR (French territory names, through Babel); what no library
has (aliases, demonyms, capitals, seats of government) is in
`data/countries.tsv`. Matching is a spaCy `PhraseMatcher` on lower-case text,
with accent-free variants, followed by filters for the known traps: a country
word inside another name (`Washington Post`), a river or gulf named after a
country (`fleuve Niger`, `golfe de Guinée`), a capital in a treaty's name.

Choices: a nationality adjective is a reference to its state wherever it
stands (`la langue française` -> FRA), also after `pro-`/`anti-` (`pro-russe`);
`Niger` in `fleuve Niger` is the river, not the state; a state word inside a
firm's, medium's or club's name is not the state (`Agence France-Presse`,
`Orange Mali`, `Top Congo FM`: `data/not_country_names.txt` and the brand word
lists); a demonym shared by several states (`congolais`) is decided by the
article around it (`shared_demonyms.py`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import shared_demonyms
from .models import CountryFact, Mention
from .paragraphs import BLANK_LINE
from .text import data_lines, doc_text, doc_tokens, fold, word_set

KINDS = ("name", "demonym", "capital", "metonym")
_NAME_PARTICLES = {"da", "de", "do", "dos", "das", "del", "di"}
_NOT_ALPHA3 = {"XK": "XKX"}


@dataclass(frozen=True)
class CountryMention:
    """A country named in a doc, by token span (and by characters inside a compound)."""

    code: str
    kind: str
    start: int
    end: int
    chars: tuple[int, int] | None = None  # "franco" in "franco-allemand"

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]

    def char_range(self, doc: Doc) -> tuple[int, int]:
        if self.chars is not None:
            return self.chars
        tokens = doc_tokens(doc)
        last = tokens[self.end - 1]
        return tokens[self.start].idx, last.idx + len(last)


@dataclass(frozen=True)
class Gazetteer:
    """Every surface form of every state, and the name to display for each."""

    forms: dict[str, dict[str, set[str]]]  # code -> kind -> forms
    display: dict[str, str]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load CLDR names and the project's data file once."""
    import pycountry
    from babel import Locale

    forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    display: dict[str, str] = {}
    for line in data_lines("countries.tsv")[1:]:
        code, kind, values = line.split("\t")
        if kind == "display":
            display[code] = values.strip()
            forms[code]["name"].add(values.strip())
        else:
            forms[code][kind].update(v.strip() for v in values.split("|") if v.strip())
    for alpha2, name in Locale("fr").territories.items():
        country = pycountry.countries.get(alpha_2=alpha2) if alpha2.isalpha() else None
        code = _NOT_ALPHA3.get(alpha2) or (country.alpha_3 if country else None)
        if code in display:
            forms[code]["name"].add(name)
    return Gazetteer(forms={c: dict(k) for c, k in forms.items()}, display=display)


def display_name(code: str) -> str:
    """The French short name of a state."""
    return gazetteer().display.get(code, code)


def _variants(form: str, kind: str) -> set[str]:
    """Spellings news uses for one form: apostrophes, hyphens, accents, plurals."""
    bases = {form, form.replace("'", "’"), form.replace("’", "'")}
    if kind != "demonym":  # "Sierra Leone" / "Sierra-Leone", "Guinée-Bissau" / "Guinée Bissau"
        bases |= {b.replace(" ", "-") for b in bases} | {b.replace("-", " ") for b in bases}
    if kind == "demonym":
        bases |= {b + "s" for b in bases if not b.endswith(("s", "x", "z"))}
    return bases | {fold(b) for b in bases}


class CountryResolver:
    """Find country mentions in a `Doc`."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for code, kinds in gazetteer().forms.items():
            for kind, kind_forms in kinds.items():
                phrases = sorted({v for f in kind_forms for v in _variants(f, kind)})
                self.matcher.add(f"{code}|{kind}", list(nlp.tokenizer.pipe(phrases)))
        self.demonyms = {
            fold(v): code
            for code, kinds in gazetteer().forms.items()
            for f in kinds.get("demonym", ())
            for v in _variants(f, "demonym")
        }
        prefixes = [line.split("\t") for line in data_lines("country_prefixes.tsv")]
        self.prefixes = {fold(p): c for p, c in prefixes}
        alternatives = "|".join(sorted({re.escape(v) for p, _ in prefixes for v in (p, fold(p))},
                                       key=len, reverse=True))
        # The lookahead skips, at a glance, every word that has no hyphen.
        self.compound = re.compile(rf"(?<![\w-])(?=\w+-)(?:(?:{alternatives})-)+\w+",
                                   re.IGNORECASE)
        stances = "|".join(map(re.escape, data_lines("country_stance_prefixes.txt")))
        # `pro-russe`, `anti-franco-malien`: the group is the adjective after the prefix.
        self.stance = re.compile(rf"(?<![\w-])(?:{stances})-((?:(?:{alternatives})-)*\w+)",
                                 re.IGNORECASE)
        self.not_names = PhraseMatcher(nlp.vocab, attr="LOWER")
        names = data_lines("not_country_names.txt")
        self.not_names.add("NOT_COUNTRY", list(nlp.tokenizer.pipe(
            sorted({v for n in names for v in (n, n.replace("'", "’"), fold(n))}))))
        self.brand_before = frozenset(data_lines("brand_before_country.txt"))
        self.brand_after = frozenset(data_lines("brand_after_country.txt"))
        self.not_before = word_set("not_country_before.txt")
        self.not_capital_before = word_set("not_capital_before.txt")

    def __call__(self, doc: Doc, body_start: int = 0) -> list[CountryMention]:
        tokens = doc_tokens(doc)
        spans = [
            Span(doc, start, end, label=match_id)
            for match_id, start, end in self.matcher(doc)
            if tokens[start].idx >= body_start
        ]
        mentions = []
        entities = list(doc.ents)  # doc.ents is rebuilt at each access: read it once
        named = {i for _, start, end in self.not_names(doc) for i in range(start, end)}
        for span in filter_spans(spans):
            code, kind = span.label_.split("|")
            if named.isdisjoint(range(span.start, span.end)) and not self._brand(span) \
                    and self._keep(span, kind, entities):
                mentions.append(CountryMention(code, kind, span.start, span.end))
        seen = {(m.code, m.char_range(doc)) for m in mentions}
        mentions += [m for m in self._compounds(doc, body_start)
                     if (m.code, m.char_range(doc)) not in seen]
        return _resolve_shared(doc, sorted(mentions, key=lambda m: (m.start, m.char_range(doc))))

    def _brand(self, span: Span) -> bool:
        """`Orange Mali`, `Air Algérie`, `France 24`, `Top Congo FM`: a brand, not the state."""
        doc = span.doc
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        same_line = (before is None or "\n" not in before.whitespace_,
                     "\n" not in doc[span.end - 1].whitespace_)
        return (before is not None and before.text in self.brand_before and same_line[0]) or (
            after is not None and after.text in self.brand_after and same_line[1])

    def _compounds(self, doc: Doc, body_start: int) -> list[CountryMention]:
        """`franco-allemande`, `russo-ukrainien`: one mention per state, by characters."""
        mentions = []
        text = doc_text(doc)
        found = [(m.start(), m.group(0)) for m in self.compound.finditer(text, body_start)]
        found += [(m.start(1), m.group(1)) for m in self.stance.finditer(text, body_start)]
        for start, word in found:
            parts = word.split("-")
            codes = [self.prefixes.get(fold(p)) for p in parts[:-1]]
            codes.append(self.demonyms.get(fold(parts[-1])))
            if None in codes:
                continue
            for part, code in zip(parts, codes, strict=True):
                span = doc.char_span(start, start + len(part), alignment_mode="expand")
                if span is not None:
                    mentions.append(CountryMention(code, "demonym", span.start, span.end,
                                                   (start, start + len(part))))
                start += len(part) + 1
        return mentions

    def _keep(self, span: Span, kind: str, entities: list[Span]) -> bool:
        doc = span.doc
        first = span.text[0]
        if kind != "demonym" and not first.isupper():
            return False
        if self._previous_word(span) in self.not_before:
            return False
        if kind in ("capital", "name") \
                and self._inside_other_name(span, kind, entities, self.demonyms):
            return False
        return not (kind == "capital" and self._previous_word(span) in self.not_capital_before
                    and doc[span.start - 1].lower_ in ("de", "d'", "d’"))

    @staticmethod
    def _previous_word(span: Span) -> str:
        """The content word before the span, skipping articles and `de`."""
        i = span.start - 1
        while i >= 0 and fold(span.doc[i].text) in {"de", "d'", "du", "des", "la", "le", "l'"}:
            i -= 1
        return fold(span.doc[i].text) if i >= 0 else ""

    @staticmethod
    def _inside_other_name(span: Span, kind: str, entities: list[Span],
                           demonyms: dict[str, str]) -> bool:
        """`Washington Post`, `Paris Saint-Germain`, `France Info`, `Michael Jordan`.

        A country after `de`/`du` inside a person entity is a title's complement that the
        model swallowed (`Premier ministre du Sénégal Ousmane Sonko`), not part of a name.
        """
        doc = span.doc
        after_de = span.start > 0 and fold(doc[span.start - 1].text) in {"de", "du", "d'", "des"}
        for ent in entities:
            if ent.start <= span.start and span.end <= ent.end and len(ent) > len(span):
                if ent.label_ == "PER" and not after_de:
                    return True
                if ent.label_ in ("ORG", "MISC") and ent.start == span.start:
                    return True
        if kind != "capital":
            return False
        if span.start >= 2 and doc[span.start - 1].text in _NAME_PARTICLES \
                and doc[span.start - 2].is_title and not doc[span.start - 2].is_sent_start \
                and fold(doc[span.start - 2].text) not in demonyms:
            # `Mocímboa da Praia`, `Rio de Janeiro`: a longer place name; not `les
            # Congolais de Brazzaville`.
            return True
        if span.end < len(doc):
            nxt = doc[span.end]
            return nxt.is_title and nxt.ent_iob_ != "B" and not nxt.is_sent_start
        return False


def _resolve_shared(doc: Doc, mentions: list[CountryMention]) -> list[CountryMention]:
    """Give each shared demonym (`Congolais`, `Guinéens`) the state the article around it
    means (see `shared_demonyms`), read from the mentions that are not shared."""
    text = doc_text(doc)
    breaks = [m.end() for m in BLANK_LINE.finditer(text)]

    def place(m: CountryMention) -> tuple[int, int]:
        start = m.char_range(doc)[0]
        return doc[m.start].sent.start, sum(1 for b in breaks if b <= start)

    def written(m: CountryMention) -> str:
        start, end = m.char_range(doc)
        return text[start:end]

    shared = [shared_demonyms.candidates(written(m)) for m in mentions]
    evidence = [shared_demonyms.Evidence(m.code, *place(m))
                for m, choices in zip(mentions, shared, strict=True)
                if choices is None and not shared_demonyms.extends_shared(written(m))]
    out = []
    for m, choices in zip(mentions, shared, strict=True):
        if choices is not None:
            code, _cue = shared_demonyms.decide(choices, *place(m), evidence)
            m = replace(m, code=code)
        out.append(m)
    return out


def country_facts(doc: Doc, mentions: list[CountryMention]) -> list[CountryFact]:
    """Group mentions by state, in order of first mention."""
    grouped: dict[str, list[Mention]] = {}
    text = doc_text(doc)
    for m in mentions:
        start, end = m.char_range(doc)
        grouped.setdefault(m.code, []).append(Mention(text=text[start:end], start=start,
                                                      end=end))
    return [
        CountryFact(code=code, name=display_name(code), mentions=ms)
        for code, ms in grouped.items()
    ]
