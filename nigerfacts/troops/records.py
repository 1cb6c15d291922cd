"""Troop counts: a count as it is built, and what a phrase says of its owner."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..models import Qualifier, TroopKind
from ..numbers import Number


@dataclass
class Troop:
    number: Number
    noun: Token | None  # the personnel word counted, or the one it refers to
    end: int  # token end of the text span
    qualifier: Qualifier
    kind: TroopKind | None  # None: the same as the referent's
    referent: Troop | None = None  # an earlier count this one continues
    country: str | None = None
    location: str | None = None


@dataclass(frozen=True)
class Owner:
    """What a phrase says of the state served: a code, or `settled` with no code."""

    code: str | None = None
    settled: bool = False


UNKNOWN = Owner()
NOBODY = Owner(None, True)
