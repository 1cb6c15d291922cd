"""Titles: an entry of `data/titles.tsv` with its noun phrase (adjectives, nationality,
complement: `ministre nigérien de la Défense`), whether the phrase makes the role past, and
the title as written."""

from __future__ import annotations

from itertools import pairwise

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token
from spacy.util import filter_spans

from ..text import data_lines, fold
from .context import (
    DE,
    DETERMINERS,
    INVARIABLE,
    LOCATIVE,
    PREPOSITIONS,
    DocContext,
    Lexicon,
    Title,
    adjective,
    glued,
)
from .names import Names


class Titles:
    """Find the titles of a doc and read each one's noun phrase."""

    def __init__(self, nlp: Language, lex: Lexicon, names: Names) -> None:
        self.lex = lex
        self.names = names
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # `secrétaire américain à la Défense`: a nationality inside a title whose first
        # word is no title alone; first word -> (the other words, label)
        self.split_titles: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        entries = [line.split("\t") for line in data_lines("titles.tsv")]
        single = {title for title, _ in entries if " " not in title}
        for title, role in entries:
            for form in {title, plural(title)}:
                phrases = {form, form.replace("'", "’"), fold(form)}
                phrases |= {f"ex-{p}" for p in phrases}
                label = f"{title}|{role}|{int(form != title)}"
                self.matcher.add(label, list(nlp.tokenizer.pipe(sorted(phrases))))
                words = [fold(t.text) for t in nlp.tokenizer(form)]
                if len(words) > 1 and words[0] not in single:
                    self.split_titles.setdefault(words[0], []).append((tuple(words[1:]), label))

    def find_titles(self, ctx: DocContext) -> None:
        doc, tokens = ctx.doc, ctx.tokens
        found = [(doc.vocab.strings[key], s, e) for key, s, e in self.matcher(doc)]
        found += self.titles_with_nationality(ctx)
        spans = [Span(doc, s, e, label=label) for label, s, e in found
                 if tokens[s].idx >= ctx.body_start and not glued(tokens, s, e)]
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            before = tokens[span.start - 1] if span.start else None
            if before is not None and before.pos_ == "NOUN" and before.is_lower:
                continue  # `quartier général`, `directeur général`: an adjective here
            entry, role, plural = span.label_.split("|")
            ctx.titles.append(Title(span.start, span.end, role, entry, plural == "1",
                                     fold(span[0].text).startswith("ex-")))
        ctx.title_from = {t.start: t for t in ctx.titles}
        ctx.title_tokens = {i for t in ctx.titles for i in range(t.start, t.head_end)}
        for title in reversed(ctx.titles):
            self.extend(ctx, title)

    def titles_with_nationality(self, ctx: DocContext) -> list[tuple[str, int, int]]:
        """(label, start, end) of titles with a nationality inside: `secrétaire américain à
        la Défense` (a `PhraseMatcher` cannot skip the adjective)."""
        texts, found = ctx.texts, []
        for i, x in enumerate(texts):
            entries = self.split_titles.get(fold(x))
            mention = ctx.country_at.get(i + 1)
            if entries is None or mention is None or mention.kind != "demonym":
                continue
            for rest, label in entries:
                end = i + 2 + len(rest)
                if tuple(fold(w) for w in texts[i + 2 : end]) == rest:
                    found.append((label, i, end))
        return found

    def extend(self, ctx: DocContext, title: Title) -> None:
        """Find where the title's noun phrase ends and whether it makes the role past."""
        doc, tokens = ctx.doc, ctx.tokens
        i = title.head_end
        title.inner = -1
        while i < len(tokens):
            mention = ctx.country_at.get(i)
            if mention is not None and mention.kind == "demonym" and mention.start == i:
                i = mention.end
                continue
            token = tokens[i]
            after = ctx.country_at.get(i + 1)
            if token.lower_ == "et" and after is not None and after.kind == "demonym":
                i = after.end  # `les présidents malien et burkinabè`
                continue
            if token.is_lower and adjective(token) and i not in ctx.title_from:
                title.former |= title.inner < 0 and fold(token.text) in self.lex.former
                i += 1
                continue
            j = self.complement(ctx, i, title)
            if j == i:
                break
            title.complement = True
            i = j
        title.end = i
        title.inner = i if title.inner < 0 else title.inner
        prefix = doc[ctx.prefix_start(title.start) : title.start]
        title.former |= title.ex or any(fold(t.text) in self.lex.former for t in prefix)

    def complement(self, ctx: DocContext, i: int, title: Title) -> int:
        """End of one complement (`de la Défense`, `du groupe Wagner`), or i when none."""
        doc, tokens = ctx.doc, ctx.tokens
        n = len(tokens)
        k = i
        if tokens[k].text == "," and k + 1 < n and fold(tokens[k + 1].text) in DE:
            k += 1  # `ministre des Affaires étrangères, de la Francophonie et ...`
        elif fold(tokens[k].text) == "et" and k + 1 < n \
                and fold(tokens[k + 1].text) in PREPOSITIONS:
            k += 1
        word = fold(tokens[k].text)
        if word not in PREPOSITIONS or (word not in DE and tokens[k].pos_ != "ADP"):
            return i
        if word == "par" and k + 1 < n and fold(tokens[k + 1].text) in DETERMINERS:
            return i  # `par intérim`, not `nommé Premier ministre par le CNSP`
        k += 1
        while k < n and fold(tokens[k].text) in DETERMINERS:
            k += 1
        if k >= n:
            return i
        if k in ctx.title_from:
            if title.inner < 0:
                title.inner = k
            return ctx.title_from[k].end
        mention = ctx.country_at.get(k)
        if mention is not None and mention.start == k:
            return mention.end
        end = self.names.name_end(ctx, k, acronyms=True)
        entity = tokens[k].ent_type_ not in ("", "PER") and tokens[k].ent_iob_ == "B"
        if end > k and entity:
            entity_end = next((j for j in range(k + 1, len(tokens)) if tokens[j].ent_iob_ != "I"),
                              len(tokens))
            if any(t.is_lower and t.is_alpha for t in doc[end:entity_end]) or (
                    fold(ctx.texts[k]) in self.lex.naming and entity_end <= end):
                return entity_end  # `de l'Alliance fleuve Congo`, `des Nations unies pour ...`
        if end > k:
            person = next((j for j in range(k + 1, end) if tokens[j].ent_iob_ == "B"
                           and tokens[j].ent_type_ == "PER"), None)
            if person is not None:
                return person  # `secrétaire général de l'ONU António Guterres`
            return k + 1 if end - k >= 3 else end  # `ministre de la Défense Kalla Moutari`
        token = tokens[k]
        number = token.like_num and word in DE | {"en"}  # `renversé en 2021`
        if not (number or (token.is_lower and token.pos_ in ("NOUN", "PROPN", "ADJ"))):
            return i
        k += 1
        if fold(token.text) in self.lex.naming:
            k = self.named_thing_end(ctx, k)
        return k

    def named_thing_end(self, ctx: DocContext, k: int) -> int:
        """After a naming noun, the adjectives and the proper name: `force française Barkhane`."""
        tokens = ctx.tokens
        j = k
        while j < len(tokens) and (
                tokens[j].like_num or (tokens[j].is_lower and tokens[j].pos_ == "ADJ")
                or (j in ctx.country_at and ctx.country_at[j].kind == "demonym")):
            j += 1
        end = self.names.name_end(ctx, j, acronyms=True)
        return end if end > j else k

    def text(self, ctx: DocContext, title: Title, index: int = 0) -> str:
        """The title as written, without nationality, `ex-`, past participles or a state; the
        index-th name after `les ministres de la Défense et de l'Intérieur` takes the index-th
        complement."""
        doc, tokens = ctx.doc, ctx.tokens
        kept: list[Token] = []
        i = title.start
        while i < title.inner:
            mention = ctx.country_at.get(i)
            if mention is not None and not (mention.kind == "demonym"
                                            and tokens[i].text[0].isupper()):
                if kept and fold(kept[-1].text) in DE | LOCATIVE:
                    kept.pop()
                i = mention.end
                continue
            if i < title.head_end or fold(tokens[i].text) not in self.lex.former:
                kept.append(tokens[i])
            i += 1
        cuts = [k for k, t in enumerate(kept[:-1]) if t.lower_ == "et" and k
                and fold(kept[k + 1].text) in DE and fold(kept[k - 1].text) not in DE]
        if title.plural and cuts:
            first = next(k for k, t in enumerate(kept) if fold(t.text) in DE)
            ends = [*cuts, len(kept)]
            parts = [kept[first : cuts[0]]] + [kept[c + 1 : e] for c, e in pairwise(ends)]
            kept = kept[:first] + parts[min(index, len(parts) - 1)]
        while kept and fold(kept[-1].text) in DE | DETERMINERS | {",", "et"}:
            kept.pop()
        text = "".join(t.text_with_ws for t in kept).strip()
        if title.plural:
            text = title.entry + text[len(doc[title.start : title.head_end].text):]
        text = text[3:] if fold(text).startswith("ex-") else text
        if ctx.opens_sentence(title.start) or title.plural:
            text = text[:1].lower() + text[1:]
        return text


def plural(title: str) -> str:
    """`président` -> `présidents`, `secrétaire général` -> `secrétaires généraux`."""
    words = title.split(" ")
    out = []
    for i, word in enumerate(words):
        if word in ("de", "du", "des", "en", "à") or word.startswith("d'"):
            out += words[i:]
            break
        out.append("-".join(p if p in INVARIABLE else _plural_word(p) for p in word.split("-")))
    return " ".join(out)


def _plural_word(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + ("x" if word.endswith("eau") else "s")
