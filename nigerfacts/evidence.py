"""The words around a fact, for people: its sentence, or a short phrase of it."""

from __future__ import annotations

import re

from .dateline import parse_dateline

_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")
_WORD = re.compile(r"\S+")
ELLIPSIS = "…"


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence holding text[start:end], the dateline left out."""
    body = parse_dateline(text).body_start
    left = max([body, *(m.end() for m in _SENTENCE_END.finditer(text, body, start))])
    right = _SENTENCE_END.search(text, end)
    return left, right.end() if right else len(text)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], spaces collapsed."""
    left, right = sentence_bounds(text, start, end)
    return " ".join(text[left:right].split())


def phrase_around(text: str, start: int, end: int, words: int = 5) -> str:
    """text[start:end] with up to `words` words either side, within its sentence;
    an ellipsis where the sentence goes on."""
    left, right = sentence_bounds(text, start, end)
    before = [m.start() for m in _WORD.finditer(text, left, start)]
    after = [m.end() for m in _WORD.finditer(text, end, right)]
    cut_left = before[-words] if len(before) > words else left
    cut_right = after[words - 1] if len(after) > words else right
    return ((ELLIPSIS if cut_left > left else "") + " ".join(text[cut_left:cut_right].split())
            + (ELLIPSIS if cut_right < right else ""))


def fit(phrase: str, mention: str, width: int) -> str:
    """`phrase` cut to `width` characters around its first `mention`: whole words added
    on either side in turn while they fit, an ellipsis where words were left out."""
    if len(phrase) <= width:
        return phrase
    at = max(phrase.find(mention), 0)
    before = phrase[:at].strip(ELLIPSIS).split()
    after = phrase[at + len(mention):].strip(ELLIPSIS).split()
    head = mention if mention in phrase else ""
    left: list[str] = []
    right: list[str] = []
    size = len(head) + 2
    open_left, open_right = bool(before), bool(after)
    while open_left or open_right:
        to_left = open_left and (len(left) <= len(right) or not open_right)
        word = before[-1] if to_left else after[0]
        if size + len(word) + 1 > width:
            open_left, open_right = (False, open_right) if to_left else (open_left, False)
            continue
        size += len(word) + 1
        if to_left:
            left.insert(0, before.pop())
            open_left = bool(before)
        else:
            right.append(after.pop(0))
            open_right = bool(after)
    shown = " ".join(left) + (" " if left else "") + head
    shown += (" " if right and right[0][0] not in ",.;:" else "") + " ".join(right)
    return ((ELLIPSIS if before or phrase.startswith(ELLIPSIS) else "") + shown
            + (ELLIPSIS if after or phrase.endswith(ELLIPSIS) else ""))
