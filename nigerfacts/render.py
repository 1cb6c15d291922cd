"""Rendering facts for people (rich tables) and for programs (JSON, JSON Lines)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .evaluation import KINDS, Report
from .models import ErrorRecord, Facts


def write_json(records: Iterable[Facts | ErrorRecord], out: TextIO, *, lines: bool,
               many: bool) -> None:
    """Stream records as JSON Lines (`lines`), or as JSON: an array when `many`, else one object."""
    if not lines and many:
        out.write("[")
    for n, record in enumerate(records):
        if lines:
            out.write(record.model_dump_json() + "\n")
        else:
            body = json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2)
            out.write(("," if n else "") + ("\n" if many else "") + body)
        out.flush()
    if not lines:
        out.write("\n]\n" if many else "\n")


def tables(facts: Facts) -> Group:
    """Four rich tables, one per fact kind, each value beside its evidence."""
    header = Text.assemble(("Source: ", "bold"), facts.source or "(text)", "   ",
                           ("Reference date: ", "bold"), facts.reference_date or "none")

    dates = Table(title="Dates", title_justify="left", expand=True)
    for col in ("Value", "Precision", "Evidence", "Offset"):
        dates.add_column(col)
    for d in facts.dates:
        dates.add_row(d.value, d.precision, d.text, f"{d.start}-{d.end}")

    countries = Table(title="Countries", title_justify="left", expand=True)
    for col in ("Code", "Name", "Evidence"):
        countries.add_column(col)
    for c in facts.countries:
        countries.add_row(c.code, c.name, ", ".join(dict.fromkeys(m.text for m in c.mentions)))

    troops = Table(title="Troop counts", title_justify="left", expand=True)
    for col in ("Count", "Country", "Qualifier", "Kind", "Evidence"):
        troops.add_column(col)
    for t in facts.troops:
        troops.add_row(f"{t.count:,}".replace(",", " "), t.country or "-", t.qualifier, t.kind,
                       t.text)

    leaders = Table(title="Leaders", title_justify="left", expand=True)
    for col in ("Name", "Title", "Country", "Former", "Evidence"):
        leaders.add_column(col)
    for lead in facts.leaders:
        leaders.add_row(lead.name, lead.title or "-", lead.country or "-",
                        "yes" if lead.former else "no",
                        ", ".join(dict.fromkeys(m.text for m in lead.mentions)))
    return Group(header, dates, countries, troops, leaders)


def score_table(report: Report) -> Group:
    """Precision, recall and F1 per fact kind, and the leaders' attribute accuracy."""
    table = Table(title=f"Accuracy on {report.articles} articles", title_justify="left")
    for col in ("Kind", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="left" if col == "Kind" else "right")
    for kind in KINDS:
        s = report.scores[kind]
        table.add_row(kind, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.tp),
                      str(s.fp), str(s.fn))
    attrs = report.as_dict()["leader_attributes"]
    footer = Text(f"leaders matched {attrs['matched']}: country {attrs['country_acc']:.3f}, "
                  f"former {attrs['former_acc']:.3f}")
    return Group(table, footer)
