"""The library API: `extract` and `extract_many`, over one lazily loaded spaCy pipeline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

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


def _prepare(nlp: Language, text: str, reference_date: str | None):
    doc = nlp.make_doc(text)
    doc._.reference_date = reference_date
    return doc


def extract(text: str, reference_date: str | None = None, *, model: str = DEFAULT_MODEL,
            source: str | None = None) -> Facts:
    """Facts of one French article.

    `reference_date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) is the publication date used to
    place dates without a year; when None, a leading dateline (` date 2024-08 ...`) gives it.
    """
    nlp = load_pipeline(model)
    facts = nlp(_prepare(nlp, text, reference_date))._.facts
    facts.source = source
    return facts


def extract_many(texts: Iterable[str], reference_dates: Iterable[str | None] | None = None, *,
                 model: str = DEFAULT_MODEL, batch_size: int = 32,
                 n_process: int = 1) -> Iterator[Facts]:
    """Facts of many articles, in input order, streamed through `nlp.pipe`."""
    nlp = load_pipeline(model)
    refs: Iterable[str | None] = reference_dates if reference_dates is not None else _nones()
    docs = (_prepare(nlp, text, ref) for text, ref in zip(texts, refs, strict=False))
    for doc in nlp.pipe(docs, batch_size=batch_size, n_process=n_process):
        yield doc._.facts


def _nones() -> Iterator[None]:
    while True:
        yield None
