"""A troop count's mission: the named operation, mission, force or PMC its personnel serve
in (`data/missions.tsv`), in the short form the text uses.

Cues, in precedence:
  phrase     the mission of the count's own phrase (`2 500 hommes de l'Africa Corps`,
             `Wagner, qui comptait 1 500 mercenaires`), even one that has left;
  subject    `la mission` just before the count: the mission last named before;
  sentence   a mission named in the count's sentence, the nearest (`La Monusco, qui compte
             15 000 Casques bleus`, `2 500 hommes de l'Africa Corps`), unless it is one that
             ended or left (`depuis le départ de la Minusma`) or serves other states;
  anaphora   `la force`, `la mission`, `cette opération` in the sentence, or peacekeepers:
             the mission last named before (`la force sera de 25 000 hommes`);
  previous   a multinational mission named before in the paragraph (`la Finul compte 10 000
             militaires. L'Italie en fournit plus de 1 000`);
  paragraph  a mission of the count's own state named in its paragraph or the sentence
             before or after (Russian instructors, then `Africa Corps ... avait confirmé
             son arrivée`).
"""

from __future__ import annotations

from ..text import word_set
from .context import Context, Count, Cue
from .knowledge import Found, Mission

_GENERIC = {"force", "mission", "operation"}
_DEFINITE = {"la", "le", "l'", "cette", "ce", "cet", "sa", "son"}
_PEACEKEEPERS = {"casques", "bleus", "soldats de la paix"}
_OF = {"de", "du", "des", "d'"}
_RELATIVE_REACH = 6  # tokens from `Wagner, qui` or `la mission` to the count
_OWN_REACH = 4  # tokens from a count to the mission of its own phrase (`soldats de l'`)
_ENDED_REACH = 4  # tokens before a mission where `départ`, `fin`, `après` end it


def _ended() -> frozenset[str]:
    return word_set("mission_ended.txt")


def _serves(mission: Mission, country: str | None) -> bool:
    """A national operation or a PMC serves its lead state only."""
    return country is None or mission.lead is None or mission.lead == country


def _cue(ctx: Context, found: Found, cue: str) -> Cue:
    mission = ctx.mission(found)
    return Cue(mission.written(found.text), cue, ctx.evidence(found.start, found.end))


def decide_mission(ctx: Context, count: Count) -> tuple[Cue, Found | None]:
    """The mission a count serves in, the cue that says so, and where it is named."""
    country = count.fact.country
    sentence = ctx.sentence[count.first]
    own = [f for f in ctx.missions if (0 < f.start - count.last <= _OWN_REACH
                                       and ctx.folded[f.start - 1] in _OF | {"l'"})
           or (0 < count.first - f.end <= _RELATIVE_REACH
               and "qui" in ctx.folded[f.end : f.end + 2])]
    if own:  # `hommes de l'Africa Corps`, `Wagner, qui comptait 1 500 mercenaires`
        return _cue(ctx, own[0], "phrase"), own[0]
    subject = _generic_subject(ctx, count)
    if subject is not None:
        return _cue(ctx, subject, "anaphora"), subject
    here = [f for f in ctx.missions if ctx.sentence[f.start] == sentence
            and _serves(ctx.mission(f), country) and not _is_ended(ctx, f)]
    if here:
        nearest = min(here, key=lambda f: min(abs(f.start - count.first),
                                              abs(f.start - count.last)))
        return _cue(ctx, nearest, "sentence"), nearest
    words = [ctx.folded[i] for i in ctx.in_sentence(count.first)]
    generic = any(w in _GENERIC and i and words[i - 1] in _DEFINITE for i, w in enumerate(words))
    peacekeepers = "casques" in ctx.folded[count.first : count.last + 1]
    if generic or peacekeepers:
        before = [f for f in ctx.missions if f.start < count.first
                  and _serves(ctx.mission(f), country)
                  and (not peacekeepers or ctx.mission(f).kind == "un")]
        if before:
            return _cue(ctx, before[-1], "anaphora"), before[-1]
    start, _ = ctx.sentences[sentence]
    previous = [f for f in ctx.missions if ctx.sentence[f.start] < sentence
                and ctx.paragraph[f.start] == ctx.paragraph[start]
                and ctx.mission(f).kind not in ("operation", "pmc") and not _is_ended(ctx, f)]
    if previous:
        return _cue(ctx, previous[-1], "previous"), previous[-1]
    if country is not None:
        paragraph = ctx.paragraph[count.first]
        own = [f for f in ctx.missions if country in ctx.mission(f).states
               and (ctx.paragraph[f.start] == paragraph
                    or abs(ctx.sentence[f.start] - sentence) == 1)
               and not _is_ended(ctx, f)]
        if own:
            return _cue(ctx, own[0], "paragraph"), own[0]
    return Cue(None, "none"), None


def _generic_subject(ctx: Context, count: Count) -> Found | None:
    """`La mission doit compter 11 900 militaires, contre 18 500 au plus fort de l'Atmis`:
    a mission noun just before the count means the mission (not a PMC) last named before."""
    start = max(ctx.sentences[ctx.sentence[count.first]][0], count.first - _RELATIVE_REACH)
    nouns = [i for i in range(start, count.first) if ctx.folded[i] in _GENERIC
             and i and ctx.folded[i - 1] in _DEFINITE]
    if not nouns or any(nouns[-1] < f.start < count.first for f in ctx.missions):
        return None
    before = [f for f in ctx.missions if f.end <= nouns[-1] and ctx.mission(f).kind != "pmc"
              and _serves(ctx.mission(f), count.fact.country) and not _is_ended(ctx, f)]
    return before[-1] if before else None


def _is_ended(ctx: Context, found: Found) -> bool:
    """`le départ de la Minusma`, `la fin de Barkhane`, `après Serval`."""
    before = ctx.folded[max(0, found.start - _ENDED_REACH) : found.start]
    return any(w in _ended() for w in before)
