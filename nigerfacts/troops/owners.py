"""Troop counts: the state each count's personnel serve."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from ..countries import CountryMention
from ..numbers import Number
from ..text import fold
from .document import Document, Part
from .lexicon import CLITICS, DETERMINERS, OBJECT_PATH, POSSESSIVES, RELATIVES, STRONG
from .phrases import Phrases
from .records import UNKNOWN, Owner, Troop
from .subjects import Subjects
from .tree import before_punct


@dataclass(frozen=True)
class Cue:
    """One kind of evidence of whose soldiers a count is: how strong it is (the strongest
    candidate decides) and what it reads."""

    name: str
    strength: int
    reads: str


# Every cue, strongest first: the one table the decision reads. A cue of a count's own
# phrase beats one of its clause, which beats the sentence's, the paragraph's, the article's.
# A count apart from its noun reads its own clause before the phrase it refers back to.
CUES: tuple[Cue, ...] = (
    Cue("each_state", 110, "`chacun` said of coordinated states: one count per state "
        "(`l'Égypte et le Pakistan, qui en ont chacun envoyé 1 000`)"),
    Cue("people", 100, "the counted noun is a people: `dont 1 200 Kényans`"),
    Cue("nationality", 90, "a nationality on the personnel noun or on the unit it is counted "
        "in: `soldats rwandais`, `un bataillon rwandais de 850 hommes`"),
    Cue("of_state", 90, "`de` + a state on the personnel noun: `soldats du Tchad` (not after "
        "a possessive, not an origin: `du Niger vers le Bénin`)"),
    Cue("force", 90, "a PMC or a national force tied to a state (`data/pmcs.tsv`): `hommes "
        "de Wagner`, `la Bundeswehr`"),
    Cue("multinational", 90, "a multinational body or a people of several states owns the "
        "phrase: no state (`casques bleus de la Minusca`, `instructeurs européens`)"),
    Cue("several_states", 90, "the phrase names several states: no state"),
    Cue("apposed_state", 88, "the state the count's phrase is said of: `la France, forte de "
        "700 militaires`"),
    Cue("apposition", 88, "the personnel phrase the count is set beside: `ces troupes "
        "ougandaises, moins de 300 hommes`"),
    Cue("state_before", 80, "a state right before the count or the verb before it, its "
        "subject written or elided: `..., le Niger 500`, `Rabat a dépêché 400 militaires`"),
    Cue("predicate", 80, "a nationality said of the count: `1 200 sont tchadiens`"),
    Cue("clause_subject", 75, "for a count that borrows its noun (`en`, an earlier count): "
        "its own clause's subject: `l'Italie fournit 1 000 soldats, la France en déploie 700`"),
    Cue("referent_phrase", 70, "the phrase of the personnel word a count refers back to: "
        "`Ces soldats tchadiens ... seraient 200`"),
    Cue("whose_antecedent", 60, "the antecedent of `dont` with a verb: `le Rwanda, dont 2 100 "
        "casques bleus servent`"),
    Cue("dont_subset", 55, "the whole a `dont` count is part of: `12 000 soldats "
        "nord-coréens, dont 500 officiers`"),
    Cue("subject_state", 50, "the count's clause subject names a state: `La Corée du Nord a "
        "déployé 12 000 soldats`"),
    Cue("subject_capital", 50, "... a capital: `Rabat a dépêché 400 militaires`"),
    Cue("subject_seat", 50, "... a seat of government: `le Kremlin aurait massé 20 000 "
        "hommes`"),
    Cue("subject_demonym", 50, "... a people: `Les Américains ont retiré 1 000 soldats`"),
    Cue("subject_army", 50, "... a state's army or ministry: `L'armée tchadienne a perdu 20 "
        "hommes`"),
    Cue("subject_force", 50, "... a named force: `Wagner a envoyé 400 hommes`"),
    Cue("subject_multinational", 50, "... a multinational body: no state (`La force compte "
        "11 900 hommes`)"),
    Cue("subject_several_states", 50, "... several states: no state (`le Tchad et le Niger "
        "ont envoyé 500 soldats`)"),
    Cue("relative_antecedent", 50, "the subject is `qui`, or `dont` opens it: its antecedent "
        "(`le Togo, qui en a envoyé 250`, `Pyongyang, dont l'armée compte ...`)"),
    Cue("previous_subject", 50, "the subject is `il`, `elle`, `ils`, `elles`: the previous "
        "sentence's subject (`Il a aussi envoyé 300 instructeurs`)"),
    Cue("topic_frame", 50, "the sentence opens on a state: `Côté tchadien, un bataillon...`, "
        "`Du côté de Kinshasa, l'armée...`"),
    Cue("possessive", 45, "`Son armée`, `Ses 2 000 militaires`, with no state in the "
        "clause: the previous sentence's state"),
    Cue("continued_count", 40, "the count it continues: `17 soldats tués et cinq blessés`"),
    Cue("peacekeepers", 30, "UN personnel with no nationality given: no state"),
    Cue("context", 20, "the nearest state tied to a military word in the sentence or the "
        "two before, in the paragraph"),
    Cue("article", 10, "the article's main military state"),
    Cue("host", 0, "the subject receives or hosts them (`Le Mali accueille 2 000 "
        "paramilitaires`, `le Tchad, où étaient stationnés ...`): a place, never an owner; it "
        "vetoes that state for every cue weaker than the count's own phrase"),
)
STRENGTH = {cue.name: cue.strength for cue in CUES}
_PHRASE = STRENGTH["several_states"]  # cues of the count's own phrase: no veto applies


def decide(candidates: Iterable[Owner], hosts: set[str]) -> Owner:
    """The strongest candidate (the first of equals), past the states that host the count."""
    best = UNKNOWN
    for owner in candidates:
        if not owner.settled or (owner.code in hosts and STRENGTH[owner.cue] < _PHRASE):
            continue
        if not best.settled or STRENGTH[owner.cue] > STRENGTH[best.cue]:
            best = owner
    return best


class Owners(Part):
    """Settle each count's state from the candidates its cues propose."""

    def __init__(self, d: Document, phrases: Phrases, subjects: Subjects) -> None:
        super().__init__(d)
        self.phrases = phrases
        self.subjects = subjects

    def each(self, troop: Troop) -> list[Owner]:
        """The states a `chacun` count is said of, one count each: `L'Indonésie et l'Italie
        en fournissent chacune plus de 1 000`, `l'Égypte et le Pakistan, qui en ont chacun
        envoyé...`."""
        start = self.d.qualifier_start(troop.number)
        before = self.doc[max(0, start - 3) : start]
        if not any(fold(t.text) in ("chacun", "chacune") for t in before):
            return []
        verb = self.tree.governor(self.doc[troop.number.end - 1])
        n = self.sentence[troop.number.start]
        first = next((m.start for m in self.all_mentions if self.sentence[m.start] == n), None)
        heads = [*self.tree.subjects(verb), *([] if first is None else [self.doc[first]])]
        heads = [h.head if h.lower_ in RELATIVES and h.head.dep_ == "acl:relcl" else h
                 for h in heads]  # `qui`: its antecedent
        for head in heads:  # the subject, or the sentence's first state when the parse lost it
            linked = [head, *(c for c in self.tree.children(head) if c.dep_ == "conj")]
            found = {m.code: m for t in linked for m in self.mentions.get(t.i, ())}
            if len(found) < 2 and head.i in self.mentions:
                found = {m.code: m for m in self.enumeration(head.i)}
            if len(found) > 1:
                return [Owner(code, True, "each_state", self.d.mention_chars(m))
                        for code, m in found.items()]
        return []

    def enumeration(self, i: int) -> list[CountryMention]:
        """The states listed from token i on, joined by commas, `et` and determiners only:
        `L'Égypte, le Bangladesh et le Pakistan` (whatever the parse made of the list)."""
        listed = [self.mentions[i][0]]
        j = listed[0].end
        while j < len(self.doc):
            if j in self.mentions:
                listed.append(self.mentions[j][0])
                j = listed[-1].end
            elif fold(self.doc[j].text) in DETERMINERS | {",", "et"}:
                j += 1
            else:
                break
        return listed

    def settle(self, troop: Troop, main: Owner) -> None:
        """The troop's state: the strongest of its cues' candidates (see `CUES`)."""
        owner = decide(self.candidates(troop, main), self.hosts(troop))
        troop.owner = owner if owner.settled else None
        troop.country = owner.code

    def candidates(self, troop: Troop, main: Owner) -> Iterator[Owner]:
        """Every state the count's cues propose, each named for its cue."""
        noun, number = troop.noun, troop.number
        if noun is not None and noun.i in self.mentions:
            yield self.subjects.owner_at(noun.i, coordinated=False).by("people")
        yield self.subject_before(number).by("state_before")
        yield self.predicate(number).by("predicate")
        if noun is not None:
            referred = noun.i < number.start
            phrase = self.phrases.phrase_owner(noun, number)
            yield phrase.by("referent_phrase") if referred else phrase
            yield self.phrases.apposed(number).by("referent_phrase" if referred else "apposition")
            yield self.relative_owner(noun, number).by("whose_antecedent")
            yield self.phrases.subset(troop).by("dont_subset")
            # a count that borrows its noun (`les Pays-Bas en ont envoyé 300`) reads its own
            # clause, not the noun's
            yield self.subject_owner(self.doc[number.end - 1] if self.borrowed(troop) else noun)
            yield self.possessive_owner(noun, number)
        elif troop.referent is None:
            yield self.subject_owner(self.doc[number.end - 1])
        if self.borrowed(troop) and troop.kind != "casualties":  # its subject: the attacker
            yield self.clause_subject_owner(self.doc[number.end - 1]).by("clause_subject")
        if troop.referent is not None:
            referent = troop.referent.owner
            yield Owner(troop.referent.country, True, "continued_count",
                        referent.chars if referent is not None else None)
        if noun is not None and self.d.peacekeeper(noun):
            yield Owner(None, True, "peacekeepers", self.d.chars(noun.i, self.d.noun_end(noun)))
        side = self.subjects.sentence_topic(self.doc[number.start], sides_only=True)
        if side is not None:
            yield Owner(side.code, True, "topic_frame", self.d.mention_chars(side))
        yield self.subjects.context_country(self.doc[number.start])
        yield main

    def hosts(self, troop: Troop) -> set[str]:
        """The states the count's clause says receive or host it (`Le Mali accueille`, `le
        Tchad, où étaient stationnés ...`): places, not owners."""
        token = self.doc[troop.number.end - 1]
        verb = self.tree.governor(token)
        heads: list[Token] = []
        if self.lex.hosts(verb.text):
            heads += [s for s in self.tree.subjects(verb, near=token)
                      if not s.is_ancestor(token) and not self.tree.counted(s)]
            i = self.d.before_verb(troop.number)
            if i >= 0 and i in self.mentions:
                heads.append(self.doc[i])
        if verb.dep_ == "acl:relcl" and any(c.lower_ == "où" for c in self.tree.children(verb)):
            heads.append(verb.head)
        codes = set()
        for head in heads:
            owner = self.subjects.body_owner(head)
            if owner.code is not None:
                codes.add(owner.code)
        return codes

    def possessive_owner(self, noun: Token, number: Number) -> Owner:
        """`Ses 2 000 militaires doivent partir`, `Son contingent, fort de 400 hommes`: a
        count whose phrase (or unit) has a possessive belongs to the previous sentence's
        state (when its own clause names none, which the stronger subject cue reads)."""
        units = [noun]  # and the body it is counted in: `Son contingent, fort de 400 hommes`
        for _ in range(2):
            head = units[-1].head
            if head.i == units[-1].i or not (fold(head.text) in self.lex.units | STRONG or any(
                    fold(c.text) in STRONG for c in self.tree.children(units[-1]))):
                break
            units.append(head)
        unit = units[-1]
        owned = self.d.possessive(noun, number) or any(
            t.lower_ in POSSESSIVES and t.i < u.i for u in units for t in self.tree.children(u))
        if not owned:
            return UNKNOWN
        previous = self.subjects.previous_subject(unit) or self.subjects.previous_topic(unit)
        return self.subjects.body_owner(previous).by("possessive") if previous else UNKNOWN

    def subject_before(self, number: Number) -> Owner:
        """A country right before the count, or before the verb right before it, is its
        subject, written or elided: `..., le Niger 500`, `la Jamaïque deux douzaines de
        soldats`, `quand Taïwan compte environ 170 000 militaires` (parsed or not)."""
        gap = self.d.qualifier_start(number) - 1
        i = self.d.before_verb(number)
        m = self.d.mention(i)
        if m is None or (m.kind == "demonym" and not self.doc[m.start].text[0].isupper()):
            return UNKNOWN
        before = fold(self.doc[m.start - 1].text) if m.start else ""
        if before in DETERMINERS or before in {",", "et", "quand", "alors", "que"} or (
                m.start == 0 or self.sentence[m.start - 1] != self.sentence[m.start]):
            return self.subjects.owner_at(i, coordinated=i != gap)
        return UNKNOWN

    def predicate(self, number: Number) -> Owner:
        """`1 200 sont tchadiens`: a nationality said of the number."""
        head = self.doc[number.end - 1].head
        m = self.d.mention(head.i)
        if m is not None and m.kind == "demonym" and any(
                c.dep_ == "cop" for c in self.tree.children(head)):
            return self.subjects.owner_at(head.i)
        return UNKNOWN

    def relative_owner(self, noun: Token, number: Number) -> Owner:
        """`le Rwanda, dont plus de 2 100 casques bleus servent ...`: the antecedent's."""
        i = self.d.dont(number)
        if i is None or not self.d.whose(noun):
            return UNKNOWN
        antecedent = before_punct(self.doc, i)
        return self.subjects.body_owner(antecedent) if antecedent is not None else UNKNOWN

    def subject_owner(self, noun: Token) -> Owner:
        """The state of the clause's subject: `La Corée du Nord a déployé 12 000 soldats`,
        `Washington a achevé le retrait de ses 1 000 militaires`."""
        token = noun if noun.dep_ != "conj" else noun.head
        verb = self.tree.governor(token)
        for step in range(3):
            subjects = [s for s in self.tree.subjects(verb, near=token) if s.i != token.i
                        and not s.is_ancestor(token) and not self.tree.counted(s)
                        and s.lower_ not in CLITICS]  # `y a déployé`: `y` is no subject
            if verb.dep_ == "acl" and not subjects:
                subjects = [verb.head]
            for subject in subjects:
                owner = self.subjects.body_owner(subject)
                if owner.settled:
                    return owner
            if subjects:
                break
            if self.where(verb):  # `le Tchad, où étaient stationnés 1 000 hommes`: a place
                return UNKNOWN
            opening = self.opening_state(verb) if step == 0 else None
            if opening is not None:
                return self.subjects.body_owner(opening)
            if verb.head.i != verb.i:
                verb = self.tree.governor(verb.head)
            elif (previous := self.tree.previous_root(verb)) is not None and (
                    self.sentence[previous.i] == self.sentence[verb.i]):
                verb = previous  # the parser split the sentence
            else:
                break
        return UNKNOWN

    def where(self, verb: Token) -> bool:
        """A relative clause of place: `le Tchad, où étaient stationnés ...`."""
        return verb.dep_ == "acl:relcl" and any(c.lower_ == "où" for c in self.tree.children(verb))

    def opening_state(self, verb: Token) -> Token | None:
        """The state opening the sentence, set apart by a clause between commas, when the
        parse hung it on that clause: `Le Canada, qui dirige ..., y a déployé 2 200 hommes`."""
        n = self.sentence[verb.i]
        start = verb.i
        while start > 0 and self.sentence[start - 1] == n:
            start -= 1
        i = start + (fold(self.doc[start].text) in DETERMINERS)
        m = self.d.mention(i)
        if m is None or i != m.start or m.end >= verb.i or self.doc[m.end].text != ",":
            return None
        if fold(self.doc[m.end + 1].text) not in {"qui", "dont", "longtemps", "pourtant"} | {
                "lui", "elle", "de", "du"}:
            return None
        closing = [t.i for t in self.doc[m.end + 1 : verb.i] if t.text == ","]
        if not closing:
            return None
        between = self.doc[closing[-1] + 1 : verb.i]  # only the verb group: `, y a déployé`
        return self.doc[i] if all(t.pos_ in ("AUX", "ADV", "PRON") for t in between) else None

    def borrowed(self, troop: Troop) -> bool:
        """A count that takes its personnel word from another clause (`en`, an earlier
        count): `Le Tchad a envoyé 1 000 soldats, le Niger en a envoyé 500`."""
        if troop.noun is None:
            return troop.referent is not None
        own = self.tree.governor(self.doc[troop.number.end - 1])
        return troop.noun.i < troop.number.start and self.tree.governor(troop.noun).i != own.i

    def clause_subject_owner(self, token: Token) -> Owner:
        """The state of the subject of the count's own clause, for a count that continues an
        earlier one: `l'Italie fournit 1 000 soldats, et la France, qui en déploie 700`."""
        verb = self.tree.governor(token)
        t = token
        while t.i != verb.i:  # the count must be the verb's object, not its subject
            if t.dep_ not in OBJECT_PATH or t.head.i == t.i:
                return UNKNOWN
            t = t.head
        while verb.dep_ == "xcomp" and not self.tree.subjects(verb):  # `qui a proposé d'en
            verb = self.tree.governor(verb.head)  # fournir 1 100`: the subject of `proposé`
        for subject in self.tree.subjects(verb, near=token):
            if subject.i != token.i and not subject.is_ancestor(token) \
                    and not self.tree.counted(subject):
                owner = self.subjects.body_owner(subject)
                if owner.settled:
                    return owner
        return UNKNOWN
