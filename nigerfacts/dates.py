"""Dates: a French temporal grammar plus a normalizer to ISO 8601.

The grammar is a set of regular expressions over the text, built from the
month and weekday lists in `data/`: day lists and ranges with a month
(`du 7 au 9 juin`, `mardi 12 et jeudi 14 mars`), months with modifiers
(`fin mai`, `mi-août`, `janvier dernier`), numeric dates and years. A year
alone is accepted only after a cue word (`depuis 2018`) and when spaCy does
not read it as a quantity (`2000 soldats`). Relative expressions with no
calendar anchor (`hier`, `lundi`, `l'année dernière`) are not dates.

Why not dateparser: it returns full datetimes where the text gives a month,
misses `dernier`/`fin`/`mi-`, and reads many plain numbers as dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from .models import DateFact, Mention, Precision
from .text import data_lines, doc_text, fold, word_set

_SP = r"[ \t\u00a0\u202f]+"
_DAY = r"(?:1er|[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)(?![\d,.]\d)"
_REL = r"(?:derni[eè]re?s?|prochaine?s?)"
_SENTENCE_END = ".!?«»\"“”\n:;("
_LIST_GAP = re.compile(r"[ \u00a0]*(?:,|,?[ \u00a0]+(?:et|ou))[ \u00a0]+")  # `1968, 1974 et 2024`
_TENSE_DAYS = 120  # how far the nearest year's date must be for the verb's tense to decide
_TENSE_HOPS = 3  # heads climbed from a date to the verb it modifies


@dataclass(frozen=True)
class DateMention:
    """A calendar reference found in the text, before normalization."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    relation: str | None  # "past" (dernier), "next" (prochain), "since" (depuis) or None
    # `de la même année` (0), `de l'année suivante` (1): the mention's year is that many
    # years after the year last written before it.
    anchor: int | None = None
    tense: str | None = None  # "past" or "next": the tense of the verb the date modifies


@dataclass(frozen=True)
class _Grammar:
    full: re.Pattern[str]
    day_item: re.Pattern[str]
    month_only: re.Pattern[str]
    numeric: tuple[re.Pattern[str], ...]
    year: re.Pattern[str]
    year_range: re.Pattern[str]
    year_list: re.Pattern[str]
    since: re.Pattern[str]
    months: dict[str, int]
    anchors: dict[str, int]  # phrase (see _anchor_key) -> years after


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    months: dict[str, int] = {}
    full, abbreviations = set(), set()
    for line in data_lines("months.tsv"):
        number, forms = line.split("\t")
        for form in forms.split("|"):
            months[fold(form).rstrip(".")] = int(number)
            months[form.rstrip(".")] = int(number)
            (abbreviations if form.endswith(".") else full).add(form)
    by_length = sorted(full, key=len, reverse=True)
    full_month = "|".join(re.escape(f) for f in by_length)
    any_month = "|".join([*(re.escape(f) for f in sorted(abbreviations, key=len, reverse=True)),
                          full_month])
    weekday = "|".join(data_lines("weekdays.txt"))
    anchors = {_anchor_key(phrase): int(after) for phrase, after in
               (line.split("\t") for line in data_lines("year_anchors.tsv"))}
    anchor = "|".join(_phrase_pattern(p) for p in sorted(anchors, key=len, reverse=True))
    day_item = rf"(?:(?:{weekday}){_SP})?{_DAY}"
    since = "|".join(_phrase_pattern(p) for p in data_lines("past_month_cues.txt"))
    flags = re.IGNORECASE
    return _Grammar(
        full=re.compile(
            rf"(?<![\w.,])(?P<days>{day_item}(?:\s*(?:,|et|au|à|-|–)\s*(?:le\s+)?{day_item}){{0,8}})"
            rf"{_SP}(?P<month>{any_month})(?!\w)(?:{_SP}(?P<year>{_YEAR}))?(?:{_SP}(?P<rel>{_REL}))?"
            rf"(?:{_SP}(?P<anchor>{anchor})(?!\w))?",
            flags,
        ),
        day_item=re.compile(rf"(?:(?:{weekday}){_SP})?(?P<day>{_DAY})", flags),
        month_only=re.compile(
            rf"(?<![\w-])(?P<mod>(?:mi-|mi{_SP}|début{_SP}|fin{_SP}|courant{_SP})?)"
            rf"(?:(?P<month>{full_month})(?!\w)|(?P<abbr>{any_month})(?={_SP}{_YEAR}))"
            rf"(?:{_SP}(?P<year>{_YEAR}))?(?:{_SP}(?P<rel>{_REL}))?"
            rf"(?:{_SP}(?P<anchor>{anchor})(?!\w))?",
            flags,
        ),
        numeric=(
            re.compile(r"(?<![\d/.,])(?P<day>\d{1,2})([/.])(?P<month>\d{1,2})\2(?P<year>\d{4})(?![\d/.]\d)"),
            re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])"),
        ),
        year=re.compile(rf"(?<![\w.,/])(?<!\d-)(?P<year>{_YEAR})(?![\w/-])"),
        year_range=re.compile(rf"(?<![\w.,/-])(?P<first>{_YEAR})[ \u00a0]?[-–][ \u00a0]?"
                              rf"(?P<last>{_YEAR})(?![\w/-])"),
        year_list=re.compile(rf"\(\s*{_YEAR}(?:\s*(?:,|et|-|–)\s*{_YEAR})*\s*\)"),
        since=re.compile(rf"(?<!\w)(?:{since}){_SP}(?:(?:le|la|l'|l’){_SP}?)?$", flags),
        months=months,
        anchors=anchors,
    )


def _phrase_pattern(phrase: str) -> str:
    """A phrase as a pattern for the text: any spacing, either apostrophe."""
    return r"\s+".join(re.escape(word).replace("'", "['’]") for word in phrase.split())


def _anchor_key(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


def _anchor(phrase: str | None) -> int | None:
    return None if phrase is None else _grammar().anchors[_anchor_key(phrase)]


def _month_number(word: str) -> int:
    g = _grammar()
    return g.months.get(word.rstrip(".")) or g.months[fold(word).rstrip(".")]


def _relation(word: str | None) -> str | None:
    if not word:
        return None
    return "past" if fold(word).startswith("dern") else "next"


def find_dates(doc: Doc, body_start: int = 0) -> list[DateMention]:
    """Every calendar reference in the doc's body, in text order."""
    text = doc_text(doc)
    g = _grammar()
    found: list[DateMention] = []
    taken = bytearray(len(text) + 1)

    def free(start: int, end: int) -> bool:
        return start >= body_start and not any(taken[start:end])

    def take(m: DateMention) -> None:
        found.append(m)
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)

    for pattern in g.numeric:
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                take(DateMention(m.start(), m.end(), int(m["year"]), int(m["month"]),
                                 int(m["day"]), None))
    full_hits = [m for m in g.full.finditer(text) if free(m.start(), m.end())]
    for n, m in enumerate(full_hits):
        year = int(m["year"]) if m["year"] else None
        relation = _relation(m["rel"])
        nxt = full_hits[n + 1] if n + 1 < len(full_hits) else None
        if year is None and relation is None and nxt is not None and _joined(text, m, nxt):
            year = int(nxt["year"]) if nxt["year"] else None  # du 30 novembre au 2 décembre 2023
            relation = _relation(nxt["rel"])
        month = _month_number(m["month"])
        items = list(g.day_item.finditer(m["days"]))
        offset = m.start("days")
        for k, item in enumerate(items):
            start = offset + item.start()
            end = m.end() if k == len(items) - 1 else offset + item.end()
            day = 1 if item["day"].lower() == "1er" else int(item["day"])
            if relation is None and year is None and k == 0 and _since(text, m.start()):
                relation = "since"  # `depuis le 6 juillet`: a day already come
            take(DateMention(start, end, year, month, day, relation, _anchor(m["anchor"])))
    month_hits = []
    for m in g.month_only.finditer(text):
        if not free(m.start(), m.end()):
            continue
        word = m["month"] or m["abbr"]
        if word[0].isupper() and not m["mod"] and not _at_sentence_start(text, m.start()):
            continue  # "Mars" mid-sentence is the planet or a name, not the month
        month_hits.append(m)
    for n, m in enumerate(month_hits):
        year = int(m["year"]) if m["year"] else None
        relation = _relation(m["rel"])
        if year is None and relation is None and n + 1 < len(month_hits):
            nxt = month_hits[n + 1]
            if _joined(text, m, nxt):
                year = int(nxt["year"]) if nxt["year"] else None
                relation = _relation(nxt["rel"])
        if relation is None and year is None and _since(text, m.start()):
            relation = "since"  # `depuis juin`: this month or a past one, never the next
        take(DateMention(m.start(), m.end(), year, _month_number(m["month"] or m["abbr"]), None,
                         relation, _anchor(m["anchor"])))
    for m in g.year_range.finditer(text):  # `la guerre de Corée (1950-1953)`
        first, last = int(m["first"]), int(m["last"])
        if free(m.start(), m.end()) and first < last and _not_a_count(doc, m.end()):
            take(DateMention(m.start(), m.end("first"), first, None, None, None))
            take(DateMention(m.start("last"), m.end(), last, None, None, None))
    for m in g.year_list.finditer(text):  # `triples champions (1976, 2023, 2024)`
        if free(m.start(), m.end()):
            for item in g.year.finditer(text, m.start(), m.end()):
                take(DateMention(item.start(), item.end(), int(item["year"]), None, None, None))
    cues = word_set("year_cues.txt")
    years = {m.end for m in found if m.month is None}
    for m in g.year.finditer(text):
        if not free(m.start(), m.end()) or not _not_a_count(doc, m.end()):
            continue
        # After a cue word, or in a list after a year: `en 1968, 1974 et 2024`.
        listed = any(_LIST_GAP.fullmatch(text, end, m.start()) for end in years
                     if 0 < m.start() - end < 8)
        if listed or _is_year(doc, text, m.start(), m.end(), cues):
            take(DateMention(m.start(), m.end(), int(m["year"]), None, None, None))
            years.add(m.end())
    return [_with_tense(doc, m) for m in _anchored(sorted(found, key=lambda d: d.start))]


def _with_tense(doc: Doc, m: DateMention) -> DateMention:
    """A yearless date with the tense of the verb it modifies, when it has one."""
    if m.year is not None or m.relation is not None or m.month is None:
        return m
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return m
    verb = span.root
    for _ in range(_TENSE_HOPS):  # up to the verb: `Fin janvier, ... avaient quitté`
        if verb.head.i == verb.i:
            break
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            break
    tense = _tense(verb)
    return replace(m, tense=tense) if tense else m


def _tense(verb: Token) -> str | None:
    """"past" or "next" from a finite verb and its auxiliaries (`avaient quitté`, `sera
    signé`); None for the present, the conditional, or no finite verb."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    group = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    finite = [t for t in group if "Fin" in t.morph.get("VerbForm")]
    if not finite or any("Cnd" in t.morph.get("Mood") for t in finite):
        return None
    tenses = {tense for t in finite for tense in t.morph.get("Tense")}
    if "Fut" in tenses:
        return "next"
    if tenses & {"Past", "Imp"} or (len(group) > 1 and "Part" in verb.morph.get("VerbForm")):
        return "past"
    return None


def _anchored(found: list[DateMention]) -> list[DateMention]:
    """Give `janvier de la même année` the year last written before it."""
    written: int | None = None
    out = []
    for m in found:
        if m.anchor is not None and m.year is None and written is not None:
            m = replace(m, year=written + m.anchor)
        elif m.year is not None and m.anchor is None:
            written = m.year
        out.append(m)
    return out


def _joined(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Two dates that make a range or a pair: `avril et mai`, `du 30 novembre au 2 décembre`."""
    return re.fullmatch(r"\s*(?:et|à|au|-|–)\s*(?:le\s+)?", text[first.end() : second.start()],
                        re.IGNORECASE) is not None


def _since(text: str, start: int) -> bool:
    """`depuis juin`, `depuis la mi-mars`: the date opens a period that runs to now, so it
    is in the past even when the nearest one would be ahead."""
    return _grammar().since.search(text, max(0, start - 30), start) is not None


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_END


def _is_year(doc: Doc, text: str, start: int, end: int, cues: frozenset[str]) -> bool:
    """A four-digit number is a year after a cue word, unless it counts something."""
    before = re.search(r"([\w'’]+)[\s\u00a0\u202f-]*$", text[max(0, start - 30) : start])
    if before is None:
        return False
    word = fold(before.group(1))
    return word in cues or word.rsplit("'", 1)[-1] in cues


def _not_a_count(doc: Doc, end: int) -> bool:
    """Nothing counted right after a year: `(1950-1953)`, `depuis 2018,`; not `2000-2500
    soldats` nor `en 2000 hommes`."""
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None:
        return False
    nxt = doc[span[-1].i + 1] if span[-1].i + 1 < len(doc) else None
    return nxt is None or (nxt.pos_ not in ("NOUN", "SYM") and nxt.text not in ("%", "€", "$"))


def parse_reference(value: str | None) -> tuple[int, int | None, int | None] | None:
    """`2024-08` -> (2024, 8, None)."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12 or (year is not None and not 1 <= year <= 9999):
        return False
    if day is None:
        return True
    last = calendar.monthrange(year if year else 2000, month)[1]
    return 1 <= day <= last


def resolve_year(month: int, day: int | None, relation: str | None,
                 ref: tuple[int, int | None, int | None], tense: str | None = None) -> int | None:
    """The year of a month/day without one: nearest to the reference, or per dernier/prochain
    (the most recent past or the next one) or depuis (the most recent not after the reference);
    when the nearest is months away, on the side of the verb's tense."""
    ry, rm, rd = ref
    if rm is None:
        return ry if _valid(ry, month, day) else None
    candidates = [y for y in (ry - 1, ry, ry + 1) if 1 <= y <= 9999 and _valid(y, month, day)]
    if not candidates:
        return None
    if relation == "since":  # `depuis début octobre`, written in October: this October
        if day is not None and rd is not None:
            ok = [y for y in candidates if (y, month, day) <= (ry, rm, rd)]
        else:
            ok = [y for y in candidates if (y, month) <= (ry, rm)]
        return max(ok) if ok else None
    if relation == "past":
        if day is not None and rd is not None:
            ok = [y for y in candidates if (y, month, day) < (ry, rm, rd)]
        elif day is not None:
            ok = [y for y in candidates if (y, month) <= (ry, rm)]
        else:
            ok = [y for y in candidates if (y, month) < (ry, rm)]
        return max(ok) if ok else None
    if relation == "next":
        if day is not None and rd is not None:
            ok = [y for y in candidates if (y, month, day) > (ry, rm, rd)]
        elif day is not None:
            ok = [y for y in candidates if (y, month) >= (ry, rm)]
        else:
            ok = [y for y in candidates if (y, month) > (ry, rm)]
        return min(ok) if ok else None
    point = dt.date(ry, rm, rd or 15).toordinal()
    nearest = min(candidates, key=lambda y: abs(dt.date(y, month, day or 15).toordinal() - point))
    gap = dt.date(nearest, month, day or 15).toordinal() - point
    if tense is not None and abs(gap) >= _TENSE_DAYS and (gap > 0) != (tense == "next"):
        # Half a year away either way: the verb's tense says which (`Fin janvier, les
        # derniers soldats avaient quitté le pays`, written in July).
        return resolve_year(month, day, tense, ref)
    return nearest


def normalize(m: DateMention, reference: str | None) -> tuple[str, Precision, str] | None:
    """ISO value, precision and year provenance of a mention; None for an impossible date."""
    if m.month is None:
        return (f"{m.year:04d}", "year", "explicit") if m.year else None
    if not _valid(m.year, m.month, m.day):
        return None
    year, provenance = m.year, "explicit"
    if year is None:
        ref = parse_reference(reference)
        year = resolve_year(m.month, m.day, m.relation, ref, m.tense) if ref else None
        provenance = "inferred" if year is not None else "unknown"
        if ref and year is None:
            return None
    head = f"{year:04d}" if year is not None else "-"
    if m.day is None:
        return f"{head}-{m.month:02d}", "month", provenance
    return f"{head}-{m.month:02d}-{m.day:02d}", "day", provenance


def date_facts(text: str, found: list[DateMention], reference: str | None) -> list[DateFact]:
    """Date facts from the mentions `find_dates` found: one per ISO value, every mention kept."""
    facts: dict[str, DateFact] = {}
    for m in found:
        normalized = normalize(m, reference)
        if normalized is None:
            continue
        value, precision, provenance = normalized
        mention = Mention(text=text[m.start : m.end], start=m.start, end=m.end)
        if value in facts:
            facts[value].mentions.append(mention)
        else:
            facts[value] = DateFact(text=mention.text, value=value, precision=precision,
                                    year=provenance, start=m.start, end=m.end,
                                    mentions=[mention])
    return list(facts.values())
