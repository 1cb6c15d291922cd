"""The `nigerfacts_paragraphs` component: a blank line ends a sentence, before the parser runs.

spaCy's parser sometimes reads across a paragraph break ("... du conflit.\n\nSelon le
renseignement, la Corée du Nord a dépêché ..." parsed as one sentence), and the parse of
both paragraphs then goes wrong. The parser keeps sentence starts set before it, so this
component, put before it, marks the first word of every paragraph. Single line breaks are
left to the parser: wire copy is often wrapped at a fixed width.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

BLANK_LINE = re.compile(r"\n[^\S\n]*\n")  # the end of a paragraph


@Language.component(
    "nigerfacts_paragraphs",
    assigns=["token.is_sent_start"],
)
def mark_paragraphs(doc: Doc) -> Doc:
    """Mark the first token of each paragraph as a sentence start."""
    text = doc.text
    if "\n" not in text:
        return doc
    starts = doc.to_array("IDX").tolist()
    for match in BLANK_LINE.finditer(text):
        i = bisect_left(starts, match.end())
        while i < len(doc) and doc[i].is_space:
            i += 1
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc
