"""The leader extractor: each decision in its module, run in order over one doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..countries import CountryMention, CountryResolver
from ..models import LeaderFact
from .context import DocContext, Lexicon
from .former import Former
from .knowledge import KnowledgeBase, knowledge_base
from .merge import Merger
from .names import Names
from .roles import Roles
from .state import States
from .titles import Titles


class LeaderExtractor:
    """Find leaders in a `Doc`, given its country mentions."""

    def __init__(self, nlp: Language, knowledge: KnowledgeBase | None = None,
                 countries: CountryResolver | None = None) -> None:
        """`countries`: the resolver of the component, shared (built here when None)."""
        self._knowledge = knowledge  # the shipped base, read on first use, when None
        self.lex = lex = Lexicon()
        self.names = Names(lex)
        self.titles = Titles(nlp, lex, self.names)
        self.state = States(nlp, lex, self.titles, countries)
        self.roles = Roles(lex, self.titles, self.state, Former(lex))
        self.merging = Merger(lex, self.names)

    def __call__(self, doc: Doc, mentions: list[CountryMention], body_start: int = 0,
                 reference: str | None = None) -> list[LeaderFact]:
        ctx = DocContext(doc, mentions, body_start, self.lex, reference, self.knowledge())
        self.titles.find_titles(ctx)
        people = [self.roles.person(ctx, s, e) for s, e in self.names.candidates(ctx)]
        for person in people:
            person.known = self.names.known(ctx, person.start, person.end)
        self.roles.coordinate(ctx, people)
        consumed = self.roles.consumed(ctx, people)
        for person in people:
            self.roles.describe(ctx, person, people, consumed)
        self.roles.untitled_leaders(ctx, people, consumed)
        places = {i for p in people if p.place is not None and p.status in ("leader", "rank")
                  for i in range(p.place.start, p.place.end)}
        focus = self.state.focus(ctx, consumed | places)
        for person in people:
            if person.strength == 0:
                person.country = focus
        return self.merging.merge(ctx, people)

    def knowledge(self) -> KnowledgeBase:
        """The officeholders base: the one given, else the shipped one (read once)."""
        if self._knowledge is None:
            self._knowledge = knowledge_base()
        return self._knowledge
