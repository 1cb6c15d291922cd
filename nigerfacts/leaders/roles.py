"""A person's roles: the titles before and after the name, appositions, relative clauses,
appointment verbs, coordination; whether the person leads."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from ..text import fold
from .context import (
    CLOSES_APPOSITION,
    DETERMINERS,
    LEADING,
    NOT_LEADER,
    PEERS,
    SENTENCES_TO_SPOKESPERSON,
    SUCCESSION_REACH,
    DocContext,
    Lexicon,
    Person,
    Title,
)
from .former import Former
from .state import States
from .titles import Titles


class Roles:
    """Attach titles to people and say who leads."""

    def __init__(self, lex: Lexicon, titles: Titles, state: States, former: Former) -> None:
        self.lex = lex
        self.former = former
        self.titles = titles
        self.state = state

    def person(self, ctx: DocContext, s: int, e: int) -> Person:
        person = Person(s, e)
        tokens = ctx.tokens
        sent_start, sent_end = ctx.sentence(s)
        i = s
        while i > sent_start and fold(tokens[i - 1].text) in self.lex.courtesy:
            i -= 1
        mention = ctx.country_at.get(i - 1)
        if mention is not None and mention.kind == "demonym" and mention.end == i \
                and tokens[mention.start].text[0].isupper():
            person.nationality = mention.code  # `le Gambien Omar Alieu Touray`
            i = mention.start
        adjacent = person.nationality is None
        closed = e >= len(tokens) or fold(tokens[e].text) in CLOSES_APPOSITION \
            or tokens[e].is_space
        listed = e < len(tokens) and fold(tokens[e].text) in (",", "et")
        while i > sent_start:
            title = None
            ending = [t for t in ctx.titles if t.end == i and t.start >= sent_start]
            if adjacent and ending:
                title = max(ending, key=lambda t: t.start)
            else:
                j = ctx.prefix_start(i)
                comma = j - 1
                ending = [t for t in ctx.titles if t.end == comma and t.start >= sent_start]
                if comma >= sent_start and tokens[comma].text == "," and ending and closed:
                    title = min(ending, key=lambda t: t.start)
                    if title.plural and not listed:
                        title = None
            if title is None or title.role == "kin":
                person.kin = title is not None
                break
            person.left.append(title)
            i = title.start
            adjacent = False
        person.right, person.appositive_past = self.right(ctx, e, sent_end)
        if not person.right:
            person.right = self.predicate(ctx, person)
        return person

    def predicate(self, ctx: DocContext, person: Person) -> list[Title]:
        """A title given by an appointment verb: `X a été nommé Premier ministre`, `a nommé X
        ministre de l'Intérieur`."""
        doc, tokens = ctx.doc, ctx.tokens
        before = ctx.prefix_start(person.first) - 1
        if before >= 0 and tokens[before] in self.lex.appointment_verbs:
            title = ctx.title_from.get(person.end)  # the object, then its title
            return [title] if title is not None else []
        verbs = {t.head for t in doc[person.start : person.end] if t.dep_.startswith("nsubj")}
        for verb in verbs:
            if verb in self.lex.appointment_verbs and verb.i > person.end:
                title = ctx.title_from.get(verb.i + 1)
                return [title] if title is not None else []
        return []

    def right(self, ctx: DocContext, e: int, limit: int) -> tuple[list[Title], bool]:
        """Appositive titles after the name, and whether a past participle follows it."""
        doc, tokens = ctx.doc, ctx.tokens
        titles: list[Title] = []
        title = ctx.title_from.get(e)
        if title is not None and title.entry == "à la tête":
            titles.append(title)
            e = title.end
        while e < limit and tokens[e].text == ",":
            k = e + 1
            while k < limit and k - e <= 3 and (fold(tokens[k].text) in DETERMINERS
                                                 or fold(tokens[k].text) in self.lex.former
                                                 or (tokens[k].is_lower
                                                     and tokens[k].pos_ == "ADJ")):
                k += 1
            if k >= limit:
                break
            title = ctx.title_from.get(k)
            if title is None and fold(tokens[k].text) == "qui":
                return self.relative(ctx, tokens[k], titles)
            if title is None or title.role == "kin":
                past = any(fold(t.text) in self.lex.former for t in doc[e + 1 : k])
                return titles, past and title is None
            titles.append(title)
            e = title.end
        return titles, False

    def relative(self, ctx: DocContext, who: Token,
                  titles: list[Title]) -> tuple[list[Title], bool]:
        """`X, qui a dirigé le Niger de 2011 à 2021,`: a role given by a verb (past when the verb
        is); `X, qui a été renversé,`: a role lost."""
        verb = who.head
        if verb in self.lex.former_verbs and who.dep_ == "nsubj:pass":
            return titles, True
        objects = [t for t in verb.children if t.dep_ == "obj"]
        if verb not in self.lex.lead_verbs or not objects:
            return titles, False
        end = objects[0].right_edge.i + 1
        if not self.state.phrase_country(ctx, objects[0].left_edge.i, end)[0]:
            return titles, False  # `qui a dirigé la délégation` is no leading role
        past = "Pres" not in verb.morph.get("Tense") or "Part" in verb.morph.get("VerbForm")
        titles.append(Title(verb.i, verb.i + 1, "leader", "", False, False, end=end, inner=end,
                             complement=True, former=past, verbal=True))
        return titles, False

    def coordinate(self, ctx: DocContext, people: list[Person]) -> None:
        """`les généraux X et Y`: a name after `et` or a comma shares a plural title."""
        tokens = ctx.tokens
        for prev, person in pairwise(people):
            link = tokens[prev.end] if prev.end < len(tokens) else None
            if person.left or link is None or person.start != prev.end + 1 \
                    or fold(link.text) not in ("et", ","):
                continue
            if prev.left and prev.left[0].plural:
                person.left = prev.left
                person.index = prev.index + 1

    def consumed(self, ctx: DocContext, people: list[Person]) -> set[int]:
        """Tokens whose country mention already serves a person's title or nationality."""
        tokens: set[int] = set()
        for person in people:
            for title in person.chain:
                tokens.update(range(title.start, title.end))
            if person.nationality is not None:
                tokens.update(range(person.first, person.start))
        return tokens

    def describe(self, ctx: DocContext, person: Person, people: list[Person],
                  consumed: set[int]) -> None:
        """Status, title, former and country (left unknown at strength 0 for the article's)."""
        chain = person.chain
        person.status, person.status_cue = self.status(ctx, person, people)
        person.former_cue = self.former.text_cue(ctx, person)
        person.former = person.former_cue is not None
        primary = next((t for t in person.left + person.right
                        if t.role in LEADING and not t.verbal), None)
        peer = next((t for t in chain if t.role in PEERS), None)
        referent = self.referent(ctx, peer, chain) if peer is not None else None
        if primary is not None:
            person.title = self.titles.text(ctx, primary, person.index)
        elif referent is not None:
            person.title = referent.entry
        person.country, person.strength, person.state_cue = self.state.country(
            ctx, person, people, peer, referent, consumed)

    def status(self, ctx: DocContext, person: Person,
               people: list[Person]) -> tuple[str | None, str | None]:
        """Whether the person leads (`leader`), has a rank only (`rank`) or another role
        (`non`), and the cue that says it. The cues, in their order of precedence: a leading
        title (`title`); a spokesperson's role (`title`); another role (`title`: `médiateur`,
        `envoyé`), unless the officeholders base has the person in a state's office at the
        reference date (`knowledge`: a sitting president as `médiateur`); a rank (`rank`),
        unless the source is a spokesperson; the base: an office held on or before the
        reference date (`knowledge`), unless a common noun describes the person as someone
        else (`le plombier Paul Martin`)."""
        roles = {t.role for t in person.chain}
        known = person.known
        if roles & (PEERS | {"leader"}):
            return "leader", "title"
        if roles & NOT_LEADER:
            if "spokesperson" not in roles and known is not None and ctx.reference is not None \
                    and any(o.state for o in known.in_office(ctx.reference)):
                return "leader", "knowledge"
            return "non", "title"
        if "rank" in roles:
            return ("non", "title") if self.spokesperson(ctx, person, people) else ("rank", "rank")
        if known is not None and not self.described(ctx, person):
            return "leader", "knowledge"
        return None, None

    @staticmethod
    def described(ctx: DocContext, person: Person) -> bool:
        """`le plombier Paul Martin`: a common noun that is no title describes the person, a
        namesake of any officeholder."""
        i = person.start
        if person.left or i < 2 or person.kin:
            return False
        noun = ctx.tokens[i - 1]
        return noun.is_lower and noun.pos_ == "NOUN" and i - 1 not in ctx.title_tokens \
            and fold(ctx.texts[i - 2]) in DETERMINERS

    def spokesperson(self, ctx: DocContext, person: Person, people: list[Person]) -> bool:
        """A rank-only source quoted near an unnamed spokesperson is that spokesperson."""
        doc, tokens = ctx.doc, ctx.tokens
        start = ctx.prefix_start(person.first)
        quoted = start > 0 and fold(tokens[start - 1].text) == "selon"
        quoted |= any(t.dep_ == "nsubj" and t.head in self.lex.speech_verbs
                      for t in doc[person.first : person.end])
        if not quoted:
            return False
        named = {id(t) for p in people for t in p.chain}
        here = ctx.sentence_index(person.start)
        return any(t.role == "spokesperson" and id(t) not in named
                   and abs(ctx.sentence_index(t.start) - here) <= SENTENCES_TO_SPOKESPERSON
                   for t in ctx.titles)

    @staticmethod
    def referent(ctx: DocContext, peer: Title, chain: list[Title]) -> Title | None:
        """The title a `prédécesseur` or `homologue` refers to: the nearest leading one before."""
        own = {id(t) for t in chain}
        return next((t for t in reversed(ctx.titles) if t.start < peer.start
                     and t.role in LEADING and id(t) not in own), None)

    def untitled_leaders(self, ctx: DocContext, people: list[Person], consumed: set[int]) -> None:
        """Leaders named with no title: in power (`X, au pouvoir depuis 2005`), or the
        predecessor of a titled person (`Naïm Qassem, qui a succédé en octobre 2024 à Hassan
        Nasrallah`: same title and state, former)."""
        for person in people:
            untitled = person.status is None
            if not untitled and person.status_cue != "knowledge":
                continue
            past = self.former.in_power(ctx, person)
            if past is not None:
                person.status = "leader"
                if untitled:
                    person.status_cue = "in_power"
                if person.former_cue is None:
                    person.former, person.former_cue = past, "in_power"
                if untitled:
                    person.country, person.place = self.state.setting(ctx, person.first,
                                                                      consumed)
                    person.strength = 0 if person.country is None else 1
                continue
            if not self.succeeded(ctx, person.first):
                continue
            start, _ = ctx.sentence(person.first)
            successor = next((p for p in reversed(people) if start <= p.start < person.start
                              and p.status == "leader"), None)
            if successor is not None:
                person.status, person.title = "leader", person.title or successor.title
                if untitled:
                    person.status_cue = "succession"
                if not person.former:
                    person.former, person.former_cue = True, "succession"
                if untitled:
                    person.country, person.strength = successor.country, successor.strength

    def succeeded(self, ctx: DocContext, first: int) -> bool:
        """A succession word shortly before a name: `succédé (en octobre 2024) à`,
        `en remplacement de`."""
        window = ctx.texts[max(0, first - SUCCESSION_REACH) : first]
        return bool(window) and fold(window[-1]) in {"a", "de", "d'"} and any(
            fold(w) in self.lex.succession for w in window)
