"""`presence --format html`: one self-contained page, for each state and location the counts
over time as an inline SVG chart (no network, no script), each point a link to its sources.

A chart for strength, another for casualties (their scales differ by orders of magnitude).
x is time, by month, a record at its earliest as_of; y the count, from 0; a record whose
sources disagree within the margin has a vertical bar from its lowest figure to its highest.
Strength is a circle, casualties a square; each mission has its own colour.
Undated records are listed under the chart, not drawn.
"""

from __future__ import annotations

import math
from html import escape

from .models import PresenceRecord
from .presence import iter_records
from .presence_render import figure, place, when

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 20, 44
_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf")
_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ccc; }
svg { background: #fafafa; border: 1px solid #ddd; }
svg text { font-size: 12px; fill: #333; }
table { border-collapse: collapse; width: 100%; margin-top: .8em; font-size: .92em; }
td, th { border: 1px solid #ddd; padding: .3em .5em; vertical-align: top; text-align: left; }
tr:target { background: #fff3b0; }
td:nth-child(-n+2) { white-space: nowrap; }
ul.sources { margin: 0; padding-left: 1.1em; }
.legend span { margin-right: 1.2em; white-space: nowrap; }
.evidence { background: #fff3b0; }
"""


def _position(as_of: str) -> float:
    """Months since year 0, the day a fraction of its month: `2024-09-16` -> 24296.5."""
    day = int(as_of[8:10]) - 1 if len(as_of) >= 10 else 0
    return int(as_of[:4]) * 12 + (int(as_of[5:7]) - 1 if len(as_of) >= 7 else 0) + day / 31


def _month_label(index: int) -> str:
    return f"{index // 12}-{index % 12 + 1:02d}"


def nice_top(value: float) -> int:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above `value`: the y axis top."""
    power = 10 ** max(0, math.floor(math.log10(max(value, 1))))
    return int(next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value))


def _series(records: list[PresenceRecord]) -> dict[str, str]:
    names = dict.fromkeys(r.mission or "no mission" for r in records)
    return {name: _COLOURS[n % len(_COLOURS)] for n, name in enumerate(names)}


def chart(records: list[PresenceRecord], ids: dict[int, str], colours: dict[str, str]) -> str:
    """The SVG chart of dated records of one kind; every point links to `#<its id>`."""
    dated = [r for r in records if r.as_of_first is not None]
    if not dated:
        return ""
    months = [_position(r.as_of_first or "") for r in dated]
    first, last = math.floor(min(months)) - 1, math.floor(max(months)) + 2
    top = nice_top(max(r.high for r in dated) * 1.1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(month: int) -> float:
        return LEFT + plot_w * (month - first) / (last - first)

    def y(count: float) -> float:
        return TOP + plot_h * (1 - count / top)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img">',
             f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
             'stroke="#888"/>',
             f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#888"/>',
             f'<text x="{LEFT + 8}" y="{TOP + 12}" font-weight="bold">{dated[0].kind}</text>']
    for tick in (t for t in (0, top / 4, top / 2, top * 3 / 4, top) if t == int(t)):
        parts.append(f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">'
                     f'{round(tick):,}</text>'.replace(",", " "))
        parts.append(f'<line x1="{LEFT}" y1="{y(tick):.1f}" x2="{WIDTH - RIGHT}" '
                     f'y2="{y(tick):.1f}" stroke="#e4e4e4"/>')
    step = max(1, (last - first) // 8)
    for month in range(first + 1, last, step):
        parts.append(f'<line x1="{x(month):.1f}" y1="{TOP + plot_h}" x2="{x(month):.1f}" '
                     f'y2="{TOP + plot_h + 5}" stroke="#888"/>'
                     f'<text x="{x(month + 0.5):.1f}" y="{HEIGHT - BOTTOM + 18}" '
                     f'text-anchor="middle">{_month_label(month)}</text>')
    labels: list[tuple[float, float]] = []
    for record, month in zip(dated, months, strict=True):
        colour = colours[record.mission or "no mission"]
        cx, cy = x(month), y(record.count)
        ly = cy - 8
        while any(abs(lx - cx) < 60 and abs(other - ly) < 13 for lx, other in labels):
            ly += 14  # a label near another one's goes below it
        labels.append((cx, ly))
        label = escape(f"{figure(record)} {record.kind}, {when(record)}, "
                       f"{len(record.sources)} source(s)")
        mark = (f'<rect x="{cx - 5:.1f}" y="{cy - 5:.1f}" width="10" height="10" '
                f'fill="{colour}"/>' if record.kind == "casualties" else
                f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="6" fill="{colour}"/>')
        bar = (f'<line x1="{cx:.1f}" y1="{y(record.low):.1f}" x2="{cx:.1f}" '
               f'y2="{y(record.high):.1f}" stroke="{colour}" stroke-width="3"/>'
               if record.low != record.high else "")
        parts.append(f'<a href="#{ids[id(record)]}"><title>{label}</title>{bar}{mark}'
                     f'<text x="{cx + 9:.1f}" y="{ly:.1f}">{escape(figure(record))}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


def _row(record: PresenceRecord, anchor: str) -> str:
    sources = "".join(
        f"<li>{escape(s.source or '-')} ({escape(s.reference_date or 'no date')}): "
        f'<span class="evidence">{escape(s.text)}</span></li>' for s in record.sources)
    return (f'<tr id="{anchor}"><td>{escape(when(record))}</td><td>{escape(figure(record))}</td>'
            f"<td>{escape(record.mission or '-')}</td><td>{record.kind}</td>"
            f'<td><ul class="sources">{sources}</ul></td></tr>')


def presence_html(records: list[PresenceRecord], title: str = "Troop presence") -> str:
    """The whole page: a section per state and location, its chart, then its records."""
    body = [f"<h1>{escape(title)}</h1>",
            f"<p>{len(records)} deployment records from "
            f"{len({s.source for r in records for s in r.sources})} articles.</p>"]
    n = 0
    for (state, location), section in iter_records(records):
        ids = {}
        for record in section:
            n += 1
            ids[id(record)] = f"r{n}"
        colours = _series(section)
        legend = "".join(f'<span><svg width="12" height="12"><circle cx="6" cy="6" r="5" '
                         f'fill="{c}"/></svg> {escape(name)}</span>'
                         for name, c in colours.items())
        rows = "".join(_row(r, ids[id(r)]) for r in section)
        undated = sum(r.as_of_first is None for r in section)
        body.append(
            f"<section><h2>{escape(place(state, location))}</h2>"
            + "".join(chart([r for r in section if r.kind == kind], ids, colours)
                      for kind in ("strength", "casualties"))
            + f'<div class="legend">{legend} <span>● strength ■ casualties</span></div>'
            + (f"<p>{undated} undated record(s): in the table, not on the chart.</p>"
               if undated else "")
            + "<table><tr><th>As of</th><th>Count</th><th>Mission</th><th>Kind</th>"
            f"<th>Sources and evidence</th></tr>{rows}</table></section>")
    if not records:
        body.append("<p>No troop counts.</p>")
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
            + "".join(body) + "</body></html>\n")
