"""The HTML report: one self-contained page for one or more articles.

An index of the articles with their number of facts, then one section per article: the
text with every fact mention highlighted beside the tables of facts. A highlight links to
its row, a row's evidence to its highlights. Two columns on a wide screen, one on a phone.
No script and no network resource: the page can be mailed or archived as it is.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .dateline import parse_dateline
from .models import Facts
from .timeline import short_names
from .views import KINDS, NONE, VIEWS, header, rows, why_label

COLOURS = {"dates": "#fde68a", "countries": "#bfdbfe", "troops": "#fecaca",
           "leaders": "#bbf7d0"}
# Below this width the text and the tables stack in one column.
NARROW = "800px"
STYLE = f"""
*{{box-sizing:border-box}}
body{{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2937;overflow-wrap:break-word}}
header{{padding:12px 20px;background:#111827;color:#f9fafb}}
header .nf{{margin-right:4px}}
nav,section{{padding:12px 20px}}
section{{border-top:3px solid #e5e7eb}}
h1{{font-size:18px;margin:0 0 4px}} h2{{font-size:17px;margin:0 0 4px}}
h3{{font-size:14px;margin:14px 0 4px}} aside h3:first-child{{margin-top:0}}
.scroll{{overflow-x:auto}}
.columns{{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px}}
.text{{white-space:pre-wrap}} .facts{{font-size:13px}}
.meta{{color:#4b5563;margin:0 0 8px}} .empty{{color:#6b7280;margin:2px 0}}
.nf{{padding:1px 3px;border-radius:3px;color:#111827;text-decoration:none}}
{"".join(f".nf-{k}{{background:{c}}}" for k, c in COLOURS.items())}
table{{border-collapse:collapse;width:100%;margin-bottom:8px}}
td,th{{border:1px solid #d1d5db;padding:3px 6px;text-align:left;vertical-align:top}}
tr:target,.anchor:target+a .nf{{outline:2px solid #2563eb;background:#eff6ff}}
[id]{{scroll-margin-top:12px}}
@media (max-width:{NARROW}){{.columns{{grid-template-columns:minmax(0,1fr)}}
nav,section,header{{padding:10px 12px}}
table,tbody,tr,td{{display:block}} thead{{display:none}}
tr{{border:1px solid #d1d5db;border-radius:4px;margin-bottom:6px;padding:2px 0}}
td{{border:0;padding:1px 8px}} td::before{{content:attr(data-label) ": ";font-weight:600}}}}
"""


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str
    row: int
    note: str


def _marks(facts: Facts, text: str, kinds: Sequence[str]) -> list[_Mark]:
    marks = []
    for kind in kinds:
        labels = header(kind, facts)[:-1]
        for n, row in enumerate(rows(kind, facts, text)):
            note = f"{VIEWS[kind].label}: " + ", ".join(
                f"{label} {cell}" for label, cell in zip(labels, row.cells, strict=False)
                if cell != NONE)
            if kind == "troops" and (why := getattr(facts, kind)[n].why) is not None:
                note += f" (why: {why_label(why)})"  # the cues behind the count, in its tooltip
            marks += [_Mark(start, end, kind, n, note) for start, end in row.spans]
    return marks


def highlighted(text: str, facts: Facts, kinds: Sequence[str] = KINDS, prefix: str = "a1") -> str:
    """The article after its dateline as HTML: every fact mention a link to its row, marked
    by kind (the innermost wins), with an anchor at each mention's start."""
    body = parse_dateline(text).body_start
    marks = [m for m in _marks(facts, text, kinds) if m.start >= body]
    cuts = sorted({body, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starts = {m.start for m in marks}
    out = []
    for a, b in pairwise(cuts):
        if a in starts:
            out.append(f'<span class="anchor" id="{prefix}-t{a}"></span>')
        piece = html.escape(text[a:b])
        covering = [m for m in marks if m.start <= a and b <= m.end]
        if not covering:
            out.append(piece)
            continue
        mark = min(covering, key=lambda m: m.end - m.start)
        notes = "; ".join(dict.fromkeys(m.note for m in covering))
        out.append(f'<a href="#{prefix}-{mark.kind}-{mark.row}"><mark class="nf nf-{mark.kind}" '
                   f'data-kind="{mark.kind}" title="{html.escape(notes)}">{piece}</mark></a>')
    return "".join(out)


def _table(kind: str, facts: Facts, text: str, prefix: str) -> str:
    view = VIEWS[kind]
    found = rows(kind, facts, text)
    if not found:
        return f'<h3>{view.title}</h3><p class="empty">{view.empty}</p>'
    labels = header(kind, facts)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in labels)
    body = []
    for n, row in enumerate(found):
        cells = "".join(f'<td data-label="{html.escape(label)}">{html.escape(c)}</td>'
                        for label, c in zip(labels[:-1], row.cells[:-1], strict=True))
        by_text: dict[str, list[int]] = {}
        for start, end in row.spans:
            by_text.setdefault(" ".join(text[start:end].split()), []).append(start)
        links = ", ".join(
            f'<a href="#{prefix}-t{starts[0]}">{html.escape(said)}</a>'
            + (f" ×{len(starts)}" if len(starts) > 1 else "") for said, starts in by_text.items())
        if len(row.spans) == 1 and kind == "troops":  # the phrase around, the count linked
            links = f'<a href="#{prefix}-t{row.spans[0][0]}">{html.escape(row.cells[-1])}</a>'
        body.append(f'<tr id="{prefix}-{kind}-{n}">{cells}<td data-label="{labels[-1]}">'
                    f"{links}</td></tr>")
    return (f'<h3>{view.title} ({len(found)})</h3><div class="scroll"><table><thead><tr>'
            f"{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>")


def _section(n: int, text: str, facts: Facts, kinds: Sequence[str], name: str) -> str:
    prefix = f"a{n}"
    reference = html.escape(facts.reference_date or "none (dates without a year stay "
                            "--MM-DD; give --date)")
    tables = "".join(_table(k, facts, text, prefix) for k in kinds)
    return (f'<section id="{prefix}"><h2 title="{html.escape(facts.source or "")}">'
            f"{html.escape(name)}</h2>"
            f'<p class="meta">Reference date: {reference}</p>'
            f'<div class="columns"><article class="text" lang="fr">'
            f"{highlighted(text, facts, kinds, prefix)}</article>"
            f'<aside class="facts">{tables}</aside></div></section>')


def _index(articles: Sequence[tuple[str, Facts]], kinds: Sequence[str], names: list[str]
           ) -> str:
    body = "".join(
        f'<tr><td data-label="Article"><a href="#a{n}" title="{html.escape(facts.source or "")}">'
        f"{html.escape(names[n - 1])}</a></td>"
        f'<td data-label="Reference date">{html.escape(facts.reference_date or NONE)}</td>'
        '<td data-label="Facts">' + ", ".join(
            f"{len(getattr(facts, k))} {VIEWS[k].title.lower()}" for k in kinds) + "</td></tr>"
        for n, (_, facts) in enumerate(articles, 1))
    return (f'<nav id="index"><h2>Articles ({len(articles)})</h2><div class="scroll"><table>'
            "<thead><tr><th>Article</th><th>Reference date</th><th>Facts</th></tr></thead>"
            f"<tbody>{body}</tbody></table></div></nav>")


def html_report(articles: Sequence[tuple[str, Facts]], kinds: Sequence[str] = KINDS) -> str:
    """A self-contained page of (text, facts) pairs: an index when there are several, then
    a section per article."""
    legend = "".join(f'<span class="nf nf-{k}">{VIEWS[k].title}</span>' for k in kinds)
    one = len(articles) == 1
    title = html.escape(articles[0][1].source or "article") if one else (
        f"{len(articles)} articles")
    sources = [facts.source or f"article {n}" for n, (_, facts) in enumerate(articles, 1)]
    short = short_names(sources)
    names = [short[s] for s in sources]
    sections = "".join(_section(n, text, facts, kinds, names[n - 1])
                       for n, (text, facts) in enumerate(articles, 1))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nigerfacts: {title}</title><style>{STYLE}</style></head><body>
<header><h1>nigerfacts: {title}</h1>{legend}</header>
{"" if one else _index(articles, kinds, names)}{sections}
</body></html>
"""
