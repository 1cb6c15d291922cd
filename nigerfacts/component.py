"""The `nigerfacts` spaCy pipeline component: one code path for the API, the CLI and spaCy users.

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("nigerfacts")
    doc = nlp(text)
    doc._.facts          # nigerfacts.models.Facts

Settings (`config=`): `kinds`, the fact kinds to extract; `dateline`, whether a leading
` date YYYY-MM ` gives the reference date; `reference_date`, the date to use when a doc
has none (`doc._.reference_date`, set before the component runs, overrides both);
`officeholders`, a folder of officeholders TSV files to use instead of the shipped base
(`data/officeholders/`).
Every fact mention is also a span in `doc.spans["nigerfacts"]` (labels DATE, COUNTRY,
TROOPS, LEADER), for displaCy and other spaCy tools.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from .countries import CountryResolver, country_facts
from .dateline import Dateline, is_iso_date, parse_dateline
from .dates import date_facts, find_dates
from .leaders import LeaderExtractor
from .leaders.knowledge import KnowledgeBase
from .models import Facts
from .text import TEXT_KEY, TEXTS_KEY, TOKENS_KEY, doc_text
from .troop_record import TroopRecorder
from .troops import TroopExtractor

ALL_KINDS = ("dates", "countries", "troops", "leaders")
SPAN_KEY = "nigerfacts"



def _facts(doc: Doc) -> Facts | None:
    data = doc._.nigerfacts
    return None if data is None else Facts.model_validate(data)


# The facts are kept as plain JSON data so that docs survive `to_bytes` and the
# worker processes of `nlp.pipe(n_process=...)`; `doc._.facts` gives the models.
if not Doc.has_extension("nigerfacts"):
    Doc.set_extension("nigerfacts", default=None)
    Doc.set_extension("facts", getter=_facts)
    Doc.set_extension("reference_date", default=None)


@Language.factory(
    "nigerfacts",
    default_config={"kinds": list(ALL_KINDS), "dateline": True, "reference_date": None,
                    "officeholders": None},
    requires=["doc.ents", "token.dep", "token.pos"],
    assigns=["doc._.facts", "doc._.nigerfacts", "doc.spans"],
)
def make_nigerfacts(nlp: Language, name: str, kinds: list[str], dateline: bool,
                    reference_date: str | None, officeholders: str | None) -> NigerFacts:
    """Factory registered with spaCy (and exposed through the `spacy_factories` entry point)."""
    return NigerFacts(nlp, name, kinds, dateline=dateline, reference_date=reference_date,
                      officeholders=officeholders)


class NigerFacts:
    """Extract dates, countries, troop counts and leaders into `doc._.facts`."""

    def __init__(self, nlp: Language, name: str = "nigerfacts",
                 kinds: list[str] | tuple[str, ...] = ALL_KINDS, *, dateline: bool = True,
                 reference_date: str | None = None,
                 officeholders: str | Path | None = None) -> None:
        unknown = set(kinds) - set(ALL_KINDS)
        if unknown:
            raise ValueError(f"nigerfacts: unknown fact kinds {sorted(unknown)}; "
                             f"choose from {list(ALL_KINDS)}")
        if reference_date is not None and not is_iso_date(reference_date):
            raise ValueError(f"nigerfacts: reference_date '{reference_date}' is not "
                             "YYYY, YYYY-MM or YYYY-MM-DD")
        self.name = name
        self.kinds = tuple(kinds)
        self.use_dateline = dateline
        self.reference_date = reference_date
        self.countries = CountryResolver(nlp)
        self.troops = TroopExtractor(nlp)
        self.troop_record = TroopRecorder(nlp)
        knowledge = None if officeholders is None else KnowledgeBase.from_directory(officeholders)
        self.leaders = LeaderExtractor(nlp, knowledge, self.countries)

    def __call__(self, doc: Doc) -> Doc:
        # What every extractor reads, read once: spaCy builds these anew at each access.
        tokens = list(doc)
        texts = [t.text for t in tokens]
        doc.user_data[TOKENS_KEY] = tokens
        doc.user_data[TEXTS_KEY] = texts
        doc.user_data[TEXT_KEY] = "".join([x + t.whitespace_
                                           for x, t in zip(texts, tokens, strict=True)])
        try:
            return self._extract(doc)
        finally:
            del doc.user_data[TEXT_KEY], doc.user_data[TEXTS_KEY], doc.user_data[TOKENS_KEY]

    def _extract(self, doc: Doc) -> Doc:
        dateline = parse_dateline(doc_text(doc)) if self.use_dateline else Dateline(None, 0)
        reference = doc._.reference_date or dateline.reference_date or self.reference_date
        body = dateline.body_start
        mentions = self.countries(doc, body)
        found = find_dates(doc, body)
        facts = Facts(reference_date=reference)
        dates = date_facts(doc_text(doc), found, reference)
        if "dates" in self.kinds:
            facts.dates = dates
        if "countries" in self.kinds:
            facts.countries = country_facts(doc, mentions)
        if "troops" in self.kinds:
            troops = self.troops(doc, mentions, body, [(d.start, d.end) for d in found])
            facts.troops = self.troop_record(doc, troops, mentions, dates, reference, body)
        if "leaders" in self.kinds:
            facts.leaders = self.leaders(doc, mentions, body, reference)
        doc._.nigerfacts = facts.model_dump(mode="json")
        doc.spans[SPAN_KEY] = fact_spans(doc, facts)
        return doc


def fact_spans(doc: Doc, facts: Facts) -> list[Span]:
    """Every mention of every fact as a labelled span (DATE, COUNTRY, TROOPS, LEADER)."""
    located = [("DATE", m) for d in facts.dates for m in d.mentions]
    located += [("COUNTRY", m) for c in facts.countries for m in c.mentions]
    located += [("TROOPS", t) for t in facts.troops]
    located += [("LEADER", m) for lead in facts.leaders for m in lead.mentions]
    spans = []
    for label, m in located:
        span = doc.char_span(m.start, m.end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return sorted(spans, key=lambda s: (s.start, -s.end))
