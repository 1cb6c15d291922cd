"""Finding people: the runs of name words, spaCy's PER entities repaired, and names next to
titles."""

from __future__ import annotations

from ..text import fold
from .context import (
    CLOSES_APPOSITION,
    DETERMINERS,
    NOT_NAME_POS,
    PREPOSITIONS,
    ROMAN,
    DocContext,
    Lexicon,
    Title,
    glued_end,
)
from .knowledge import Officeholder


class Names:
    """Person names in a doc whose titles are found."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def word_end(self, ctx: DocContext, i: int, acronyms: bool) -> int:
        """End of the name word at i (`Paul-Henri`, `al-Sahraoui`, `VI`), or i when none."""
        tokens = ctx.tokens
        if i >= len(tokens) or i in ctx.title_tokens or i in ctx.country_at:
            return i
        end = glued_end(tokens, i)
        parts = [ctx.texts[k] for k in range(i, end, 2)]
        first = parts[0]
        if not all(p.replace("-", "").isalpha() for p in parts) \
                or fold(first) in self.lex.courtesy:
            return i
        if ROMAN.match(first) and i > 0 and ctx.texts[i - 1][:1].isupper():
            return end  # `Mohammed VI`
        if ctx.opens_sentence(i) and tokens[i].ent_type_ != "PER" \
                and (tokens[i].is_stop or tokens[i].pos_ in NOT_NAME_POS):
            return i  # `Selon`, `Depuis`, `Reste`
        if first[0].isupper():
            if first.isupper() and len(first) > 1 and not acronyms:
                return i
            return end
        if fold(first) in self.lex.particles and len(parts) > 1 and parts[1][0].isupper():
            return end
        return i

    def name_end(self, ctx: DocContext, i: int, acronyms: bool = False) -> int:
        """End of the run of name words from token i (`Tamim ben Hamad Al Thani`), or i."""
        tokens = ctx.tokens
        j = end = i
        while j < len(tokens):
            w = self.word_end(ctx, j, acronyms or end > i)
            if w > j:
                j = end = w
            else:
                k = j
                while k < len(tokens) and fold(tokens[k].text) in self.lex.particles:
                    k += 1  # `von der`
                if end == i or k == j or self.word_end(ctx, k, True) == k:
                    break
                j = k
        return end

    def candidates(self, ctx: DocContext) -> list[tuple[int, int]]:
        """Token spans of person names: PER entities repaired, and names next to titles."""
        doc, tokens = ctx.doc, ctx.tokens
        spans: list[tuple[int, int]] = []
        for ent in doc.ents:
            if ent.label_ != "PER" or ent.start_char < ctx.body_start:
                continue
            s = next((i for i in range(ent.start, ent.end)
                      if self.word_end(ctx, i, False) > i), None)
            if s is not None:
                spans.append((s, self.name_end(ctx, s)))
        for title in ctx.titles:
            spans += self.names_after(ctx, title)
            comma = ctx.prefix_start(title.start) - 1
            closed = title.end >= len(tokens) or fold(tokens[title.end].text) in CLOSES_APPOSITION
            if comma > 0 and tokens[comma].text == "," and closed \
                    and not self.named(ctx, title.end):
                start = comma
                while start > 0 and self.word_end(ctx, start - 1, True) == start:
                    start -= 1
                name = doc[start:comma]
                governed = start > 0 and fold(tokens[start - 1].text) in PREPOSITIONS
                if not governed and (len(name) > 1 or any(t.ent_type_ in ("PER", "LOC", "MISC")
                                                          for t in name)):
                    spans.append((start, comma))  # `Alpha Condé, le président guinéen, ...`
        kept = []
        taken: set[int] = set()
        spans += self.known_names(ctx, {i for s, e in spans for i in range(s, e)})
        for s, e in sorted(set(spans), key=lambda se: (se[0], -se[1])):
            states = any(i in ctx.country_at and ctx.country_at[i].kind != "demonym"
                         for i in range(s, e))  # `l'Alliance Fleuve Congo`: not a person
            if e > s and not states and not taken.intersection(range(s, e)) \
                    and not self.names_thing(ctx, s):
                kept.append((s, e))
                taken.update(range(s, e))
        return kept

    def names_after(self, ctx: DocContext, title: Title) -> list[tuple[int, int]]:
        """Names that follow a title, directly or after a comma (`le chef de la Minusma,
        El-Ghassim Wane,`), and the names coordinated after a plural title."""
        doc, tokens = ctx.doc, ctx.tokens
        i = title.end
        appositive = i < len(tokens) and tokens[i].text == ","
        if appositive:
            i += 1
            while i < len(tokens) and fold(tokens[i].text) in DETERMINERS:
                i += 1
        while i < len(tokens) and fold(tokens[i].text) in self.lex.courtesy:
            i += 1
        e = self.name_end(ctx, i)
        if e == i:
            return []
        closed = e == len(tokens) or fold(tokens[e].text) in CLOSES_APPOSITION
        if appositive and not ((e - i > 1 or any(t.ent_type_ in ("PER", "LOC", "MISC")
                                                 for t in doc[i:e])) and closed):
            return []
        names = [(i, e)]
        while title.plural and e + 1 < len(tokens) and fold(tokens[e].text) in (",", "et") \
                and self.name_end(ctx, e + 1) > e + 1:
            names.append((e + 1, self.name_end(ctx, e + 1)))  # `les présidents X, Y et Z`
            e = names[-1][1]
        return names

    def named(self, ctx: DocContext, i: int) -> bool:
        """Whether a name starts at i, after optional courtesy words."""
        while i < len(ctx.tokens) and fold(ctx.tokens[i].text) in self.lex.courtesy:
            i += 1
        return self.name_end(ctx, i) > i

    def names_thing(self, ctx: DocContext, s: int) -> bool:
        """`le groupe Wagner`, `chef de l'Alliance Fleuve Congo`: a proper name inside a noun
        phrase."""
        if any(t.start < s < t.end for t in ctx.titles):
            return True
        tokens = ctx.tokens
        j = s
        while j > 0 and (tokens[j - 1].like_num
                         or (tokens[j - 1].is_lower and tokens[j - 1].pos_ == "ADJ")
                         or (j - 1 in ctx.country_at
                             and ctx.country_at[j - 1].kind == "demonym")):
            j -= 1
        if j == 0 or fold(ctx.texts[j - 1]) not in self.lex.naming or j - 1 in ctx.title_tokens:
            return False
        noun = tokens[j - 1]  # `la coalition M23`, `l'Alliance Fleuve Congo`, not `Mission :`
        return noun.is_lower or (noun.is_title and not ctx.opens_sentence(j - 1))

    def known_names(self, ctx: DocContext, taken: set[int]) -> list[tuple[int, int]]:
        """Names spaCy missed that the officeholders base knows: each run of capitalised name
        words outside the spans found, or its longest part the base knows (`Poutine`,
        `Hakan Fidan`)."""
        if ctx.knowledge is None:
            return []
        found = []
        resume = 0
        for i, x in enumerate(ctx.texts):
            if i < resume or not (x[:1].isupper() or fold(x) in self.lex.particles) \
                    or ctx.tokens[i].idx < ctx.body_start:
                continue
            end = self.name_end(ctx, i)
            if end == i and ctx.opens_sentence(i) and x.isalpha() and i not in ctx.country_at \
                    and i not in ctx.title_tokens:
                end = max(i + 1, self.name_end(ctx, i + 1))  # `Farmajo, ...` tagged an adverb
            resume = max(end, i + 1)
            if end > i and not taken.intersection(range(i, end)):
                part = self.known_part(ctx, i, end)
                if part is not None:
                    found.append(part[:2])
        return found

    def known(self, ctx: DocContext, start: int, end: int) -> Officeholder | None:
        """The officeholder a name stands for, from the whole name or its longest known part."""
        part = self.known_part(ctx, start, end)
        return part[2] if part is not None else None

    @staticmethod
    def known_part(ctx: DocContext, start: int,
                   end: int) -> tuple[int, int, Officeholder] | None:
        """The longest run of the name's words (of two words or more, unless the name is one
        word) that names one officeholder at the reference date."""
        if ctx.knowledge is None:
            return None
        shortest = 1 if end - start == 1 else 2
        for size in range(end - start, shortest - 1, -1):
            for s in range(start, end - size + 1):
                known = ctx.knowledge.find(ctx.doc[s : s + size].text, ctx.reference)
                if known is not None:
                    return s, s + size, known
        return None
