"""Scoring extracted facts against gold annotations (the format of the project's samples).

A gold directory holds `articles/<id>.txt` and `gold/<id>.json`. Facts are compared as
sets per article and micro-averaged: dates by ISO value, countries by code, troops by
(count, country) and by count alone, leaders by name (accent- and case-blind; one name's
words contain the other's and both end with the same word), with how often a matched
leader's country and `former` are right, and a matched troop count's `location`, `as_of`
and `mission` (the mission accent- and case-blind), each where the gold record has it.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS = ("dates", "countries", "troops", "troops_count", "leaders")
MAIN_KINDS = ("dates", "countries", "troops", "leaders")
TROOP_FIELDS = ("location", "as_of", "mission")


@dataclass
class Score:
    """Counts of one fact kind, and the figures derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores of a whole directory, and each miss and false alarm."""

    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    leaders_matched: int = 0
    leader_country_ok: int = 0
    leader_former_ok: int = 0
    troop_fields: dict[str, list[int]] = field(
        default_factory=lambda: {f: [0, 0] for f in TROOP_FIELDS})  # field -> [right, scored]
    articles: int = 0
    details: list[tuple[str, str, str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        figures: dict[str, Any] = {
            kind: {"p": round(s.precision, 3), "r": round(s.recall, 3), "f1": round(s.f1, 3),
                   "tp": s.tp, "fp": s.fp, "fn": s.fn}
            for kind, s in self.scores.items()
        }
        n = self.leaders_matched or 1
        figures["leader_attributes"] = {
            "matched": self.leaders_matched,
            "country_acc": round(self.leader_country_ok / n, 3),
            "former_acc": round(self.leader_former_ok / n, 3),
        }
        figures["troop_attributes"] = {  # the fields some gold count gives
            name: {"n": n, "acc": round(ok / n, 3)}
            for name, (ok, n) in self.troop_fields.items() if n
        }
        figures["articles"] = self.articles
        return figures

    def lowest_f1(self) -> float:
        return min(self.scores[k].f1 for k in MAIN_KINDS)


def _name_words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    for mark in "-'’.,":
        text = text.replace(mark, " ")
    return text.split()


def same_person(a: str, b: str) -> bool:
    """`Tiani` matches `Abdourahamane Tiani`; `Mohamed Bazoum` does not match `Bazoum Mohamed`."""
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    return set(wa) <= set(wb) or set(wb) <= set(wa)


def _keys(record: dict[str, Any]) -> dict[str, set]:
    troops = [t for t in record.get("troops") or [] if isinstance(t.get("count"), int)]
    return {
        "dates": {d["value"] for d in record.get("dates") or [] if d.get("value")},
        "countries": {c if isinstance(c, str) else c.get("code")
                      for c in record.get("countries") or []} - {None, ""},
        "troops": {(t["count"], t.get("country")) for t in troops},
        "troops_count": {t["count"] for t in troops},
    }


def score_article(report: Report, doc_id: str, gold: dict[str, Any],
                  predicted: dict[str, Any]) -> None:
    """Add one article's counts (and its misses and false alarms) to the report."""
    report.articles += 1
    g, p = _keys(gold), _keys(predicted)
    for kind in ("dates", "countries", "troops", "troops_count"):
        s = report.scores[kind]
        s.tp += len(g[kind] & p[kind])
        s.fp += len(p[kind] - g[kind])
        s.fn += len(g[kind] - p[kind])
        report.details += [(doc_id, kind, "MISSED", str(x)) for x in sorted(g[kind] - p[kind],
                                                                            key=str)]
        report.details += [(doc_id, kind, "FALSE", str(x)) for x in sorted(p[kind] - g[kind],
                                                                           key=str)]
    free = [lead for lead in predicted.get("leaders") or [] if lead.get("name")]
    s = report.scores["leaders"]
    for gl in (lead for lead in gold.get("leaders") or [] if lead.get("name")):
        hit = next((pl for pl in free if same_person(gl["name"], pl["name"])), None)
        if hit is None:
            s.fn += 1
            report.details.append((doc_id, "leaders", "MISSED",
                                   f"{gl['name']} ({gl.get('country')})"))
            continue
        free.remove(hit)
        s.tp += 1
        report.leaders_matched += 1
        report.leader_country_ok += gl.get("country") == hit.get("country")
        report.leader_former_ok += bool(gl.get("former")) == bool(hit.get("former"))
        if gl.get("country") != hit.get("country"):
            report.details.append((doc_id, "leaders", "COUNTRY",
                                   f"{gl['name']}: gold {gl.get('country')} got "
                                   f"{hit.get('country')}"))
    s.fp += len(free)
    report.details += [(doc_id, "leaders", "FALSE", f"{x['name']} ({x.get('country')})")
                       for x in free]
    score_troop_fields(report, doc_id, gold, predicted)


def _same_field(name: str, gold: Any, predicted: Any) -> bool:
    if name == "mission":
        return _name_words(gold or "") == _name_words(predicted or "")
    return gold == predicted


def score_troop_fields(report: Report, doc_id: str, gold: dict[str, Any],
                       predicted: dict[str, Any]) -> None:
    """Each gold count matched by (count, country) to one predicted count: its `location`,
    `as_of` and `mission`, where the gold record gives the field."""
    free = [t for t in predicted.get("troops") or [] if isinstance(t.get("count"), int)]
    for g in gold.get("troops") or []:
        hit = next((t for t in free if (t["count"], t.get("country"))
                    == (g.get("count"), g.get("country"))), None)
        if hit is None:
            continue
        free.remove(hit)
        for name in TROOP_FIELDS:
            if name not in g:
                continue
            ok = _same_field(name, g[name], hit.get(name))
            tally = report.troop_fields[name]
            tally[0] += ok
            tally[1] += 1
            if not ok:
                report.details.append((doc_id, "troops", name.upper(),
                                       f"{g['count']} {g.get('country')}: gold {g[name]} "
                                       f"got {hit.get(name)}"))


def load_gold(directory: Path) -> dict[str, dict[str, Any]]:
    """Gold records by article id."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((directory / "gold").glob("*.json"))}


def load_predictions(text: str) -> dict[str, dict[str, Any]]:
    """Predictions (a JSON document, array or JSON Lines) by article id (the source's stem)."""
    try:
        data = json.loads(text)
        records = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
    return {Path(str(r.get("source", ""))).stem: r for r in records}


def evaluate(gold: dict[str, dict[str, Any]], predicted: dict[str, dict[str, Any]]) -> Report:
    """Score predictions against gold, article by article."""
    report = Report()
    for doc_id, record in sorted(gold.items()):
        score_article(report, doc_id, record, predicted.get(doc_id, {}))
    return report
