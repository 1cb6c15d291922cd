"""The baseline a user would otherwise pick: spaCy's raw entities plus dateparser.

PER entities become leaders (no title, no country), LOC entities mapped through CLDR
French names become countries, `dateparser.search.search_dates` gives dates (relative to
the dateline, cut to the precision its matched text shows: a day number, a month name or
a year), and a regex over text2num's output gives troop counts.
Prints JSON Lines predictions for `nigerfacts eval DIR --pred FILE`:

    pip install dateparser
    python benchmarks/baseline.py samples > /tmp/baseline.jsonl
    nigerfacts eval samples --pred /tmp/baseline.jsonl
"""

from __future__ import annotations

import datetime
import json
import re
import sys
import warnings
from pathlib import Path

import spacy
from dateparser.search import search_dates
from text_to_num import alpha2digit

from nigerfacts.countries import gazetteer
from nigerfacts.dateline import parse_dateline
from nigerfacts.text import fold

TROOPS = re.compile(r"(\d[\d\s.]*)\s+(soldats|militaires|hommes|troupes|instructeurs)")


def cldr_names() -> dict[str, str]:
    """Folded CLDR/short names to codes: what mapping LOC entities through CLDR gives."""
    g = gazetteer()
    return {fold(name): code for code, kinds in g.forms.items() for name in kinds.get("name", ())}


def _at_text_precision(text: str, when: datetime.datetime) -> str:
    if re.search(r"\b([12]?\d|3[01]|1er)\b(?!\d)", re.sub(r"\d{4}", "", text)):
        return when.date().isoformat()
    if re.search(r"[a-zéû]{3,}", text.lower()) and not re.fullmatch(r"\D*\d{4}\D*", text):
        return when.strftime("%Y-%m")
    return str(when.year)


def predict(nlp: spacy.Language, path: Path, names: dict[str, str]) -> dict:
    text = path.read_text(encoding="utf-8")
    dateline = parse_dateline(text)
    body = text[dateline.body_start :]
    doc = nlp(body)
    countries = sorted({names[key] for ent in doc.ents if ent.label_ == "LOC"
                        if (key := fold(re.sub(r"^(l'|la |le |les )", "", ent.text, flags=re.I)))
                        in names})
    leaders = [{"name": ent.text, "title": None, "country": None, "former": False}
               for ent in doc.ents if ent.label_ == "PER"]
    settings = {}
    if dateline.reference_date:
        y, m, *d = (int(p) for p in dateline.reference_date.split("-"))
        settings["RELATIVE_BASE"] = datetime.datetime(y, m, d[0] if d else 15)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(body, languages=["fr"], settings=settings) or []
    dates = [{"text": t, "value": _at_text_precision(t, d)} for t, d in found]
    troops = []
    for m in TROOPS.finditer(alpha2digit(body, "fr")):
        digits = re.sub(r"\D", "", m.group(1))
        if digits:
            troops.append({"text": m.group(0), "count": int(digits), "country": None})
    return {"source": str(path), "dates": dates, "countries": countries, "troops": troops,
            "leaders": leaders}


def main(directory: str) -> None:
    nlp = spacy.load("fr_core_news_md")
    names = cldr_names()
    for path in sorted((Path(directory) / "articles").glob("*.txt")):
        print(json.dumps(predict(nlp, path, names), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "samples")
