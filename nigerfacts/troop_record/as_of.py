"""A troop count's `as_of`: when the count holds or happened, at the precision the text
gives, from the date extractor's values.

Cues, in precedence:
  sentence    a date of the count's sentence, the nearest that can date it: not the start of
              a duration (`depuis 2018`), a deadline past (`jusqu'au`) or another event's
              (`après la mort ... en août 2023`); a range gives its later end (`entre janvier
              et mars` -> March);
  then        `alors`: the date of the sentence before;
  event       a date tied to its event: a noun of the sentence (`l'avion`, `le poste`,
              `cette attaque`) named in an earlier dated sentence, or the toll it revises (a
              casualty count in the sentence or two before that had a date of its own);
  past        an undated past (`a compté jusqu'à 5 000 hommes`, `au plus fort`): none;
  reference   the story's present: the reference date (none when there is none).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..text import fold, word_set
from .context import Context, Count, Cue, Dated

_RANGE = {"et", "au", "a", "-", "–"}
_BLOCK_REACH = 10  # tokens before a date where a blocking word (`depuis`) may sit
_TERMINAL = {".", "!", "?", ";", ":"}
_PAST_AUX = {"ai", "as", "a", "avons", "avez", "ont", "ete"}  # avoir makes a past; été too
_VERB_DEPTH = 8  # heads climbed from a word to its verb
_TOPIC_REACH = 3  # tokens from a sentence's start where a date sets the whole sentence
_EVENT_REACH = 2  # paragraphs back where an event noun's date is looked for
_PAST_REACH = 8  # tokens before a count where an undated past is said (`Au plus fort de`)
_PAST_AFTER = 3  # and after it (`5 000 hommes à son apogée`)
_TOLL_REACH = 3  # sentences back (a paragraph break counts as one) where a dated toll is revised


def _blocking() -> frozenset[str]:
    return word_set("as_of_blocking.txt")


def _event_nouns() -> frozenset[str]:
    return word_set("event_nouns.txt")


def _undated_past() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in sorted(word_set("undated_past.txt")))


class AsOf:
    """The as_of decision over one document; remembers each count's cue for the tolls
    that revise it."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.decided: list[tuple[Count, Cue]] = []

    def __call__(self, count: Count) -> Cue:
        cue = self._decide(count)
        self.decided.append((count, cue))
        return cue

    def _decide(self, count: Count) -> Cue:
        ctx = self.ctx
        own = self._sentence_date(count)
        if own is not None:
            return self._cue(own, "sentence")
        event = self._then(count) or self._event(count) or self._toll(count)
        if event is not None:
            return event
        if self._past(count):
            return Cue(None, "past")
        return Cue(ctx.reference, "reference")

    def _cue(self, date: Dated, cue: str) -> Cue:
        return Cue(date.value, cue, self.ctx.evidence(date.start, date.end))

    def _usable(self, d: Dated) -> bool:
        """Not after a blocking word (`depuis`, `après la mort du fondateur, en`) with no
        verb between, nor in parentheses (`la guerre de Corée (1950-1953)`)."""
        ctx = self.ctx
        if "(" in ctx.folded[max(0, d.start - 3) : d.start]:
            return False
        for i in range(d.start - 1, max(-1, d.start - _BLOCK_REACH - 1), -1):
            if ctx.folded[i] in _blocking():
                return False
            if "Fin" in ctx.tokens[i].morph.get("VerbForm") or ctx.folded[i] in _TERMINAL:
                break
        return True

    def _range_end(self, d: Dated, dates: list[Dated]) -> Dated:
        """`entre janvier et mars`, `du 5 au 6 avril`: the later end."""
        later = [e for e in dates if e.start > d.end and e.start - d.end <= 2
                 and any(w in _RANGE for w in self.ctx.folded[d.end : e.start])]
        return later[0] if later else d

    def _sentence_date(self, count: Count) -> Dated | None:
        ctx = self.ctx
        n = ctx.sentence[count.first]
        dates = [d for d in ctx.dates if ctx.sentence[d.start] == n]
        usable = [d for d in dates if self._usable(d) and self._dates_count(d, count)]
        if not usable:
            return None
        nearest = min(usable, key=lambda d: min(abs(d.start - count.first),
                                                abs(d.end - 1 - count.last)))
        return self._range_end(nearest, dates)

    def _dates_count(self, d: Dated, count: Count) -> bool:
        """A date opening the sentence (`Mi-août, 17 soldats ... et 20 blessés`) or after the
        count dates it; a date before it only with no other count between (`15 000 soldats
        envoyés à l'automne 2024 ont subi des pertes : 4 700 tués, dont 600 morts`). A count
        in the present is dated by its own verb's dates only."""
        ctx = self.ctx
        if self._present(count) and _verb(ctx.tokens[d.start]) != _verb(
                ctx.tokens[count.last]):
            return False  # `Le 20 février, Paris a remis le camp, où demeurent 80 militaires`
        start = ctx.sentences[ctx.sentence[d.start]][0]
        if d.start - start <= _TOPIC_REACH or d.start > count.last:
            return True
        event = _event_nouns() & set(ctx.folded[max(0, d.start - _BLOCK_REACH // 2) : d.start])
        return bool(event) or not any(w in _TERMINAL for w in ctx.folded[d.end : count.first])

    def _present(self, count: Count) -> bool:
        """The count's verb is in the present: `demeurent`, `sont stationnés` (not `ont été
        tués`, `avaient quitté`)."""
        verb = _verb(self.ctx.tokens[count.last])
        if verb is None:
            return False
        aux = [c for c in verb.children if c.dep_.startswith("aux")]
        if any(fold(c.text) in _PAST_AUX for c in aux):
            return False
        timed = aux[0] if aux else verb
        return "Pres" in timed.morph.get("Tense") and bool(
            {"Ind", "Cnd"} & set(timed.morph.get("Mood")))

    def _event(self, count: Count) -> Cue | None:
        """A noun of the sentence that an earlier sentence dated: `Le 5 août, un avion ...`
        then `l'avion transportait 65 militaires`."""
        ctx = self.ctx
        n = ctx.sentence[count.first]
        nouns = {ctx.folded[i] for i in ctx.in_sentence(count.first)} & _event_nouns()
        if not nouns:
            return None
        paragraph = ctx.paragraph[count.first]
        for m in range(n - 1, -1, -1):
            start, end = ctx.sentences[m]
            if ctx.paragraph[start] < paragraph - _EVENT_REACH + 1:
                break
            if not nouns & set(ctx.folded[start:end]):
                continue
            dates = [d for d in ctx.dates if start <= d.start < end and self._usable(d)]
            if dates:
                return self._cue(self._range_end(dates[0], dates), "event")
        return None

    def _then(self, count: Count) -> Cue | None:
        """`Le 28 novembre, N'Djamena avait annoncé ... Un millier de soldats étaient alors
        stationnés au Tchad`: the date of the sentence before (not `alors que`)."""
        ctx = self.ctx
        n = ctx.sentence[count.first]
        words = [ctx.folded[i] for i in ctx.in_sentence(count.first)]
        then = any(w == "alors" and after not in ("que", "qu'")
                   for w, after in zip(words, [*words[1:], ""], strict=True))
        if not then or n == 0:
            return None
        start, end = ctx.sentences[n - 1]
        dates = [d for d in ctx.dates if start <= d.start < end and self._usable(d)]
        return self._cue(self._range_end(dates[-1], dates), "then") if dates else None

    def _toll(self, count: Count) -> Cue | None:
        """A casualty count with no date revises a dated toll told just before (`Le
        premier décompte faisait état de quatre morts`)."""
        if count.fact.kind != "casualties":
            return None
        n = self.ctx.sentence[count.first]
        for earlier, cue in reversed(self.decided):
            m = self.ctx.sentence[earlier.first]
            if m < n - _TOLL_REACH:
                break
            if earlier.fact.kind == "casualties" and m < n and cue.cue in (
                    "sentence", "event", "toll", "then"):
                return Cue(cue.value, "toll", cue.evidence)
        return None

    def _past(self, count: Count) -> bool:
        """An undated-past phrase near the count (`au plus fort de l'Atmis`)."""
        sentence = self.ctx.in_sentence(count.first)
        start = max(sentence.start, count.first - _PAST_REACH)
        end = min(sentence.stop, count.last + 1 + _PAST_AFTER)
        words = self.ctx.folded[start:end]
        return any(tuple(words[i : i + len(p)]) == p for p in _undated_past()
                   for i in range(len(words)))


def _verb(token: Token) -> Token | None:
    """The verb a word depends on."""
    for _ in range(_VERB_DEPTH):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None
