"""Small text helpers shared by the extractors."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

APOSTROPHES = "’ʼ‘`´"
TEXT_KEY = "nigerfacts.text"
TOKENS_KEY = "nigerfacts.tokens"
TEXTS_KEY = "nigerfacts.token_texts"


def doc_text(doc: Any) -> str:
    """`doc.text`, read once per run of the component (spaCy rebuilds it at every access)."""
    cached = doc.user_data.get(TEXT_KEY)
    return cached if cached is not None else doc.text


def doc_tokens(doc: Any) -> list[Any]:
    """`list(doc)`, made once per run of the component: `doc[i]` builds a new `Token` at
    every access, and the extractors read the same tokens many times over."""
    cached = doc.user_data.get(TOKENS_KEY)
    return cached if cached is not None else list(doc)


def token_texts(doc: Any) -> list[str]:
    """Each token's text, read once per run of the component (`Token.text` decodes it anew)."""
    cached = doc.user_data.get(TEXTS_KEY)
    return cached if cached is not None else [t.text for t in doc]


def head_indices(doc: Any) -> list[int]:
    """Each token's head index, read from one array rather than through `Token.head`."""
    offsets = doc.to_array("HEAD").astype("int64").tolist()  # relative, stored as unsigned
    return [i + offset for i, offset in enumerate(offsets)]


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


@cache
def word_set(name: str) -> frozenset[str]:
    """A data file of one word or phrase per line, folded (read once: extractors ask for
    their lists at every token)."""
    return frozenset(fold(line.strip()) for line in data_lines(name))
