"""French numbers over spaCy tokens: digits in every written form, words, approximate nouns.

Words go through `text2num` (the maintained French number parser); what it does not
cover, thousands groups split by the tokenizer (`1 000`, `1 000` with a non-breaking
space) and approximate nouns (`une centaine`, `deux douzaines`), is handled here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token
from text_to_num import text2num

from .text import data_lines, doc_tokens, fold, token_texts, word_set

_DIGITS = re.compile(r"^\d{1,3}(?:[.\u00a0\u202f ]\d{3})+$|^\d+$")
_DECIMAL = re.compile(r"^\d+,\d+$")
_GROUP = re.compile(r"^\d{3}$")
_MAX_DIGITS = 12  # longer digit runs are identifiers or noise, never a head count
_SCALES = {"million": 1_000_000, "millions": 1_000_000, "milliard": 10**9, "milliards": 10**9}


@dataclass(frozen=True)
class Number:
    """A number written in the text: tokens [start, end) and its value."""

    start: int
    end: int
    value: int
    approx: bool  # written as an approximate noun ("une centaine")


@lru_cache(maxsize=1)
def approx_nouns() -> dict[str, int]:
    """Approximate number nouns and their value: `centaine` -> 100."""
    return {noun: int(value) for noun, value in (line.split("\t") for line in data_lines(
        "approx_numbers.tsv"))}


def _word_value(words: list[str]) -> int | None:
    phrase = " ".join(words)
    if "-" in phrase:
        phrase = phrase.replace("-", " ")
    try:
        return int(text2num(phrase, "fr"))
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    return word_set("number_words.txt")


@lru_cache(maxsize=1 << 14)
def _is_word(token_text: str) -> bool:
    """A number word or a hyphenated run of them (`vingt-deux`); asked of every token."""
    parts = fold(token_text).split("-")
    return all(p in _number_words() or p == "et" for p in parts) and fold(token_text) != "et"


def _joins_words(doc: Sequence[Token], i: int) -> bool:
    """Token i continues a number in words: `et` in `soixante et onze`, a hyphen the
    tokenizer split off (`cinquante` `-` `huit`)."""
    if i + 1 >= len(doc) or not _is_word(doc[i + 1].text):
        return False
    return doc[i].lower_ == "et" or (doc[i].text == "-" and not doc[i - 1].whitespace_
                                     and not doc[i].whitespace_)


def find_numbers(doc: Doc, body_start: int = 0) -> list[Number]:
    """Every cardinal number in the doc's body, in order."""
    numbers: list[Number] = []
    approx = approx_nouns()
    tokens = doc_tokens(doc)  # indexed like the doc, without building a Token per access
    texts = token_texts(doc)
    n = len(tokens)
    i = next((k for k, t in enumerate(tokens) if t.idx >= body_start), n)
    while i < n:
        token, word = tokens[i], texts[i]
        start, value, end = i, None, i + 1
        digit = word[0].isdigit()  # cheaper than the patterns, which all need one
        if digit and _DIGITS.match(word):
            text = word
            while end < n:
                nxt = end + 1 if tokens[end].is_space and end + 1 < n else end
                if not _GROUP.match(tokens[nxt].text) \
                        or not (tokens[end - 1].whitespace_ or nxt > end):
                    break
                text += tokens[nxt].text
                end = nxt + 1
            digits = re.sub(r"\D", "", text)
            if len(digits) > _MAX_DIGITS:
                i = end
                continue
            value = int(digits)
        elif digit and _DECIMAL.match(word):
            if end < n and tokens[end].lower_ in _SCALES:
                value = round(float(word.replace(",", ".")) * _SCALES[tokens[end].lower_])
                end += 1
        elif _is_word(word) and not (i and tokens[i - 1].lower_ == "pour"):  # pour cent
            words = [word.lower()]
            while end < n and (_is_word(texts[end]) or _joins_words(tokens, end)):
                words.append(texts[end].lower())
                end += 1
            value = _word_value(words)
        if value is None:
            i += 1
            continue
        if end < n and tokens[end].lower_ in _SCALES and value < 1000:
            value *= _SCALES[tokens[end].lower_]
            end += 1
        is_approx = False
        if end < n:
            noun = fold(tokens[end].text)
            base = approx.get(noun) or approx.get(noun.rstrip("s"))
            if base is not None:
                value, end, is_approx = value * base, end + 1, True
        if value > 1 or is_approx or token.is_digit:
            numbers.append(Number(start, end, value, is_approx))
        i = end
    return numbers
