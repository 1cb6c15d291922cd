"""A cheap check that a text is French: the share of its words that are French function words.

Enough to warn a user who fed an English or Arabic article; not a language identifier.
"""

from __future__ import annotations

import re

from .text import fold, word_set

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
SAMPLE_CHARS = 5000
MIN_WORDS = 20
MIN_SHARE = 0.12


def looks_french(text: str) -> bool:
    """False when a text of some length has too few French function words."""
    words = [fold(w).split("'")[-1] for w in _WORD.findall(text[:SAMPLE_CHARS])]
    if len(words) < MIN_WORDS:
        return True
    common = word_set("french_words.txt")
    return sum(w in common for w in words) / len(words) >= MIN_SHARE
