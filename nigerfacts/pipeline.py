"""The library API: `extract` and `extract_many`, over one lazily loaded spaCy pipeline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import repeat
from typing import TYPE_CHECKING

from .chunks import Chunk, chunks, merge
from .models import Facts

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "fr_core_news_md"
# What the extractors read: entities, the parse and part-of-speech tags.
# The lemmatizer and attribute ruler are not used, so they are not run.
UNUSED_PIPES = ("lemmatizer", "attribute_ruler")


class ModelNotFoundError(RuntimeError):
    """The spaCy model named by the user is not installed."""


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load `model` once, with the `nigerfacts` component last and unused pipes off."""
    import spacy

    from . import component  # noqa: F401  (registers the factory)

    try:
        nlp = spacy.load(model, exclude=list(UNUSED_PIPES))
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model '{model}' is not installed (pip install nigerfacts installs "
            f"{DEFAULT_MODEL})"
        ) from exc
    nlp.add_pipe("nigerfacts", last=True)
    return nlp


def extract(text: str, reference_date: str | None = None, *, model: str = DEFAULT_MODEL,
            source: str | None = None) -> Facts:
    """Facts of one French article.

    `reference_date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) is the publication date used to
    place dates without a year; when None, a leading dateline (` date 2024-08 ...`) gives it.
    """
    facts = next(extract_many([text], [reference_date], model=model))
    facts.source = source
    return facts


def extract_many(texts: Iterable[str], reference_dates: Iterable[str | None] | None = None, *,
                 model: str = DEFAULT_MODEL, batch_size: int = 16,
                 n_process: int = 1) -> Iterator[Facts]:
    """Facts of many articles, in input order, streamed through `nlp.pipe`.

    Long texts are cut into chunks (see `nigerfacts.chunks`); `n_process` > 1 runs spaCy's
    worker processes. Memory stays flat: texts are read from the iterable as needed.
    """
    nlp = load_pipeline(model)
    refs: Iterable[str | None] = reference_dates if reference_dates is not None else repeat(None)
    pending: dict[int, tuple[str, list[Chunk]]] = {}

    def stream() -> Iterator[tuple[str, tuple[int, int]]]:
        for n, (text, ref) in enumerate(zip(texts, refs, strict=False)):
            pieces = chunks(text, ref)
            pending[n] = (text, pieces)
            for k, chunk in enumerate(pieces):
                yield chunk.spacy_text, (n, k)

    parts: list[tuple[Chunk, Facts]] = []
    for doc, (n, k) in nlp.pipe(stream(), as_tuples=True, batch_size=batch_size,
                                n_process=n_process):
        text, pieces = pending[n]
        parts.append((pieces[k], doc._.facts))
        if k == len(pieces) - 1:
            del pending[n]
            yield merge(text, parts)
            parts = []
