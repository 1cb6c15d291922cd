"""A troop count's `location`: the state where its personnel are (stationed, deployed, sent
to, fighting, killed; for a withdrawal, the state they leave).

A place is a state named in a place phrase (`au Niger`, `en Russie`, `à Niamey`, `sur la
place centrale de Vilnius`), a city, region or base of `data/places.tsv` (`à Agadez`, `la
région de Koursk`), a state left (`ont quitté le Tchad`, `le retrait du Niger`), or a word
that refers back to one (`y`, `le pays`, `sur son sol`, `sur place`, `la capitale`). Where
personnel go home (`rapatriés en Corée du Nord`), that state is not where they were.

Cues, in precedence:
  host       the state hosting them (`la Pologne, qui accueille 10 000 soldats`);
  sentence   the place of the count's sentence nearest to it (the one a relative `où`
             opens, first);
  mission    the count's mission's theatre when it has one state (`la Finul` -> LBN), else
             the place the first sentence naming it with a place gives it (`la force ...
             doit intervenir au Niger`);
  army       a whole army's strength (`L'armée polonaise compte 200 000 soldats`): none;
  paragraph  the place of its paragraph nearest before it, else after it;
  article    the state the article places things in, when one dominates (`le départ des
             soldats allemands du Niger ... à Niamey ... au Niger`);
  home       a casualty count of a state's own forces that nothing places: that state.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..text import word_set
from .context import Context, Count, Cue
from .knowledge import Found, Mission

_CASES = {"au", "aux", "en", "a", "dans", "sur", "pres", "depuis"}
_DETERMINERS = {"le", "la", "l'", "les"}
_OF = {"de", "du", "des", "d'"}
_COUNTRY_WORDS = {"pays", "sol", "territoire", "frontiere", "frontieres"}
_COUNTRY_DETERMINERS = {"le", "du", "ce"}
_POSSESSIVES = {"son", "sa", "ses", "leur", "leurs", "notre"}
_CONTRACTED = {"au", "aux"}
# Nouns a nationality places in its state (`sol malien`, `une île camerounaise`); not a
# border (`la frontière bélarusse` is on the other side).
_NATIONAL_NOUNS = {"territoire", "sol", "ile", "iles", "eaux", "espace", "ville", "region"}
# Nouns a state's name or nationality places (`le territoire du Guyana`, `sol malien`).
_PLACE_NOUNS = {"territoire", "sol", "frontiere", "frontieres", "region", "province", "nord",
                "sud", "est", "ouest", "centre", "ile", "iles", "eaux", "espace"}
_NEAR = 4  # tokens between a case word and a state (`dans l'est de la`)
_CITY_NEAR = 5  # tokens between a case word and a city (`sur la place centrale de`)
_LEFT_REACH = 8  # tokens from a withdrawal word to the state left (`retirer 4 500 soldats de`)
_HOME_REACH = 4  # tokens from a word of return to the state reached
_HOSTS = ("accueill", "abrit", "heberg")  # `qui accueille`, `abritait`, `héberge`
_HOST_REACH = 6  # tokens from a host verb to its count, and from its state to it
_ARMY = {"armee", "armees", "bundeswehr"}
_TOTAL = {"compte", "comptait", "forte", "fort", "depasse", "aligne", "effectif", "effectifs"}
_DOMINANT = 2  # place mentions from which a state dominates an article (and half of all)


@dataclass(frozen=True)
class _Place:
    code: str | None  # None: a back-reference, resolved for each count
    start: int
    end: int
    cue: str  # place, left, capital or refers


def _home_words() -> frozenset[str]:
    return word_set("location_home.txt")


def _left_words() -> frozenset[str]:
    return word_set("location_left.txt")


class Location:
    """The location decision over one document."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.home: list[tuple[int, str]] = []  # (sentence, state) of every return home
        self.places = self._places()
        self.dominant = self._dominant()

    def __call__(self, count: Count, mission: Mission | None = None,
                 named: Found | None = None) -> Cue:
        ctx = self.ctx
        n = ctx.sentence[count.first]
        here = [p for p in self._resolved(count, n) if ctx.sentence[p.start] == n]
        host = self._host(count)
        if host is not None:
            return host
        where = [p for p in here if p.end < count.first and "ou" in ctx.folded[p.end : p.end + 2]]
        if where:  # `à Djibouti, où sont stationnés 1 500 hommes, et au Gabon`
            return self._cue(where[-1], "sentence")
        if here:
            return self._cue(min(here, key=lambda p: self._distance(p, count)), "sentence")
        if mission is not None and len(mission.theatre) == 1:
            return Cue(mission.theatre[0], "mission")
        for f in ctx.missions if named is not None else ():  # where it was first placed
            m = ctx.sentence[f.start]
            there = [p for p in self._resolved(count, m) if ctx.sentence[p.start] == m]
            if f.index == named.index and there:
                return self._cue(min(there, key=lambda p: abs(p.start - f.start)), "mission")
        words = {ctx.folded[i] for i in ctx.in_sentence(count.first)}
        if words & _ARMY and words & _TOTAL:
            return Cue(None, "army")  # `L'armée polonaise dépasse 200 000 soldats`: not placed
        paragraph = ctx.paragraph[count.first]
        near = [p for p in self._resolved(count, n) if ctx.paragraph[p.start] == paragraph]
        before = [p for p in near if p.start < count.first]
        after = [p for p in near if p.start > count.last]
        if before or after:
            return self._cue(before[-1] if before else after[0], "paragraph")
        if self.dominant is not None:
            return Cue(self.dominant, "article")
        if count.fact.kind == "casualties" and count.fact.country is not None:
            return Cue(count.fact.country, "home")
        return Cue(None, "none")

    def _host(self, count: Count) -> Cue | None:
        """`la Pologne, qui accueille 10 000 soldats américains`: the state hosting them."""
        ctx = self.ctx
        start = max(ctx.sentences[ctx.sentence[count.first]][0], count.first - _HOST_REACH)
        verb = next((i for i in range(count.first - 1, start - 1, -1)
                     if ctx.folded[i].startswith(_HOSTS)), None)
        if verb is None:
            return None
        named = [m for m in ctx.mentions if start - _HOST_REACH <= m.start < verb
                 and ctx.sentence[m.start] == ctx.sentence[verb] and m.kind != "demonym"]
        return Cue(named[-1].code, "host", ctx.evidence(named[-1].start, named[-1].end)) \
            if named else None

    @staticmethod
    def _distance(p: _Place, count: Count) -> int:
        return p.start - count.last if p.start > count.last else count.first - p.end + 1

    def _cue(self, p: _Place, cue: str) -> Cue:
        return Cue(p.code, cue, self.ctx.evidence(p.start, p.end))

    def _resolved(self, count: Count, sentence: int) -> list[_Place]:
        """The places with back-references resolved for this count, less the state its
        sentence sends personnel home to."""
        home = {code for n, code in self.home if n == sentence}
        resolved = []
        for p in self.places:
            code = p.code if p.code is not None else self._referred(p, count.fact.country)
            if code is not None and code not in home:
                resolved.append(_Place(code, p.start, p.end, p.cue))
        return resolved

    def _referred(self, p: _Place, owner: str | None) -> str | None:
        """The state a back-reference means. `y`, `sur place`, `la capitale`: the place
        named last before (the last capital, for `la capitale`). `son sol`, `sa frontière`:
        the state the sentence's subject names (`Le Ghana a dépêché 300 militaires le long
        de sa frontière`). `le pays`, and those with no such subject: the state named last
        before that is not the owner's (`Le Niger a dénoncé l'accord ... Les Américains
        disposent de 1 000 soldats dans le pays`), else by name, else by nationality."""
        ctx = self.ctx
        word = ctx.folded[p.start]
        if word in _COUNTRY_WORDS:
            n = ctx.sentence[p.start]
            named = [m for m in ctx.mentions if m.start < p.start]
            subject = [m for m in named if ctx.sentence[m.start] == n and m.kind != "demonym"
                       and ctx.tokens[m.start].dep_.startswith("nsubj")]
            if subject and ctx.folded[p.start - 1] in _POSSESSIVES:
                return subject[-1].code
            ranked = ([m for m in named if m.kind != "demonym" and m.code != owner]
                      or [m for m in named if m.kind != "demonym"] or named)
            if ranked:
                return ranked[-1].code
        kind = "capital" if word == "capitale" else None
        before = [q for q in self.places if q.start < p.start and q.code is not None
                  and (kind is None or q.cue == kind)]
        return before[-1].code if before else None

    def _dominant(self) -> str | None:
        placed = Counter(p.code for p in self.places if p.code is not None)
        if not placed:
            return None
        code, n = placed.most_common(1)[0]
        return code if n >= _DOMINANT and 2 * n >= sum(placed.values()) else None

    # -- the places of the document ----------------------------------------------------
    def _places(self) -> list[_Place]:
        """Every place phrase, state left and back-reference, in text order."""
        ctx = self.ctx
        found: list[_Place] = []
        for m in ctx.mentions:
            if m.kind == "demonym" and m.start and ctx.folded[m.start - 1] in _NATIONAL_NOUNS:
                found.append(_Place(m.code, m.start - 1, m.end, "place"))
                continue
            if m.kind == "demonym" or m.chars is not None or self._home(m.start, m.code):
                continue
            how = self._how(m.start, _CITY_NEAR if m.kind == "capital" else _NEAR)
            if how is not None:
                found.append(_Place(m.code, m.start, m.end,
                                    "capital" if m.kind == "capital" else how))
        for p in ctx.places:  # a city, region or base is a place however it is introduced
            place = ctx.gazetteer.places[p.index]
            if not self._home(p.start, place.code):
                found.append(_Place(place.code, p.start, p.end, "place"))
        taken = {i for p in found for i in range(p.start, p.end)}
        for i, word in enumerate(ctx.folded):
            if i not in taken and self._refers(i, word) and not self._placed_after(i):
                found.append(_Place(None, i, i + 1, "refers"))
        return sorted(found, key=lambda p: p.start)

    def _placed_after(self, i: int) -> bool:
        """`le territoire du Guyana`: the noun is placed by the state after it."""
        folded = self.ctx.folded
        return i + 1 < len(folded) and folded[i + 1] in _OF and any(
            m.start in (i + 2, i + 3) for m in self.ctx.mentions)

    def _home(self, start: int, code: str) -> bool:
        """`rapatriés en Corée du Nord`: remembered, so that the sentence's other places in
        that state (`à Pyongyang`) are not taken either."""
        if any(w in _home_words() for w in self.ctx.folded[max(0, start - _HOME_REACH) : start]):
            self.home.append((self.ctx.sentence[start], code))
            return True
        return False

    def _how(self, start: int, near: int) -> str | None:
        """How the name at `start` is placed: `place` (`au Niger`, `dans l'est de la RDC`),
        `left` (`quitté le Tchad`, `retrait du Niger`), or None (not a place)."""
        folded = self.ctx.folded
        words = folded[max(0, start - near - 1) : start]
        if not words:
            return None
        reach = folded[max(0, start - _LEFT_REACH) : start]
        if any(w in _left_words() for w in reach) and words[-1] in _OF | _DETERMINERS:
            return "left"
        if words[-1] in _CASES:
            return "place"
        if words[-1] in _DETERMINERS and len(words) > 1 and words[-2] == "a":
            return None  # a dative: `un signal adressé à la Russie`, `remis à la Côte d'Ivoire`
        if words[-1] in _OF and len(words) > 1 and words[-2] in _PLACE_NOUNS:
            return "place"  # `le territoire du Guyana`, `au sud de Séoul`
        cases = [k for k, w in enumerate(words[:-1]) if w in _CASES and (
            w in _CONTRACTED or words[k + 1] in _DETERMINERS | _POSSESSIVES)]
        if cases and _OF & set(words[-2:]):
            return "place"  # `dans l'est de la RDC`, `sur la place centrale de Vilnius`
        return None

    def _refers(self, i: int, word: str) -> bool:
        """`y`, `le pays`, `du pays`, `sur son sol`, `sa frontière`, `sur place`, `la
        capitale`; not a country reached home (`ont retrouvé leur pays`)."""
        ctx = self.ctx
        prev = ctx.folded[i - 1] if i else ""
        if any(w in _home_words() for w in ctx.folded[max(0, i - _HOME_REACH) : i]):
            return False
        return (word == "y" and ctx.tokens[i].pos_ == "PRON") or (
            word in _COUNTRY_WORDS and prev in _COUNTRY_DETERMINERS | _POSSESSIVES) or (
            word == "place" and prev == "sur") or (
            word == "capitale" and prev in {"la", "sa"})
