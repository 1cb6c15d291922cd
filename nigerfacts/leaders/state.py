"""The state a leader serves, from the cues listed in `States.country` in their order."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.language import Language

from ..countries import CountryMention, CountryResolver
from ..text import data_lines, fold
from .context import (
    DE,
    DETERMINERS,
    FIRST_MENTION,
    LOCATIVE,
    PEERS,
    POSSESSIVES,
    DocContext,
    Lexicon,
    Person,
    Title,
    contains,
)
from .titles import Titles


class States:
    """Decide each person's state."""

    def __init__(self, nlp: Language, lex: Lexicon, titles: Titles,
                 countries: CountryResolver | None = None) -> None:
        self.lex = lex
        self.titles = titles
        self.countries = countries or CountryResolver(nlp)

    def country(self, ctx: DocContext, person: Person, people: list[Person], peer: Title | None,
                referent: Title | None, consumed: set[int]) -> tuple[str | None, int, str]:
        """The person's state, its strength (3 said, 2 implied, 1 from the setting, 0 unknown:
        the article's) and the cue that gave it. The cues, in their order of precedence:
        `title` (the title's phrase: `président du Niger`, `ministre nigérien`), `predecessor`
        (the role a `prédécesseur` refers to), `body` (`les FSR du général X`), `knowledge`
        (the officeholders base: the office held at the reference date), `possessive` (`son
        ministre`), `nationality` (`le Gambien X`), `counterpart` (another state, not said),
        `state_title` (`ministre des Armées`: France's only), `setting` (`Au Mali, ...`),
        `government` (the leader named just before), and last `article`."""
        chain = person.chain
        roles = [t for t in chain if t.role == "leader" or (t.role == "rank" and t.complement)]
        roles += [t for t in chain if t.role == "rank" and not t.complement]
        roles += [t for t in chain if t.role in PEERS]
        for title in roles:
            found, code = self.role_country(ctx, title, person.index)
            if found:
                return code, 3, "title"
        if peer is not None and peer.role != "counterpart" and referent is not None:
            owner = next((p for p in people if p.strength >= 0
                          and any(t is referent for t in p.chain)), None)
            if owner is not None:
                return owner.country, owner.strength, "predecessor"
            found, code = self.role_country(ctx, referent)
            if found:
                return code, 3, "predecessor"
            named = [p for p in people if p.start < referent.start and p.strength > 0
                     and p.status == "leader"]  # `le nouveau chef de l'État`: the last one named
            if named:
                return named[-1].country, named[-1].strength, "predecessor"
        found, code = self.body_led(ctx, person)
        if found:
            return code, 3, "body"
        office = None
        if person.known is not None:
            office = person.known.office_for(ctx.reference, person.title)
        if office is not None:  # a setting that agrees is the person's, not the article's
            code, place = self.setting(ctx, person.first, consumed)
            person.place = place if code == office.state else None
            return office.state, 3, "knowledge"
        owner = self.possessor(ctx, person, people)
        if owner is not None:
            return owner.country, owner.strength, "possessive"
        if person.nationality is not None:
            return person.nationality, 2, "nationality"
        if peer is not None and peer.role == "counterpart":
            return None, 1, "counterpart"
        for title in roles:
            code = self.lex.state_titles.get(fold(self.titles.text(ctx, title, person.index)))
            if code is not None:
                return code, 2, "state_title"
        code, person.place = self.setting(ctx, person.first, consumed)
        if code is not None:
            return code, 1, "setting"
        if any(t.role == "leader" for t in roles):
            code = self.government(ctx, person, people)
        return code, 0 if code is None else 1, "article" if code is None else "government"

    @staticmethod
    def government(ctx: DocContext, person: Person, people: list[Person]) -> str | None:
        """The state of the leader named in the sentence before, same paragraph, for a
        minister whose own sentences name no one state: `le président Félix Tshisekedi a
        dénoncé ... de Kigali. La ministre des Affaires étrangères, X, a réclamé ...`."""
        start, _ = ctx.sentence(person.first)
        if start == 0:
            return None
        previous, _ = ctx.sentence(start - 1)
        if ctx.paragraph(previous) != ctx.paragraph(start):
            return None
        named = [p for p in people if previous <= p.start < start and p.strength >= 1
                 and p.status == "leader" and p.country is not None]
        return named[-1].country if named else None

    def possessor(self, ctx: DocContext, person: Person, people: list[Person]) -> Person | None:
        """`Joe Biden et son secrétaire d'État Antony Blinken`: the leader `son` refers to."""
        tokens = ctx.tokens
        if not any(fold(tokens[j].text) in POSSESSIVES for t in person.left
                   for j in range(ctx.prefix_start(t.start), t.start)):
            return None
        start, _ = ctx.sentence(person.first)
        return next((p for p in reversed(people) if start <= p.start < person.first
                     and p.status in ("leader", "rank") and p.strength >= 2), None)

    def role_country(self, ctx: DocContext, title: Title,
                     index: int = 0) -> tuple[bool, str | None]:
        """The state of a role from its phrase: (found, alpha-3 or None for a stateless body).
        The index-th name after `les présidents malien et burkinabè` takes the index-th state."""
        found, code = self.phrase_country(ctx, title.start, title.inner)
        if found and title.plural:
            states = list(dict.fromkeys(ctx.country_at[i].code
                                        for i in range(title.head_end, title.inner)
                                        if i in ctx.country_at))
            code = states[min(index, len(states) - 1)] if states else code
        return found, code

    def body_led(self, ctx: DocContext, person: Person) -> tuple[bool, str | None]:
        """The state of the body a person leads when it is named around the title: `les FSR du
        général X`, `l'armée soudanaise, dirigée par le général X`."""
        tokens = ctx.tokens
        start, _ = ctx.sentence(person.first)
        p = ctx.prefix_start(person.first) - 1
        if p <= start:
            return False, None
        if fold(tokens[p].text) in DE:
            j = p - 1
            while j >= start and not (fold(tokens[j].text) in DETERMINERS | DE
                                      or tokens[j].is_punct or tokens[j].pos_ == "ADP"):
                j -= 1
            return self.phrase_country(ctx, j + 1, p) if j + 1 < p else (False, None)
        verb = tokens[p - 1]
        if fold(tokens[p].text) == "par" and verb in self.lex.lead_verbs and verb.dep_ == "acl" \
                and verb.head.i < verb.i:
            return self.phrase_country(ctx, verb.head.left_edge.i, verb.i)
        return False, None

    def phrase_country(self, ctx: DocContext, start: int, end: int) -> tuple[bool, str | None]:
        """The state a phrase names: (found, alpha-3 or None for a stateless body)."""
        doc, tokens = ctx.doc, ctx.tokens
        phrase = doc[start:end]
        text = fold(phrase.text)
        for name, code in state_forces().items():
            if contains(text, frozenset({name})):
                return True, code
        rotating = "en exercice" in text  # a head of state chairing a body keeps his state
        stateless = contains(text, self.lex.international) or contains(text, self.lex.armed)
        if not rotating and stateless:
            return True, None
        codes = [ctx.country_at[i].code for i in range(start, end) if i in ctx.country_at]
        if not codes:  # the resolver skips states inside a PER entity that swallowed the title
            for match_id, s, _ in sorted(self.countries.matcher(phrase), key=lambda m: m[1]):
                code, kind = doc.vocab.strings[match_id].split("|")
                if kind == "demonym" or tokens[s].text[0].isupper():
                    codes.append(code)
        if codes:
            return True, codes[0]
        if contains(text, self.lex.generic_bodies):  # le commandant de la force, sans État nommé
            return True, None
        return False, None

    def setting(self, ctx: DocContext, first: int,
                 consumed: set[int]) -> tuple[str | None, CountryMention | None]:
        """The state the sentence is about before the person, and the mention that says it: a
        place (`Au Mali, le général ...`), else its first state; or a previous sentence of the
        paragraph naming one state."""
        start, _ = ctx.sentence(first)
        before = [m for m in ctx.mentions if start <= m.start and m.end <= first
                  and m.start not in consumed]
        places = [m for m in before if self.locative(ctx, m, start)]
        if places or before:
            mention = places[-1] if places else before[0]
            return mention.code, mention
        if start == 0:
            return None, None
        previous, _ = ctx.sentence(start - 1)
        if ctx.paragraph(previous) != ctx.paragraph(start):
            return None, None
        codes = {m.code for m in ctx.mentions if previous <= m.start < start
                 and m.start not in consumed}
        if len(codes) == 1:
            return codes.pop(), None
        return self.paragraph_place(ctx, start), None

    def paragraph_place(self, ctx: DocContext, start: int) -> str | None:
        """The place a paragraph opens with (`En France, le président ...`): the setting of
        its later sentences too."""
        first = start
        while first > 0 and ctx.paragraph(first - 1) == ctx.paragraph(start):
            first = ctx.sentence(first - 1)[0]
        opening = next((m for m in ctx.mentions if m.start >= first), None)
        if opening is None or opening.start - first > 2 or opening.start >= start:
            return None
        return opening.code if self.locative(ctx, opening, first) else None

    @staticmethod
    def locative(ctx: DocContext, mention: CountryMention, start: int) -> bool:
        """`au Mali`, `à Tripoli`, `pour le Burkina Faso`: a state or capital as a place."""
        if mention.kind not in ("name", "capital"):
            return False
        j = mention.start - 1
        while j >= start and fold(ctx.tokens[j].text) in DETERMINERS:
            j -= 1
        return j >= start and fold(ctx.tokens[j].text) in LOCATIVE

    def focus(self, ctx: DocContext, consumed: set[int]) -> str | None:
        """The state the article is most about: its mentions not used by a person, where the
        story takes place (`au Tchad`, `à N'Djamena`) and the first state named (not by an
        adjective, `soldats américains`, unless of an institution: `gouvernement béninois`)
        counting more."""
        free = [m for m in ctx.mentions if m.start not in consumed]
        if not free:
            return None
        score = Counter(m.code for m in free)
        score.update(m.code for m in free if self.locative(ctx, m, 0))
        places = [m for m in free if m.kind != "demonym" or (
            m.start and fold(ctx.texts[m.start - 1]) in self.lex.state_nouns)] or free
        score[places[0].code] += FIRST_MENTION
        return max(score, key=lambda c: (score[c], -min(m.start for m in free if m.code == c)))


@lru_cache(maxsize=1)
def state_forces() -> dict[str, str]:
    """Folded name of a PMC or state force -> alpha-3 of its state."""
    rows = (line.split("\t") for line in data_lines("pmcs.tsv"))
    return {fold(row[0]): row[1] for row in rows}
