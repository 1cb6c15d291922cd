"""Merging mentions: one leader per person, its name the fullest form, its attributes those of
its best mention; later mentions spaCy missed (`Tiani a promis...`) added."""

from __future__ import annotations

from ..models import LeaderFact, Mention
from ..text import doc_text, fold
from .context import DocContext, Group, Lexicon, Person, last, name_words
from .knowledge import Officeholder
from .names import Names


class Merger:
    """Group a doc's people into leaders."""

    def __init__(self, lex: Lexicon, names: Names) -> None:
        self.lex = lex
        self.names = names

    def merge(self, ctx: DocContext, people: list[Person]) -> list[LeaderFact]:
        """One leader per person: mentions merged by name, attributes from the best mention."""
        doc, tokens = ctx.doc, ctx.tokens
        full = doc_text(doc)
        groups: list[Group] = []
        for person in people:
            text = doc[person.start : person.end].text
            words = name_words(text)
            group = next((g for g in reversed(groups) if self.same(g, words, person)), None)
            if group is None:
                groups.append(Group([person], words, last(text)))
            else:
                group.people.append(person)
                if len(words) > len(group.words):
                    group.words, group.last = words, last(text)
        self.remention(ctx, groups)
        groups = [g for g in groups if leads(g)]
        best = {id(g): max((p for p in g.people if p.status in ("leader", "rank")),
                           key=lambda p: (p.strength, p.state_cue != "knowledge"))
                for g in groups}
        leaders = []
        for group in groups:
            titled = [p for p in group.people if p.status in ("leader", "rank")]
            country = best[id(group)].country
            if best[id(group)].strength <= 1:  # a relative's state: `Son fils, Saddam Haftar`
                kin = [best[id(g)] for g in groups if g.last == group.last and g is not group
                       and best[id(g)].strength == 3]
                country = kin[0].country if kin else country
            spans = sorted({(tokens[p.start].idx, tokens[p.end - 1].idx + len(tokens[p.end - 1]))
                            for p in group.people})
            name = max((full[s:e] for s, e in spans), key=lambda n: len(name_words(n)))
            known = next((p.known for p in group.people if p.known is not None), None)
            leaders.append(LeaderFact(
                name=name, title=next((p.title for p in titled if p.title), None),
                country=country, former=self.former(ctx, group, known),
                id=known.id if known is not None else None,
                mentions=[Mention(text=full[s:e], start=s, end=e) for s, e in spans]))
        return leaders

    @staticmethod
    def former(ctx: DocContext, group: Group, known: Officeholder | None) -> bool:
        """Past when a mention's text says so (`former.CUES` 1 to 6: the text wins); when the
        text is silent, when the base has every office of the person ended before the
        reference date."""
        cued = [p for p in group.people if p.former_cue is not None]
        if cued:
            return any(p.former for p in cued)
        return known is not None and known.ended_before(ctx.reference)

    @staticmethod
    def same(group: Group, words: frozenset[str], person: Person) -> bool:
        """Same person: the same officeholder of the base, same name, or one name inside the
        other without a clash of roles; never two officeholders."""
        ids = {p.known.id for p in group.people if p.known is not None}
        if ids and person.known is not None:
            return person.known.id in ids
        if words == group.words:
            return True
        if (len(words) == 1 and group.last not in words) or person.kin:
            return False  # a relative shares the name, not the person
        if not (words <= group.words or group.words <= words):
            return False
        if len(words) < 2 or len(group.words) < 2:
            return True
        titled = [p for p in group.people if p.status is not None]
        return person.status is None or not titled or all(p.former == person.former
                                                           for p in titled)

    def remention(self, ctx: DocContext, groups: list[Group]) -> None:
        """Add the mentions spaCy did not tag as a person: `Tiani a promis...`."""
        doc, tokens = ctx.doc, ctx.tokens
        if not groups:
            return
        taken = {i for g in groups for p in g.people for i in range(p.start, p.end)}
        could_start = [i for i, x in enumerate(ctx.texts)
                       if x[:1].isupper() or fold(x) in self.lex.particles]
        resume = 0  # names do not overlap: a name's words are not looked at again
        for i in could_start:
            if i < resume:
                continue
            end = self.names.name_end(ctx, i) if tokens[i].idx >= ctx.body_start else i
            resume = max(end, i + 1)
            if end == i or taken.intersection(range(i, end)):
                continue
            words = name_words(doc[i:end].text)
            owners = [g for g in groups if words <= g.words and g.last in words and len(g.words) > 1
                      and any(p.status in ("leader", "rank") for p in g.people)]
            before = [g for g in owners if any(p.start < i for p in g.people)]
            owner = max(before, key=lambda g: max(p.start for p in g.people if p.start < i),
                        default=owners[0] if owners else None)
            if owner is not None and not self.names.names_thing(ctx, i):
                owner.people.append(Person(i, end))


def leads(group: Group) -> bool:
    """A leading role the text gives somewhere, or a rank and no other role (a spokesperson's
    rank); when the text gives no role, the officeholders base's (the text wins: `selon le
    colonel X`, a spokesperson, then `selon X`)."""
    said = {p.status for p in group.people if p.status_cue not in (None, "knowledge")}
    if said:
        return "leader" in said or ("rank" in said and "non" not in said)
    return any(p.status == "leader" for p in group.people)
