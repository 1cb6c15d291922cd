"""Troop counts: the dependency-tree helpers (children listed once, clauses, phrases)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..numbers import Number, approx_nouns
from ..text import doc_tokens, fold, head_indices, token_texts
from .lexicon import CLAUSE_DEPTH, CLAUSES, NEAR, PLACE_CASES, SUBJECTS, TERMINAL


class Tree:
    """A doc's dependency tree with each token's children listed once: spaCy's
    `Token.children` scans the token's whole span, which is quadratic on the flat parses
    of long runs of numbers or names."""

    def __init__(self, doc: Doc) -> None:
        self.kids: list[list[Token]] = [[] for _ in range(len(doc))]
        labels = [t.dep_ for t in doc_tokens(doc)]  # read once: `Token.dep_` decodes anew
        self.deps = ["aux" if d.startswith("aux") else d for d in labels]  # aux:* as `aux`
        self.predicates: set[int] = set()
        self.passives: set[int] = set()
        self.with_en: set[int] = set()
        clause_deps = ("cop", *SUBJECTS)
        texts = token_texts(doc)
        # One pass over cached tokens and head indices: `Token.head` builds a new Token.
        for i, (t, head) in enumerate(zip(doc_tokens(doc), head_indices(doc), strict=True)):
            if head == i:
                continue
            self.kids[head].append(t)
            dep = self.deps[i]
            if dep in clause_deps:
                self.predicates.add(head)
            elif labels[i] == "aux:pass":
                self.passives.add(head)
            if texts[i].lower() == "en":
                self.with_en.add(head)
        self.roots: list[Token] = []  # Token.sent scans: read them once
        self.sent_of = [0] * len(doc)
        for n, sent in enumerate(doc.sents):
            self.roots.append(sent.root)
            self.sent_of[sent.start : sent.end] = [n] * len(sent)

    def previous_root(self, token: Token) -> Token | None:
        """The root of the parser's sentence before the token's."""
        n = self.sent_of[token.i]
        return self.roots[n - 1] if n else None

    def subtree(self, token: Token) -> list[Token]:
        """A token and its descendants, in no set order (`Token.subtree` scans and sorts)."""
        found, stack = [], [token]
        while stack:
            t = stack.pop()
            found.append(t)
            stack.extend(self.kids[t.i])
        return found

    def children(self, token: Token, *deps: str) -> list[Token]:
        """A token's children, or those with one of `deps` (`aux` for every aux:*)."""
        if not deps:
            return self.kids[token.i]
        return [c for dep in deps for c in self.kids[token.i] if self.deps[c.i] == dep]

    def heads_clause(self, token: Token) -> bool:
        """A word heading a clause of its own (with a copula or a subject)."""
        return token.i in self.predicates

    def governor(self, token: Token) -> Token:
        """The predicate of a token's clause: its verb, or a copular noun or adjective. A
        clause is a few heads deep; degenerate parses (long runs of numbers) are cut short."""
        t = token
        for _ in range(CLAUSE_DEPTH):
            if self.heads_clause(t) or (t.i != token.i and t.pos_ in ("VERB", "AUX")):
                return t
            if t.head.i == t.i:
                return t
            t = t.head
        return t

    def subjects(self, verb: Token, near: Token | None = None) -> list[Token]:
        """A predicate's subjects, also when the parser hung them on its auxiliary; only
        those `near` a token if given (a flat parse may give a verb thousands)."""
        heads = [verb, *self.children(verb, "aux")]
        found = [c for t in heads for c in self.children(t, *SUBJECTS)]
        if near is None:
            return found
        found.sort(key=lambda t: t.i)
        lo = bisect_left(found, near.i - NEAR, key=lambda t: t.i)
        hi = bisect_right(found, near.i + NEAR, key=lambda t: t.i)
        return found[lo:hi]

    def counted(self, token: Token) -> bool:
        """A noun with its own number: `10 soldats`, `une dizaine`."""
        return token.like_num or any(c.like_num or c.dep_ == "nummod"
                                     for c in self.kids[token.i]) or (
            fold(token.text).rstrip("s") in approx_nouns())

    def phrase(self, head: Token, end: int, clauses: tuple[str, ...] = CLAUSES
               ) -> Iterable[Token]:
        """A noun's phrase: its words up to `end` and their dependents, not their clauses
        (`1 200 sont tchadiens` parsed under `soldats`) nor other phrases with their own
        number (`3 soldats et une dizaine de jihadistes`)."""
        words = list(head.doc[head.i : end]) or [head]
        yield from words
        inside = {t.i for t in words}
        stack = [c for t in words for c in self.kids[t.i] if c.i not in inside]
        while stack:
            t = stack.pop()
            if t.dep_ in clauses or self.heads_clause(t):
                continue
            if self.counted(t) or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")):
                continue
            yield t
            stack.extend(self.kids[t.i])

    def owning(self, tokens: list[Token]) -> list[Token]:
        """The tokens of a phrase that are not inside a place complement (`à la Minusca`)."""
        ids = {t.i for t in tokens}

        def placed(t: Token) -> bool:
            while t.head.i in ids and t.head.i != t.i:
                if any(c.dep_ == "case" and fold(c.text) in PLACE_CASES
                       for c in self.kids[t.i]):
                    return True
                t = t.head
            return False

        return [t for t in tokens if not placed(t)]


def before_punct(doc: Doc, i: int) -> Token | None:
    """The word before token i, past punctuation: the antecedent of `dont`, `qui`."""
    j = i - 1
    while j >= 0 and doc[j].is_punct:
        j -= 1
    return doc[j] if j >= 0 else None


def is_year(doc: Doc, number: Number) -> bool:
    """A bare four-digit number from 1800 to 2100 standing alone is a year."""
    text = doc[number.start : number.end].text
    return text.isdigit() and len(text) == 4 and 1800 <= number.value <= 2100


def sentence_index(doc: Doc) -> list[int]:
    """Sentence number of each token; spaCy's sentences are joined until one ends with
    terminal punctuation or a line break, as dashes and quotes often split them."""
    texts = token_texts(doc)
    index = [0] * len(doc)
    n = 0
    for sent in doc.sents:
        start, end = sent.start, sent.end
        index[start:end] = [n] * (end - start)
        words = [x for x in texts[start:end] if not x.isspace()]  # as `Token.is_space`
        last = words[-1] if words else ""
        closed = words[-2] if len(words) > 1 and last in "»\")" else last
        if closed in TERMINAL or "\n" in texts[end - 1] + doc[end - 1].whitespace_:
            n += 1
    return index
