"""Past or present: whether a leader's role is past.

The cues, in their order of precedence; the first that answers decides and is recorded in
`Person.former_cue`:

1. `title`: a title the text marks as past (`ancien`, `ex-`, `feu`, `déchu`), a predecessor's
   role (`son prédécesseur`), or a role given by a past verb (`X, qui a dirigé le Niger`);
2. `apposition`: a past marker after the name (`X, l'ancien...`, `X, qui a été renversé`);
3. `ousted`: the object of an ousting verb (`a renversé le président X`, `X a été destitué`);
4. `era`: `sous l'ère du colonel X`;
5. `succession`: a person named after a succession word (`a succédé à X`);
6. `in_power`: `X, resté au pouvoir trente ans` (past) or `X, au pouvoir depuis 2005` (present);
7. `knowledge`: the text silent, the officeholders base: every office the person held ended
   before the reference date (never without a reference date);
8. none: present.
"""

from __future__ import annotations

from ..text import fold
from .context import DE, DocContext, Lexicon, Person

CUES = ("title", "apposition", "ousted", "era", "succession", "in_power", "knowledge")


class Former:
    """Read the text's cues of a past role."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def text_cue(self, ctx: DocContext, person: Person) -> str | None:
        """The first text cue (1 to 4) that makes the person's role past, or None."""
        if any(t.former or t.role == "predecessor" for t in person.chain):
            return "title"
        if person.appositive_past:
            return "apposition"
        if self.ousted(ctx, person.first, person.end):
            return "ousted"
        before = ctx.prefix_start(person.first)
        if before >= 2 and fold(ctx.texts[before - 1]) in DE \
                and fold(ctx.texts[before - 2]) in self.lex.former:
            return "era"
        return None

    def ousted(self, ctx: DocContext, start: int, end: int) -> bool:
        """`a renversé le président X`, `X a été destitué`: the object of an ousting verb."""
        return any(t.dep_ in ("obj", "nsubj:pass", "obl:arg") and t.head in self.lex.former_verbs
                   and not start <= t.head.i < end for t in ctx.doc[start:end])

    @staticmethod
    def in_power(ctx: DocContext, person: Person) -> bool | None:
        """Whether `X, resté au pouvoir trente-huit ans` (True: a past role) or `X, au
        pouvoir depuis 2005` (False) follows the name; None when neither does."""
        after = [fold(w) for w in ctx.texts[person.end : person.end + 4]]
        if after[:1] != [","] or "pouvoir" not in after:
            return None
        if person.start and fold(ctx.texts[person.start - 1]) in DE:
            return None  # `le parti de X, au pouvoir depuis 2010`: the party is
        k = after.index("pouvoir")
        if k < 2 or after[k - 1] != "au":
            return None
        return after[k - 2] in ("reste", "restee")
