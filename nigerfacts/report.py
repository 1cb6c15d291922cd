"""Views for people beyond the terminal tables: a self-contained HTML report and a timeline."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from itertools import pairwise

from .dateline import parse_dateline
from .models import Facts

LABELS = {"DATE": "Date", "COUNTRY": "Pays", "TROOPS": "Effectifs", "LEADER": "Dirigeant"}
COLOURS = {"DATE": "#fde68a", "COUNTRY": "#bfdbfe", "TROOPS": "#fecaca", "LEADER": "#bbf7d0"}
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    label: str
    note: str


def _marks(facts: Facts) -> list[_Mark]:
    marks = [_Mark(m.start, m.end, "DATE", d.value) for d in facts.dates for m in d.mentions]
    marks += [_Mark(m.start, m.end, "COUNTRY", c.code) for c in facts.countries
              for m in c.mentions]
    marks += [_Mark(t.start, t.end, "TROOPS", f"{t.count} {t.country or '?'} {t.kind}")
              for t in facts.troops]
    marks += [_Mark(m.start, m.end, "LEADER", f"{lead.title or ''} ({lead.country or '?'})")
              for lead in facts.leaders for m in lead.mentions]
    return marks


def highlighted(text: str, facts: Facts) -> str:
    """The article as HTML, every fact mention in a <mark> of its kind (innermost wins)."""
    marks = _marks(facts)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for a, b in pairwise(cuts):
        piece = html.escape(text[a:b])
        covering = [m for m in marks if m.start <= a and b <= m.end]
        if not covering:
            out.append(piece)
            continue
        mark = min(covering, key=lambda m: m.end - m.start)
        notes = "; ".join(f"{LABELS[m.label]}: {m.note}" for m in covering)
        out.append(f'<mark class="nf nf-{mark.label.lower()}" data-label="{mark.label}" '
                   f'title="{html.escape(notes)}">{piece}</mark>')
    return "".join(out)


def _table(title: str, header: tuple[str, ...], rows: list[tuple[object, ...]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>"
                   for row in rows) or f'<tr><td colspan="{len(header)}">—</td></tr>'
    return f"<h2>{html.escape(title)}</h2><table><tr>{head}</tr>{body}</table>"


def html_report(text: str, facts: Facts) -> str:
    """A self-contained page (no network resource): the highlighted article and four tables."""
    legend = "".join(f'<span class="nf nf-{k.lower()}">{v}</span> ' for k, v in LABELS.items())
    tables = [
        _table("Dates", ("Valeur", "Précision", "Texte"),
               [(d.value, d.precision, d.text) for d in facts.dates]),
        _table("Pays", ("Code", "Nom", "Mentions"),
               [(c.code, c.name, ", ".join(dict.fromkeys(m.text for m in c.mentions)))
                for c in facts.countries]),
        _table("Effectifs militaires", ("Nombre", "Pays", "Qualificatif", "Nature", "Texte"),
               [(t.count, t.country or "—", t.qualifier, t.kind, t.text) for t in facts.troops]),
        _table("Dirigeants", ("Nom", "Titre", "Pays", "Ancien"),
               [(lead.name, lead.title or "—", lead.country or "—",
                 "oui" if lead.former else "non") for lead in facts.leaders]),
    ]
    colours = "".join(f".nf-{k.lower()}{{background:{c}}}" for k, c in COLOURS.items())
    title = html.escape(facts.source or "article")
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>nigerfacts — {title}</title>
<style>
body{{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2937}}
header{{padding:12px 20px;background:#111827;color:#f9fafb}}
main{{display:flex;gap:24px;padding:20px}}
article{{flex:3;white-space:pre-wrap}} aside{{flex:2;font-size:13px}}
.nf{{padding:1px 3px;border-radius:3px;color:#111827}} {colours}
table{{border-collapse:collapse;width:100%;margin-bottom:12px}}
td,th{{border:1px solid #d1d5db;padding:3px 6px;text-align:left;vertical-align:top}}
h2{{font-size:15px;margin:12px 0 4px}}
</style></head><body>
<header><strong>nigerfacts</strong> — {title} — date de référence :
{html.escape(facts.reference_date or "aucune")} — {legend}</header>
<main><article>{highlighted(text, facts)}</article><aside>{"".join(tables)}</aside></main>
</body></html>
"""


@dataclass(frozen=True)
class TimelineEntry:
    """One dated mention and the sentence it comes from."""

    value: str
    precision: str
    text: str
    sentence: str
    source: str | None
    start: int
    end: int


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], without the dateline."""
    body = parse_dateline(text).body_start
    left = max([body, *(m.end() for m in _SENTENCE_END.finditer(text, body, start))])
    right = _SENTENCE_END.search(text, end)
    stop = right.end() if right else len(text)
    return " ".join(text[left:stop].split())


def timeline(items: list[tuple[str, Facts]]) -> list[TimelineEntry]:
    """Every dated mention of the given (text, facts), in calendar order."""
    entries = [
        TimelineEntry(d.value, d.precision, m.text, sentence_around(text, m.start, m.end),
                      facts.source, m.start, m.end)
        for text, facts in items for d in facts.dates for m in d.mentions
    ]
    return sorted(entries, key=lambda e: (e.value.startswith("-"), e.value, e.source or "",
                                          e.start))
