"""What people are shown of each fact kind: titles, columns and values, in plain English.

One place for the terminal tables and the HTML report, so that both say the same words.
The columns are the models' fields: a field added to a model appears as a column, labelled
from its name, with no change here; giving it a label or a place is a matter of taste.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .evidence import phrase_around
from .models import Facts, Mention, TroopWhy

KINDS = ("dates", "countries", "troops", "leaders")


@dataclass(frozen=True)
class KindView:
    """How one list of `Facts` is shown: the fields first shown, in order, and its words."""

    kind: str
    title: str
    label: str
    empty: str
    columns: tuple[str, ...]


VIEWS = {
    "dates": KindView("dates", "Dates", "date", "no dates", ("value", "precision", "year")),
    "countries": KindView("countries", "Countries", "country", "no countries",
                          ("code", "name")),
    "troops": KindView("troops", "Troop counts", "troops", "no troop counts",
                       ("count", "country", "qualifier", "kind")),
    "leaders": KindView("leaders", "Leaders", "leader", "no leaders",
                        ("name", "title", "country", "former")),
}

# Fields that are the evidence (shown in its own column), not columns of their own; a troop
# count's `why` (the cue behind its state) is in the JSON.
_EVIDENCE_FIELDS = frozenset({"text", "start", "end", "mentions", "why"})
_FIELD_LABELS = {"value": "Date", "code": "Code", "as_of": "As of", "location": "Where"}
_VALUE_LABELS = {
    ("qualifier", "exact"): "exactly",
    ("qualifier", "approx"): "about",
    ("year", "explicit"): "written",
    ("year", "inferred"): "inferred",
}
EVIDENCE = "Evidence"
WHY = "Why"
NONE = "–"


@dataclass(frozen=True)
class Row:
    """One fact as cells, and where the text states it (for links to its mentions)."""

    cells: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


def columns(kind: str, facts: Facts | None = None) -> list[str]:
    """The fields shown for `kind`: the view's own, then any other field of the model (of
    `facts`, only those some fact fills: no `Mission` column when no count has one)."""
    model = Facts.model_fields[kind].annotation.__args__[0]  # list[XFact] -> XFact
    view = VIEWS[kind]
    extra = [f for f in model.model_fields if f not in view.columns and f not in _EVIDENCE_FIELDS]
    if facts is not None:
        extra = [f for f in extra
                 if any(getattr(x, f) not in (None, [], "") for x in getattr(facts, kind))]
    return [*view.columns, *extra]


def header(kind: str, facts: Facts | None = None, *, explain: bool = False) -> list[str]:
    """Column labels of `kind` (of `facts`: see `columns`), the evidence last; with `explain`,
    a troop count's `Why` before it."""
    return [field_label(f) for f in columns(kind, facts)] + (
        [WHY] if explain and kind == "troops" else []) + [EVIDENCE]


def why_label(why: TroopWhy | None) -> str:
    """A troop count's evidence in words: each decided field, its cue and the words it read
    (`country: nationality «tchadiens»`)."""
    if why is None:
        return NONE
    return "; ".join(f"{field_label(name).lower()}: {e.cue.replace('_', ' ')} «{e.text}»"
                     for name, e in why if e is not None) or NONE


def field_label(name: str) -> str:
    return _FIELD_LABELS.get(name, name.replace("_", " ").capitalize())


def value_label(name: str, value: Any) -> str:
    """A field's value in words: codes spelled out, nothing as a dash, counts grouped."""
    if value is None or value == []:
        return NONE
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, str):
        return _VALUE_LABELS.get((name, value), value.replace("_", " ") if value.isidentifier()
                                 and value.islower() else value)
    if isinstance(value, BaseModel):
        return ", ".join(f"{field_label(k)}: {value_label(k, v)}"
                         for k, v in value.model_dump().items() if v is not None)
    if isinstance(value, Iterable) and not isinstance(value, dict):
        return ", ".join(value_label(name, v) for v in value)
    return str(value)


def rows(kind: str, facts: Facts, text: str | None = None, *, explain: bool = False
         ) -> list[Row]:
    """The facts of `kind` as rows of `header(kind, facts, explain=explain)`; with the
    article's `text`, troop evidence is the phrase around the count."""
    fields = columns(kind, facts)
    out = []
    for fact in getattr(facts, kind):
        cells = [value_label(f, getattr(fact, f)) for f in fields]
        if explain and kind == "troops":
            cells.append(why_label(fact.why))
        mentions: list[Mention] = getattr(fact, "mentions", None) or []
        if mentions:
            spans = tuple((m.start, m.end) for m in mentions)
            evidence = ", ".join(dict.fromkeys(m.text for m in mentions))
        else:
            spans = ((fact.start, fact.end),)
            evidence = (phrase_around(text, fact.start, fact.end) if text is not None
                        else fact.text)
        out.append(Row((*cells, evidence), spans))
    return out
