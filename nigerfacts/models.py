"""Output models: the JSON contract of nigerfacts, in one place.

Every offset (`start`, `end`) is a character offset into the text as it was
read (after decoding, before anything else), so `text[start:end] == mention`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

Precision = Literal["day", "month", "year"]
Qualifier = Literal["exact", "approx", "more_than", "less_than"]
TroopKind = Literal["strength", "casualties"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    """One place in the text where a fact is stated."""

    text: str = Field(description="The text as it appears in the article.")
    start: int = Field(ge=0, description="Character offset of the first character.")
    end: int = Field(ge=0, description="Character offset just past the last character.")


class DateFact(_Model):
    """A calendar reference, normalized to ISO 8601 at the precision the text gives."""

    text: str = Field(description="First mention of this value.")
    value: str = Field(
        description="ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY; --MM-DD or --MM when the "
        "year is unknown (no year in the text and no reference date)."
    )
    precision: Precision
    year: Literal["explicit", "inferred", "unknown"] = Field(
        description="Whether the year was written, inferred from the reference date, or unknown."
    )
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    mentions: list[Mention] = Field(description="Every mention with this value, in text order.")


class CountryFact(_Model):
    """A sovereign state the article refers to, by any of its names."""

    code: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code.")
    name: str = Field(description="French short name.")
    mentions: list[Mention]


class Evidence(_Model):
    """Why a field of a troop count has its value: the cue that decided and the mention it read."""

    cue: str = Field(description="Name of the cue that decided (see README, 'Whose troops').")
    text: str = Field(description="The mention that gave the value, as it appears in the text.")
    start: int = Field(ge=0, description="Character offset of the mention's first character.")
    end: int = Field(ge=0, description="Character offset just past the mention's last character.")


class TroopWhy(_Model):
    """The evidence of each field of a troop count that has one (a field with no value, or
    with no decision yet, has none)."""

    country: Evidence | None = Field(default=None, description="Why the count has its state.")
    location: Evidence | None = None
    as_of: Evidence | None = None
    mission: Evidence | None = None


class TroopFact(_Model):
    """A number of military personnel of a state or of a private military company."""

    text: str = Field(description="Shortest span with the number and the personnel word.")
    count: int = Field(ge=0)
    country: str | None = Field(default=None, description="Alpha-3 of the state they serve.")
    qualifier: Qualifier = "exact"
    kind: TroopKind = "strength"
    location: str | None = Field(
        default=None, description="Alpha-3 of the state where they are (for a withdrawal, "
        "the state they leave), when the text places them.")
    as_of: str | None = Field(
        default=None, description="ISO 8601 date the count holds or happened, at the "
        "text's precision: a date tied to it, else the reference date for the story's "
        "present; null for an undated past or with no reference date.")
    mission: str | None = Field(
        default=None, description="The named operation, mission, force or PMC they serve "
        "in, in the short form the text uses.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    why: TroopWhy | None = Field(
        default=None, description="The evidence of each decided field (country, location, "
        "as_of, mission): the cue that decided and the mention it read; null when no field "
        "was decided."
    )


class LeaderFact(_Model):
    """A named person who holds or held a leadership role."""

    name: str = Field(description="Fullest form of the name in the text, without title.")
    title: str | None = None
    country: str | None = Field(default=None, description="Alpha-3 of the state led or served.")
    former: bool = False
    id: str | None = Field(default=None, description="Stable key of the person in the "
                           "officeholders base (data/officeholders), null when unknown.")
    mentions: list[Mention]


class Facts(_Model):
    """Everything nigerfacts found in one document."""

    source: str | None = Field(default=None, description="Path as given, '-' for stdin.")
    reference_date: str | None = Field(
        default=None, description="Publication date (dateline or --date), ISO 8601."
    )
    dates: list[DateFact] = Field(default_factory=list)
    countries: list[CountryFact] = Field(default_factory=list)
    troops: list[TroopFact] = Field(default_factory=list)
    leaders: list[LeaderFact] = Field(default_factory=list)


class ErrorRecord(_Model):
    """A source that could not be processed; emitted in place of its Facts."""

    source: str
    error: str = Field(description="One-line reason.")


def record_schema() -> dict[str, Any]:
    """JSON Schema of one output record: the facts of a document, or the error record put
    in its place; each line of a JSON Lines stream is one of the two."""
    schema = TypeAdapter(Facts | ErrorRecord).json_schema()
    return {"title": "nigerfacts record",
            "description": "The facts of one document, or an error record in its place.",
            **schema}


class PresenceSource(_Model):
    """One article's report of a deployment figure: what `presence` counts as a source."""

    source: str | None = Field(description="The article (path or id) that reports it.")
    reference_date: str | None = Field(default=None, description="Its publication date.")
    count: int = Field(ge=0)
    qualifier: Qualifier = "exact"
    as_of: str | None = Field(default=None, description="When the figure holds, as it says.")
    text: str = Field(description="The evidence: the count as the article writes it.")
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)


class PresenceRecord(_Model):
    """One deployment figure across a corpus: every article that reports it, merged."""

    state: str | None = Field(description="Alpha-3 of the state whose personnel they are.")
    location: str | None = Field(description="Alpha-3 of where they are.")
    mission: str | None = Field(description="The named mission, as its first source writes it.")
    kind: TroopKind
    count: int = Field(ge=0, description="The figure most sources give (the latest on a tie).")
    low: int = Field(ge=0, description="The lowest figure a source gives.")
    high: int = Field(ge=0, description="The highest figure a source gives.")
    qualifier: Qualifier = Field(description="`exact` when any source gives `count` exactly, "
                                 "else the qualifier most sources give.")
    as_of_first: str | None = Field(description="The earliest as_of of its sources.")
    as_of_last: str | None = Field(description="The latest as_of of its sources.")
    sources: list[PresenceSource]
