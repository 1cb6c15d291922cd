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
_NOT_LATIN = re.compile(r"[^\u0000-\u024f]")
SAMPLE_CHARS = 5000
MIN_WORDS = 8  # fewer words say too little either way
MIN_SHARE = 0.12
MIN_LETTERS = 50
MIN_LATIN_SHARE = 0.5


def looks_french(text: str) -> bool:
    """False when a text of some length has too few French function words."""
    sample = unicodedata.normalize("NFC", text[:SAMPLE_CHARS])
    letters = "".join(filter(str.isalpha, sample))
    if len(letters) >= MIN_LETTERS and len(letters) - len(_NOT_LATIN.findall(letters)) < (
            MIN_LATIN_SHARE * len(letters)):
        return False
    words = [fold(w).split("'")[-1] for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return True
    common = word_set("french_words.txt")
    return sum(w in common for w in words) / len(words) >= MIN_SHARE
