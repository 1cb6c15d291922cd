"""Troop counts: a count as it is built, and what a phrase says of its owner."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..models import Qualifier, TroopKind
from ..numbers import Number


@dataclass
class Troop:
    """A troop count as it is built: its number, its personnel word, then its state."""

    number: Number
    noun: Token | None  # the personnel word counted, or the one it refers to
    end: int  # token end of the text span
    qualifier: Qualifier
    kind: TroopKind | None  # None: the same as the referent's
    referent: Troop | None = None  # an earlier count this one continues
    country: str | None = None
    owner: Owner | None = None  # the decision that gave `country`, with its cue


@dataclass(frozen=True)
class Owner:
    """What the text says of the state served: a code, or `settled` with no code; with the
    cue that read it (a name of `owners.CUES`) and the doc characters of the mention read."""

    code: str | None = None
    settled: bool = False
    cue: str = ""
    chars: tuple[int, int] | None = None

    def by(self, cue: str) -> Owner:
        """The same finding, credited to the cue that found it."""
        return replace(self, cue=cue) if self.settled else self


UNKNOWN = Owner()
