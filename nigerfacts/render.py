"""Rendering facts for people (rich tables) and for programs (JSON, JSON Lines)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TextIO

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from .evaluation import KINDS as SCORED_KINDS
from .evaluation import Report
from .evidence import fit
from .models import ErrorRecord, Facts
from .timeline import TimelineEntry, short_names
from .views import KINDS, VIEWS, header, rows


def write_json(records: Iterable[Facts | ErrorRecord], out: TextIO, *, lines: bool,
               many: bool, exclude: set[str] | None = None) -> None:
    """Stream records as JSON Lines (`lines`), or as JSON: an array when `many`, else one
    object; the `exclude`d fields (kinds not asked for) are left out of facts."""
    if not lines and many:
        out.write("[")
    for n, record in enumerate(records):
        left_out = exclude if isinstance(record, Facts) else None
        if lines:
            out.write(record.model_dump_json(exclude=left_out) + "\n")
        else:
            body = json.dumps(record.model_dump(mode="json", exclude=left_out),
                              ensure_ascii=False, indent=2)
            out.write(("," if n else "") + ("\n" if many else "") + body)
        out.flush()
    if not lines:
        out.write("\n]\n" if many else "\n")


def tables(facts: Facts, text: str | None = None,
           kinds: Sequence[str] = KINDS, *, explain: bool = False) -> Group:
    """One article: a rule with its name and reference date, then a compact table per fact
    kind (or a line saying there is none), each fact beside its evidence (with `explain`, a
    troop count's cues too)."""
    reference = facts.reference_date or "none (give --date to place dates without a year)"
    parts: list[RenderableType] = [
        Rule(Text(facts.source or "(text)", style="bold"), align="left"),
        Text.assemble(("Reference date: ", "bold"), reference),
    ]
    for kind in kinds:
        view = VIEWS[kind]
        found = rows(kind, facts, text, explain=explain)
        if not found:
            parts.append(Text(f"{view.title}: {view.empty}", style="dim"))
            continue
        table = Table(title=f"{view.title} ({len(found)})", title_justify="left",
                      title_style="bold")
        for label in header(kind, facts, explain=explain):
            table.add_column(label, overflow="fold")
        for row in found:
            table.add_row(*row.cells)
        parts.append(table)
    return Group(*parts)


def timeline_table(entries: list[TimelineEntry], width: int = 80) -> Table:
    """One line a dated mention, in calendar order: date, source (if several), the words
    around it, cut to fit `width` columns."""
    names = short_names(sorted({e.source or "-" for e in entries}))
    several = len(names) > 1
    source_width = min(24, max((len(n) for n in names.values()), default=0))
    evidence_width = max(20, width - 10 - 2 - (source_width + 2 if several else 0))
    table = Table(title="Timeline", title_justify="left", title_style="bold", box=None,
                  pad_edge=False)
    table.add_column("Date", no_wrap=True, width=10)
    if several:
        table.add_column("Source", no_wrap=True, overflow="ellipsis", width=source_width)
    table.add_column("Evidence", no_wrap=True, overflow="ellipsis", width=evidence_width)
    for e in entries:
        table.add_row(e.value, *([names[e.source or "-"]] if several else []),
                      fit(e.phrase, e.text, evidence_width))
    return table


def score_table(report: Report) -> Group:
    """Precision, recall and F1 per fact kind, and the accuracy of the leaders' and the troop
    counts' attributes."""
    table = Table(title=f"Accuracy on {report.articles} articles", title_justify="left")
    for col in ("Kind", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="left" if col == "Kind" else "right")
    for kind in SCORED_KINDS:
        s = report.scores[kind]
        table.add_row(kind, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.tp),
                      str(s.fp), str(s.fn))
    attrs = report.as_dict()["leader_attributes"]
    footer = Text(f"leaders matched {attrs['matched']}: country {attrs['country_acc']:.3f}, "
                  f"former {attrs['former_acc']:.3f}")
    fields = report.as_dict()["troop_attributes"]
    if not fields:
        return Group(table, footer)
    troops = Text("troops matched: " + ", ".join(
        f"{name} {f['acc']:.3f} (of {f['n']})" for name, f in fields.items()))
    return Group(table, footer, troops)
