"""A cheap check that a text is French: the share of its words that are French function words.

Enough to warn a user who fed an English or Arabic article; not a language identifier.
Text in another script (Arabic, Cyrillic, Chinese, written with or without spaces) is
not French; decomposed accents are composed first, so NFD text reads like NFC text.
"""

from __future__ import annotations

import re
import unicodedata

from .text import fold, word_set

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
SAMPLE_CHARS = 5000
MIN_WORDS = 8  # fewer words say too little either way
MIN_SHARE = 0.12
MIN_LETTERS = 50
MIN_LATIN_SHARE = 0.5


def looks_french(text: str) -> bool:
    """False when a text of some length has too few French function words."""
    sample = unicodedata.normalize("NFC", text[:SAMPLE_CHARS])
    letters = [c for c in sample if c.isalpha()]
    if len(letters) >= MIN_LETTERS and sum(c <= "\u024f" for c in letters) < (
            MIN_LATIN_SHARE * len(letters)):
        return False
    words = [fold(w).split("'")[-1] for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return True
    common = word_set("french_words.txt")
    return sum(w in common for w in words) / len(words) >= MIN_SHARE
