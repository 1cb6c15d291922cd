"""The troop record: for each troop count, where its personnel are (`location`), as of when
(`as_of`) and in which named mission (`mission`), each decided from its own cues
(`location.py`, `as_of.py`, `mission.py`) once the count and its owner are known.

A mission only told in the paragraph holds the count where it serves (a PMC anywhere).
A named mission that is one state's (a national operation, a PMC) gives the owner a count
has none of in the text (`1 500 hommes de Barkhane` -> FRA).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..countries import CountryMention
from ..models import DateFact, Evidence, TroopFact, TroopWhy
from .as_of import AsOf
from .context import Context, Cue
from .knowledge import Gazetteer
from .location import Location
from .mission import decide_mission

__all__ = ["Cue", "TroopRecorder"]


class TroopRecorder:
    """Completes a document's troop facts with their location, as_of and mission."""

    def __init__(self, nlp: Language) -> None:
        self.gazetteer = Gazetteer(nlp)

    def __call__(self, doc: Doc, troops: list[TroopFact], mentions: list[CountryMention],
                 dates: list[DateFact], reference: str | None,
                 body_start: int = 0) -> list[TroopFact]:
        if not troops:
            return troops
        ctx = Context(self.gazetteer, doc, mentions, dates, reference, body_start)
        location, as_of = Location(ctx), AsOf(ctx)
        counts = [ctx.count(fact) for fact in troops]
        ctx.counts = [c for c in counts if c is not None]
        recorded = []
        for fact, count in zip(troops, counts, strict=True):
            if count is None:
                recorded.append(fact)
                continue
            mission, named = decide_mission(ctx, count)
            row = None if named is None else ctx.mission(named)
            where = location(count, *(() if mission.cue == "paragraph" else (row, named)))
            if mission.cue == "paragraph" and row is not None and where.value not in row.theatre \
                    and (row.theatre or row.kind != "pmc"):  # a PMC may serve anywhere
                mission, named, row = Cue(None, "none"), None, None
            when = as_of(count)
            update: dict[str, object] = {"mission": mission.value, "location": where.value,
                                         "as_of": when.value}
            if where.cue == "mission" and where.evidence is None:  # the theatre of the mission
                where = Cue(where.value, where.cue, mission.evidence)
            why = {"location": _evidence(where, fact), "as_of": _evidence(when, fact),
                   "mission": _evidence(mission, fact)}
            if fact.country is None and row is not None and row.lead is not None \
                    and mission.cue in ("phrase", "sentence"):
                update["country"] = row.lead
                why["country"] = _evidence(Cue(row.lead, "mission", mission.evidence), fact)
            known = (fact.why or TroopWhy()).model_copy(update=why)
            update["why"] = known if any(e is not None for _, e in known) else None
            recorded.append(fact.model_copy(update=update))
        return recorded


def _evidence(decision: Cue, fact: TroopFact) -> Evidence | None:
    """A decided field's evidence: its cue and the words it read (the count itself when the
    cue reads none, as the reference date for a count told in the story's present)."""
    if decision.value is None:
        return None
    text, start, end = decision.evidence or (fact.text, fact.start, fact.end)
    return Evidence(cue=decision.cue, text=text, start=start, end=end)
