"""Long and unnormalized texts: cut into chunks for spaCy, facts merged back with offsets kept.

spaCy refuses texts over `nlp.max_length` and its memory grows with a doc's length,
so a long article is processed in chunks cut at paragraph, then sentence, then word
boundaries. Text that is not in Unicode NFC (decomposed accents) is composed for the
extractors, and every offset is mapped back, so offsets always index the text as read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from .dateline import parse_dateline
from .models import CountryFact, DateFact, Facts, LeaderFact, Mention, TroopFact

CHUNK_CHARS = 100_000
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"(?<=[.!?»])\s+"), re.compile(r"\s+"))


@dataclass(frozen=True)
class Chunk:
    """A piece of a text: what spaCy sees, and how to map its offsets back."""

    text: str
    offset: int  # where the piece starts in the original text
    index: list[int] | None  # original offset (from `offset`) of each char, if normalized
    prefix: str = ""  # a dateline put before the piece to carry the reference date

    @property
    def spacy_text(self) -> str:
        return self.prefix + self.text


def split(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering `text`, each at most `size` characters."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, size // 2)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or size
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def normalize(piece: str, offset: int) -> Chunk:
    """Compose the piece to NFC, keeping the original offset of every character."""
    if unicodedata.is_normalized("NFC", piece):
        return Chunk(piece, offset, None)
    out: list[str] = []
    index: list[int] = []
    cluster_start = 0
    for i in range(1, len(piece) + 1):
        if i == len(piece) or unicodedata.combining(piece[i]) == 0:
            composed = unicodedata.normalize("NFC", piece[cluster_start:i])
            out.append(composed)
            index.extend([cluster_start] * len(composed))
            cluster_start = i
    index.append(len(piece))
    return Chunk("".join(out), offset, index)


def chunks(text: str, reference_date: str | None, size: int = CHUNK_CHARS) -> list[Chunk]:
    """The chunks spaCy should see for one text.

    The text's own dateline is left out, and the reference date (given, or the
    dateline's) is put as a dateline before every chunk: that is how it reaches the
    component, even in `nlp.pipe`'s worker processes.
    """
    dateline = parse_dateline(text)
    reference = reference_date or dateline.reference_date
    prefix = f" date {reference} " if reference else ""
    body = dateline.body_start
    return [
        replace(normalize(piece, body + offset), prefix=prefix)
        for offset, piece in split(text[body:], size)
    ]


def _remap(chunk: Chunk, original: str, start: int, end: int) -> tuple[str, int, int]:
    start, end = start - len(chunk.prefix), end - len(chunk.prefix)
    if chunk.index is not None:
        start, end = chunk.index[start], chunk.index[end]
    start, end = start + chunk.offset, end + chunk.offset
    return original[start:end], start, end


def merge(original: str, parts: list[tuple[Chunk, Facts]]) -> Facts:
    """One `Facts` for a whole text from the facts of its chunks."""
    merged = Facts(reference_date=parts[0][1].reference_date if parts else None)
    dates: dict[str, DateFact] = {}
    countries: dict[str, CountryFact] = {}
    leaders: dict[str, LeaderFact] = {}
    troops: dict[tuple, TroopFact] = {}
    for chunk, facts in parts:
        def mention(m: Mention, chunk: Chunk = chunk) -> Mention:
            text, start, end = _remap(chunk, original, m.start, m.end)
            return Mention(text=text, start=start, end=end)

        for d in facts.dates:
            ms = [mention(m) for m in d.mentions]
            if d.value in dates:
                dates[d.value].mentions.extend(ms)
            else:
                dates[d.value] = d.model_copy(update={"text": ms[0].text, "start": ms[0].start,
                                                      "end": ms[0].end, "mentions": ms})
        for c in facts.countries:
            ms = [mention(m) for m in c.mentions]
            if c.code in countries:
                countries[c.code].mentions.extend(ms)
            else:
                countries[c.code] = c.model_copy(update={"mentions": ms})
        for t in facts.troops:
            key = (t.count, t.country, t.kind)
            if key not in troops:
                text, start, end = _remap(chunk, original, t.start, t.end)
                troops[key] = t.model_copy(update={"text": text, "start": start, "end": end})
        for lead in facts.leaders:
            ms = [mention(m) for m in lead.mentions]
            if lead.name in leaders:
                leaders[lead.name].mentions.extend(ms)
            else:
                leaders[lead.name] = lead.model_copy(update={"mentions": ms})
    merged.dates = list(dates.values())
    merged.countries = list(countries.values())
    merged.troops = list(troops.values())
    merged.leaders = list(leaders.values())
    return merged
