"""The `nigerfacts` spaCy pipeline component: one code path for the API, the CLI and spaCy users.

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("nigerfacts")
    doc = nlp(text)
    doc._.facts          # nigerfacts.models.Facts

Set `doc._.reference_date` before the component runs to override the dateline.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .countries import CountryResolver, country_facts
from .dateline import parse_dateline
from .dates import extract_dates, find_dates
from .leaders import LeaderExtractor
from .models import Facts
from .troops import TroopExtractor

ALL_KINDS = ("dates", "countries", "troops", "leaders")



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
    default_config={"kinds": list(ALL_KINDS)},
    requires=["doc.ents", "token.dep", "token.pos"],
    assigns=["doc._.facts", "doc._.nigerfacts"],
)
def make_nigerfacts(nlp: Language, name: str, kinds: list[str]) -> NigerFacts:
    """Factory registered with spaCy (and exposed through the `spacy_factories` entry point)."""
    return NigerFacts(nlp, name, kinds)


class NigerFacts:
    """Extract dates, countries, troop counts and leaders into `doc._.facts`."""

    def __init__(self, nlp: Language, name: str = "nigerfacts",
                 kinds: list[str] | tuple[str, ...] = ALL_KINDS) -> None:
        unknown = set(kinds) - set(ALL_KINDS)
        if unknown:
            raise ValueError(f"nigerfacts: unknown fact kinds {sorted(unknown)}; "
                             f"choose from {list(ALL_KINDS)}")
        self.name = name
        self.kinds = tuple(kinds)
        self.countries = CountryResolver(nlp)
        self.troops = TroopExtractor(nlp)
        self.leaders = LeaderExtractor(nlp)

    def __call__(self, doc: Doc) -> Doc:
        dateline = parse_dateline(doc.text)
        reference = doc._.reference_date or dateline.reference_date
        mentions = self.countries(doc, dateline.body_start)
        facts = Facts(reference_date=reference)
        if "dates" in self.kinds:
            facts.dates = extract_dates(doc, reference, dateline.body_start)
        if "countries" in self.kinds:
            facts.countries = country_facts(doc, mentions)
        if "troops" in self.kinds:
            dated = [(d.start, d.end) for d in find_dates(doc, dateline.body_start)]
            facts.troops = self.troops(doc, mentions, dateline.body_start, dated)
        if "leaders" in self.kinds:
            facts.leaders = self.leaders(doc, mentions, dateline.body_start)
        doc._.nigerfacts = facts.model_dump(mode="json")
        return doc
