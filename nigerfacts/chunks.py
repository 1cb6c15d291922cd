"""Long and unnormalized texts: cut into chunks for spaCy, facts merged back with offsets kept.

spaCy refuses texts over `nlp.max_length` and its memory grows with a doc's length
(about 4 MB per 1,000 characters, times the docs of a batch: 16 chunks of 100,000
characters took 3.6 GB), so a long article is processed in chunks of at most 20,000
characters, cut at paragraph, then sentence, then word boundaries, and a batch holds at
most `pipeline.BATCH_CHARS` characters. News articles are
shorter than that, so they stay whole. Text that is not in Unicode NFC (decomposed
accents) is composed for the extractors, and every offset is mapped back, so offsets
always index the text as read.
Lone surrogates, which spaCy cannot encode, are shown to it as U+FFFD (one for one).
Long runs without a space are cut for spaCy's tokenizer (see `bound_runs`), which would
otherwise take a time that grows with the square of a run's length.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .dateline import is_iso_date, parse_dateline
from .models import (
    CountryFact,
    DateFact,
    Evidence,
    Facts,
    LeaderFact,
    Mention,
    TroopFact,
    TroopWhy,
)

CHUNK_CHARS = 20_000
# The longest run of symbols (no letter, digit or space) spaCy's tokenizer is shown, and
# the longest stretch without a space in a run with symbols (see bound_runs).
SYMBOL_RUN = 10
WORD_RUN = 100
_SYMBOL_RUNS = re.compile(rf"[^\w\s]{{{SYMBOL_RUN + 1},}}")
_WORD_RUNS = re.compile(rf"\S{{{WORD_RUN + 1},}}")
_SYMBOL = re.compile(r"[^\w\s]")
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"(?<=[.!?»])\s+"), re.compile(r"\s+"))
_SURROGATES = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class OffsetMap:
    """Where the clusters NFC changed are, in the composed piece and in the original one.

    Four arrays, one entry per changed cluster (a base character and its combining
    marks, or a character NFC replaces): a few bytes per accent, not per character.
    """

    starts: array  # composed offsets
    ends: array
    original_starts: array
    original_ends: array

    def __call__(self, position: int) -> int:
        """The original offset of a composed offset (inside a cluster: the cluster's start)."""
        k = bisect_right(self.starts, position) - 1
        if k < 0:
            return position
        if position < self.ends[k]:
            return self.original_starts[k]
        return self.original_ends[k] + position - self.ends[k]


@dataclass(frozen=True)
class Chunk:
    """A piece of a text: what spaCy sees, and how to map its offsets back."""

    text: str
    offset: int  # where the piece starts in the original text
    index: OffsetMap | None  # composed offset -> original offset (from `offset`), if normalized
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
        cut = cut or _grapheme_cut(text, start, size)
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def _grapheme_cut(text: str, start: int, size: int) -> int:
    """`size`, or less so that a cut without a break does not part a letter from its accent."""
    cut = size
    while cut > size // 2 and unicodedata.combining(text[start + cut]):
        cut -= 1
    return cut if cut > size // 2 else size


@lru_cache(maxsize=1)
def _clusters() -> re.Pattern[str]:
    """A base character with its combining marks, or one character NFC replaces."""
    marks: list[int] = []
    singles: list[int] = []
    for code in range(0x110000):
        c = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        if unicodedata.combining(c):
            marks.append(code)
        elif unicodedata.normalize("NFC", c) != c:
            singles.append(code)
    mark_class, single_class = _char_class(marks), _char_class(singles)
    return re.compile(rf"[^{mark_class}]?[{mark_class}]+|[{single_class}]")


def _char_class(codes: list[int]) -> str:
    """The inside of a regex character class for sorted code points, as ranges (fast)."""
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                   for a, b in runs)


def bound_runs(text: str) -> str:
    """`text` with long runs cut for spaCy's tokenizer, where a space or two can go: the
    same length, so offsets do not move.

    The tokenizer splits a run without spaces one prefix, suffix or infix at a time and
    searches the rest of the run again at each split: `(` * 10,000 took 13.5 s, twice as
    long four times that, and `l'l'l'...` or `.,.,...` alike. So a run of more than
    `SYMBOL_RUN` symbols is shown as its first `SYMBOL_RUN` and then spaces (it carries no
    fact), and in a longer run without a space a symbol becomes a space at least every
    `WORD_RUN` characters, so words stay whole (`Niamey,Bamako;...` keeps its names). A run
    of letters and digits alone has nothing to split. Any text then costs time in
    proportion to its length.
    """
    if len(text) <= SYMBOL_RUN:
        return text
    if _SYMBOL_RUNS.search(text):
        text = _SYMBOL_RUNS.sub(lambda m: m.group()[:SYMBOL_RUN] + " " * (len(m.group())
                                                                        - SYMBOL_RUN), text)
    if _WORD_RUNS.search(text):
        text = _WORD_RUNS.sub(lambda m: _spaced(m.group()), text)
    return text


def _spaced(run: str) -> str:
    """A run without spaces with a symbol made a space wherever the stretch since the
    last one would grow past `WORD_RUN` characters."""
    chars = list(run)
    start, last = 0, -1  # where the current stretch begins; its last symbol
    for match in _SYMBOL.finditer(run):
        if match.start() - start >= WORD_RUN and last > start:
            chars[last] = " "
            start = last + 1
        last = match.start()
    if len(run) - start > WORD_RUN and last > start:
        chars[last] = " "
    return "".join(chars)


def normalize(piece: str, offset: int) -> Chunk:
    """Compose the piece to NFC, keeping the original offset of every character."""
    if _SURROGATES.search(piece):
        piece = _SURROGATES.sub("\ufffd", piece)  # same length: offsets unchanged
    if unicodedata.is_normalized("NFC", piece):
        return Chunk(bound_runs(piece), offset, None)
    out: list[str] = []
    index = OffsetMap(array("q"), array("q"), array("q"), array("q"))
    done = composed_length = 0
    for match in _clusters().finditer(piece):
        cluster = match.group()
        composed = unicodedata.normalize("NFC", cluster)
        if composed == cluster:
            continue
        start, end = match.span()
        out.append(piece[done:start])
        composed_length += start - done
        index.starts.append(composed_length)
        index.original_starts.append(start)
        out.append(composed)
        composed_length += len(composed)
        index.ends.append(composed_length)
        index.original_ends.append(end)
        done = end
    out.append(piece[done:])
    return Chunk(bound_runs("".join(out)), offset, index)


def chunks(text: str, reference_date: str | None, size: int = CHUNK_CHARS) -> list[Chunk]:
    """The chunks spaCy should see for one text.

    The text's own dateline is left out, and the reference date (given, or the
    dateline's) is put as a dateline before every chunk: that is how it reaches the
    component, even in `nlp.pipe`'s worker processes.
    """
    if reference_date and not is_iso_date(reference_date):
        raise ValueError(f"reference date '{reference_date}' is not a date: use YYYY, YYYY-MM "
                         "or YYYY-MM-DD")
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
        start, end = chunk.index(start), chunk.index(end)
    start, end = start + chunk.offset, end + chunk.offset
    return original[start:end], start, end


def _remap_why(chunk: Chunk, original: str, why: TroopWhy | None) -> TroopWhy | None:
    """A troop count's evidence, each mention placed in the original text."""
    if why is None:
        return None
    fields = {}
    for name, e in why:
        if e is not None:
            text, start, end = _remap(chunk, original, e.start, e.end)
            fields[name] = Evidence(cue=e.cue, text=text, start=start, end=end)
    return TroopWhy(**fields)


def _gather(kept: dict[str, Any], key: str, fact: Any, mentions: list[Mention]) -> None:
    """Keep one fact per key across chunks, with the mentions of every chunk."""
    if key in kept:
        kept[key].mentions.extend(mentions)
    else:
        kept[key] = fact.model_copy(update={"mentions": mentions})


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
            _gather(countries, c.code, c, [mention(m) for m in c.mentions])
        for t in facts.troops:
            key = (t.count, t.country, t.kind)
            if key not in troops:
                text, start, end = _remap(chunk, original, t.start, t.end)
                troops[key] = t.model_copy(update={"text": text, "start": start, "end": end,
                                                   "why": _remap_why(chunk, original, t.why)})
        for lead in facts.leaders:
            _gather(leaders, lead.name, lead, [mention(m) for m in lead.mentions])
    merged.dates = list(dates.values())
    merged.countries = list(countries.values())
    merged.troops = list(troops.values())
    merged.leaders = list(leaders.values())
    return merged
