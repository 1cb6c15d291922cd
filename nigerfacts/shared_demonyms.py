"""Demonyms shared by several states: which one a `Congolais` or a `Guinéen` refers to.

`congolais` is said of both Congos, `guinéen` of Guinea, Guinea-Bissau and Equatorial
Guinea (in their short forms), `soudanais` of both Sudans (`data/shared_demonyms.tsv`).
The word alone cannot tell; the article around it does. The cues, in order of precedence:

1. `sentence`: the candidate state most named in the same sentence, by a form that is
   not itself shared (its name, capital, seat of government or own demonym:
   `les Congolais de Brazzaville`, `Malabo ... les Guinéens`); a longer demonym built on
   the shared one (`Sud-Soudanais`) is not counted: it sets that state apart;
2. `paragraph`: likewise in the same paragraph;
3. `article`: the candidate state the whole article names most (what it is about);
4. `default`: the first candidate of the data file (the most populous state).

A scope where two candidates are named equally often does not decide: the next one does.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .text import data_lines, fold

CUES = ("sentence", "paragraph", "article", "default")


@dataclass(frozen=True)
class Evidence:
    """An unambiguous mention of a state: its code and where it stands."""

    code: str
    sentence: int
    paragraph: int


@lru_cache(maxsize=1)
def shared_forms() -> dict[str, tuple[str, ...]]:
    """Folded form (singular and plural) -> candidate states, the default first."""
    forms: dict[str, tuple[str, ...]] = {}
    for line in data_lines("shared_demonyms.tsv"):
        words, codes = line.split("\t")
        for word in words.split("|"):
            for form in (word, word + "s"):
                forms[fold(form)] = tuple(codes.split("|"))
    return forms


def candidates(text: str) -> tuple[str, ...] | None:
    """The states a written form may refer to, or None when it is not shared."""
    return shared_forms().get(fold(text))


def extends_shared(text: str) -> bool:
    """`Sud-Soudanais`, `Bissau-Guinéens`: a state's own longer form of a shared demonym.
    A writer who uses it beside a bare `Soudanais` is telling two states apart, so it is
    no evidence that the bare one means the same state."""
    folded = fold(text)
    return any(folded.endswith("-" + form) for form in shared_forms())


def decide(choices: tuple[str, ...], sentence: int, paragraph: int,
           evidence: list[Evidence]) -> tuple[str, str]:
    """The state a shared demonym refers to, and the cue (one of CUES) that decided."""
    scopes = (
        ("sentence", [e for e in evidence if e.sentence == sentence]),
        ("paragraph", [e for e in evidence if e.paragraph == paragraph]),
        ("article", evidence),
    )
    for cue, found in scopes:
        counts = Counter(e.code for e in found if e.code in choices).most_common()
        if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]):
            return counts[0][0], cue
    return choices[0], "default"
