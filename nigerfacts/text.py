"""Small text helpers shared by the extractors."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

APOSTROPHES = "’ʼ‘`´"
TEXT_KEY = "nigerfacts.text"


def doc_text(doc: Any) -> str:
    """`doc.text`, read once per run of the component (spaCy rebuilds it at every access)."""
    cached = doc.user_data.get(TEXT_KEY)
    return cached if cached is not None else doc.text


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, accent-free, straight-apostrophe form used for lexicon look-ups.

    Cached: the extractors fold the same few thousand words over and over.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    for mark in APOSTROPHES:
        stripped = stripped.replace(mark, "'")
    return stripped.lower()


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file shipped in `nigerfacts/data/`."""
    raw = resources.files("nigerfacts.data").joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.rstrip("\n") for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )


def word_set(name: str) -> frozenset[str]:
    """A data file of one word or phrase per line, folded."""
    return frozenset(fold(line.strip()) for line in data_lines(name))
